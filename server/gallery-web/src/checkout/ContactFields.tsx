// Who is ordering: name and e-mail (needed to reach them), phone optional, and a free note.
import { useTranslation } from 'react-i18next';

import type { Contact } from './order-request';

export type ContactErrors = Partial<Record<'name' | 'email', string>>;

interface ContactFieldsProps {
  value: Contact;
  errors: ContactErrors;
  onChange(value: Contact): void;
}

export function ContactFields({ value, errors, onChange }: ContactFieldsProps) {
  const { t } = useTranslation();
  const set = (field: keyof Contact) => (event: { target: { value: string } }) => onChange({ ...value, [field]: event.target.value });
  return (
    <fieldset className="contact-fields">
      <legend>
        <h2>{t('checkout.detailsHeading')}</h2>
      </legend>
      <label className="field">
        <span>{t('checkout.name')}</span>
        <input
          name="name"
          autoComplete="name"
          required
          maxLength={200}
          value={value.name}
          onChange={set('name')}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? 'name-error' : undefined}
        />
        {errors.name && (
          <span id="name-error" className="field-error">
            {errors.name}
          </span>
        )}
      </label>
      <label className="field">
        <span>{t('checkout.email')}</span>
        <input
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          value={value.email}
          onChange={set('email')}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? 'email-error' : undefined}
        />
        {errors.email && (
          <span id="email-error" className="field-error">
            {errors.email}
          </span>
        )}
      </label>
      <label className="field">
        <span>{t('checkout.phone')}</span>
        <input name="phone" type="tel" autoComplete="tel" maxLength={40} value={value.phone} onChange={set('phone')} />
      </label>
      <label className="field">
        <span>{t('checkout.note')}</span>
        <textarea
          name="note"
          rows={4}
          maxLength={2000}
          placeholder={t('checkout.notePlaceholder')}
          value={value.note}
          onChange={set('note')}
        />
      </label>
    </fieldset>
  );
}
