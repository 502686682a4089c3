import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { StudioSettings } from '../../../../shared/schemas/orders-api';
import { getApi } from '../../api/use-api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';

/**
 * Settings › Payments (seeds 000–002): the bank transfer details the client sees on the order page
 * and in the e-mail, where new orders are announced, and card payments. Saved through the outbox,
 * so it works offline; the last known settings are shown when the hosted service is away.
 */
export function PaymentsCard() {
  const { t } = useTranslation();
  const id = useId();
  const [form, setForm] = useState<StudioSettings | null>(null);
  const [state, setState] = useState<{ pending: boolean; fresh: boolean }>({ pending: false, fresh: true });
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void getApi()
      .call('studio.settings')
      .then((view) => {
        setForm(view.settings);
        setState({ pending: view.pending, fresh: view.fresh });
      })
      .catch((e: unknown) => setError(e as AppError));
  }, []);
  if (!form) return error ? <ErrorNotice message={error.message} /> : null;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const view = await getApi().call('studio.saveSettings', { ...form, notificationEmail: form.notificationEmail?.trim() || null });
      setForm(view.settings);
      setState({ pending: view.pending, fresh: view.fresh });
      setSaved(true);
    } catch (e) {
      setError(e as AppError);
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('payments.title')}</h2>
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={`${id}-instructions`}>{t('payments.instructions')}</label>
          <textarea
            id={`${id}-instructions`}
            rows={4}
            value={form.paymentInstructions}
            aria-describedby={`${id}-instructions-hint`}
            onChange={(e) => {
              setSaved(false);
              setForm({ ...form, paymentInstructions: e.target.value });
            }}
          />
          <small id={`${id}-instructions-hint`} className="field__hint">
            {t('payments.instructionsHint')}
          </small>
        </div>
        <Field
          label={t('payments.notificationEmail')}
          hint={t('payments.notificationEmailHint')}
          type="email"
          value={form.notificationEmail ?? ''}
          error={error?.fields?.notificationEmail}
          onChange={(e) => {
            setSaved(false);
            setForm({ ...form, notificationEmail: e.target.value });
          }}
        />
        <div className="check">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.cardPayments}
              onChange={(e) => {
                setSaved(false);
                setForm({ ...form, cardPayments: e.target.checked });
              }}
            />
            <span>{t('payments.card')}</span>
          </label>
        </div>
        {error ? <ErrorNotice message={error.message} /> : null}
        <div className="card__actions">
          <span className="muted" role="status">
            {state.pending ? t('payments.pending') : saved ? t('payments.saved') : !state.fresh ? t('payments.lastKnown') : ''}
          </span>
          <button type="submit" className="button button--primary">
            {t('payments.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
