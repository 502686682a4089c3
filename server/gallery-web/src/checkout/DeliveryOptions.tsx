// The delivery methods the photographer offers, as large radio cards: the price as set (per
// photograph or for the package) and what it comes to for this basket.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/schemas/prefs';
import type { DeliveryMethod } from '../api/client-api';
import { formatMoney } from '../format/money';
import { quote } from '../format/quote';

interface DeliveryOptionsProps {
  methods: readonly DeliveryMethod[];
  count: number;
  value: string | null;
  language: Language;
  error: string | null;
  onChange(methodId: string): void;
}

export function DeliveryOptions({ methods, count, value, language, error, onChange }: DeliveryOptionsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="delivery-options" aria-describedby={error ? 'delivery-error' : undefined}>
      <legend>
        <h2>{t('checkout.deliveryHeading')}</h2>
      </legend>
      {methods.map((method) => {
        const price = formatMoney(method.priceMinor, method.currency, language);
        const total = formatMoney(quote(method, count).totalMinor, method.currency, language);
        return (
          <label key={method.id} className={value === method.id ? 'option is-chosen' : 'option'}>
            <input type="radio" name="delivery" value={method.id} checked={value === method.id} onChange={() => onChange(method.id)} />
            <span className="option-text">
              <span className="option-label">{method.label}</span>
              <span className="option-price">
                {t(method.pricing === 'per_photo' ? 'checkout.perPhoto' : 'checkout.package', { price })}
              </span>
            </span>
            <span className="option-total">{t('checkout.subtotal', { count, total })}</span>
          </label>
        );
      })}
      {error && (
        <p id="delivery-error" className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
