// The publish dialog's pieces: a titled section, radio, checkbox with a hint, labelled select,
// and one delivery method's row (offered, price, per photo or package).
import { type ReactNode, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryDraft } from './publish-form';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

export function Radio({
  name,
  checked,
  disabled,
  onChange,
  children,
}: {
  name: string;
  checked: boolean;
  disabled?: boolean;
  onChange(): void;
  children: ReactNode;
}) {
  return (
    <label className={`radio${disabled ? ' radio--disabled' : ''}`}>
      <input type="radio" name={name} checked={checked} disabled={disabled} onChange={onChange} />
      <span>{children}</span>
    </label>
  );
}

export function Check({
  checked,
  onChange,
  children,
  hint,
}: {
  checked: boolean;
  onChange(value: boolean): void;
  children: ReactNode;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="check">
      <label className="checkbox">
        <input type="checkbox" checked={checked} aria-describedby={hint ? id : undefined} onChange={(e) => onChange(e.target.checked)} />
        <span>{children}</span>
      </label>
      {hint ? (
        <small id={id} className="field__hint check__hint">
          {hint}
        </small>
      ) : null}
    </div>
  );
}

export function Select({
  label,
  value,
  onChange,
  children,
  error,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
      {error ? (
        <small id={`${id}-error`} className="field__error">
          {error}
        </small>
      ) : null}
    </div>
  );
}

export function DeliveryRow({
  method,
  currency,
  error,
  onChange,
}: {
  method: DeliveryDraft;
  currency: string;
  error: string | undefined;
  onChange(kind: DeliveryDraft['kind'], patch: Partial<DeliveryDraft>): void;
}) {
  const { t } = useTranslation();
  const name = t(`publish.delivery.kind.${method.kind}`);
  const id = useId();
  const labels = useMemo(
    () => ({ price: t('publish.delivery.priceFor', { name }), pricing: t('publish.delivery.pricingFor', { name }) }),
    [t, name],
  );
  return (
    <div className={`delivery-row${method.enabled ? '' : ' delivery-row--off'}`}>
      <label className="checkbox delivery-row__name">
        <input type="checkbox" checked={method.enabled} onChange={(e) => onChange(method.kind, { enabled: e.target.checked })} />
        <span>{name}</span>
      </label>
      <div className={`delivery-row__price${error ? ' field--invalid' : ''}`}>
        <input
          aria-label={labels.price}
          inputMode="decimal"
          value={method.price}
          disabled={!method.enabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(method.kind, { price: e.target.value })}
        />
        <span className="delivery-row__currency" aria-hidden="true">
          {currency}
        </span>
      </div>
      <select
        aria-label={labels.pricing}
        value={method.pricing}
        disabled={!method.enabled}
        onChange={(e) => onChange(method.kind, { pricing: e.target.value as DeliveryDraft['pricing'] })}
      >
        <option value="per_photo">{t('publish.delivery.perPhoto')}</option>
        <option value="package">{t('publish.delivery.package')}</option>
      </select>
      {error ? (
        <small id={`${id}-error`} className="field__error delivery-row__error">
          {error}
        </small>
      ) : null}
    </div>
  );
}
