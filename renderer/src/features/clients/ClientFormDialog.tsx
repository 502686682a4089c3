import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudioClient } from '../../../../shared/schemas/galleries';
import { type Language, languages } from '../../../../shared/schemas/prefs';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useClients } from './clients-store';

const languageNames: Record<Language, string> = { en: 'English', pl: 'Polski' };

/** A new client, or corrected details of one (a wrong e-mail is fixed here before links are resent). */
export function ClientFormDialog({
  client,
  onClose,
  onSaved,
}: {
  client: StudioClient | null;
  onClose(): void;
  onSaved(id: string): void;
}) {
  const { t } = useTranslation();
  const languageId = useId();
  const busy = useClients((s) => s.busy === 'saveClient');
  const error = useClients((s) => s.actionError);
  const [name, setName] = useState(client?.name ?? '');
  const [email, setEmail] = useState(client?.email ?? '');
  const [phone, setPhone] = useState(client?.phone ?? '');
  const [language, setLanguage] = useState<Language>(client?.language ?? 'pl');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const id = await useClients.getState().saveClient({
      ...(client ? { id: client.id } : {}),
      name,
      email,
      phone: phone.trim() || null,
      language,
    });
    if (id) onSaved(id);
  }
  const close = () => {
    useClients.getState().clearActionError();
    onClose();
  };

  return (
    <Dialog title={client ? t('clients.editTitle', { name: client.name }) : t('clients.addTitle')} size="small" onClose={close}>
      <form className="stack" onSubmit={submit} noValidate>
        <Field label={t('publish.client.name')} value={name} onChange={(e) => setName(e.target.value)} error={error?.fields?.name} />
        <Field
          label={t('publish.client.email')}
          type="email"
          value={email}
          hint={client ? t('clients.emailHint') : undefined}
          onChange={(e) => setEmail(e.target.value)}
          error={error?.fields?.email}
        />
        <Field
          label={t('publish.client.phone')}
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={error?.fields?.phone}
        />
        <div className="field">
          <label htmlFor={languageId}>{t('publish.client.language')}</label>
          <select id={languageId} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {languages.map((lang) => (
              <option key={lang} value={lang}>
                {languageNames[lang]}
              </option>
            ))}
          </select>
        </div>
        {error ? <ErrorNotice message={error.message} /> : null}
        <div className="card__actions">
          <button type="button" className="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.working') : t('clients.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
