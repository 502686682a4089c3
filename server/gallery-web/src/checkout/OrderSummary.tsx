// The right-hand column of checkout (below the form on a phone): the chosen photographs as a
// small contact sheet, and the total with the VAT it includes.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/schemas/prefs';
import type { DeliveryMethod, GalleryPhoto } from '../api/client-api';
import { formatMoney, formatVatRate } from '../format/money';
import { quote } from '../format/quote';
import { ContactSheet } from '../ui/ContactSheet';

interface OrderSummaryProps {
  photos: readonly GalleryPhoto[];
  method: DeliveryMethod | null;
  language: Language;
}

export function OrderSummary({ photos, method, language }: OrderSummaryProps) {
  const { t } = useTranslation();
  const price = method ? quote(method, photos.length) : null;
  return (
    <section className="summary" aria-labelledby="summary-title">
      <h2 id="summary-title" className="summary-title">
        {t('checkout.summaryHeading')}
      </h2>
      <ContactSheet photos={photos} />
      <dl className="summary-lines">
        <div>
          <dt>{t('order.photos')}</dt>
          <dd>{t('common.photos', { count: photos.length })}</dd>
        </div>
        {method && (
          <div>
            <dt>{t('order.delivery')}</dt>
            <dd>{method.label}</dd>
          </div>
        )}
        {method && price && (
          <div className="summary-total">
            <dt>{t('checkout.total')}</dt>
            <dd>
              <output aria-live="polite">{formatMoney(price.totalMinor, price.currency, language)}</output>
              <small>
                {t('checkout.vatIncluded', {
                  rate: formatVatRate(method.vatRateBp, language),
                  amount: formatMoney(price.vatMinor, price.currency, language),
                })}
              </small>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
