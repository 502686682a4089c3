import i18next from 'i18next';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';
import type { ClientSummary } from '../../../../shared/schemas/galleries';
import type { JobProgress } from '../../../../shared/schemas/jobs';
import { type Language, languages } from '../../../../shared/schemas/prefs';
import type { ShootSummary } from '../../../../shared/schemas/shoots';
import { getApi } from '../../api/use-api';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useLibrary } from '../library/library-store';
import { usePhotos } from '../photos/photos-store';
import { PublishProgress } from './PublishProgress';
import { Check, DeliveryRow, Radio, Section, Select } from './publish-fields';
import { buildPublishInput, currencies, type DeliveryDraft, type DraftErrors, defaultDraft, type PublishDraft } from './publish-form';

const languageNames: Record<Language, string> = { en: 'English', pl: 'Polski' };

/** Which error a draft field's change clears (errors are named by the contract's paths). */
const errorKeyOf: Partial<Record<keyof PublishDraft, string>> = {
  clientMode: 'clientId',
  name: 'client.name',
  email: 'client.email',
  expiryDate: 'settings.expiresAt',
  neverExpires: 'settings.expiresAt',
  watermark: 'watermarkText',
};

interface Counts {
  all: number;
  picks: number;
}

interface Started {
  galleryId: string;
  jobId: string;
  title: string;
}

/**
 * Publish a shoot as a client gallery: who it is for, which photos, the gallery's settings and
 * what the client can order. After submit the same dialog follows the proofs and the upload.
 * The form stays as typed through every error, and comes back after a failed proof job.
 */
export function PublishDialog({ shoot, onClose }: { shoot: ShootSummary; onClose(): void }) {
  const { t } = useTranslation();
  const studioName = useLibrary((s) => s.library?.name ?? '');
  const [selectedIds] = useState(() => [...usePhotos.getState().selected]);
  const [clients, setClients] = useState<ClientSummary[] | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [draft, setDraft] = useState<PublishDraft>(() =>
    defaultDraft({ title: shoot.name, studioName, hasClients: false, hasSelection: selectedIds.length > 0, now: new Date() }),
  );
  const [errors, setErrors] = useState<DraftErrors>({});
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState<Started | null>(null);
  // The proof job reports from the moment it starts, which can be before the call answers.
  const [jobs, setJobs] = useState<Record<string, JobProgress>>({});
  useEffect(
    () =>
      getApi().on('job.progress', (progress) => {
        if (progress.kind === 'gallery.proofs') setJobs((all) => ({ ...all, [progress.jobId]: progress }));
      }),
    [],
  );

  useEffect(() => {
    const api = getApi();
    api
      .call('clients.list')
      .then((list) => {
        setClients(list);
        if (list.length > 0) setDraft((d) => ({ ...d, clientMode: 'existing' }));
      })
      .catch(() => setClients([]));
    const total = (filter: object) => api.call('photos.list', { shootId: shoot.id, filter, limit: 1 }).then((r) => r.total);
    Promise.all([total({}), total({ status: 'missing' }), total({ pick: 'pick' })])
      .then(([all, missing, picks]) => setCounts({ all: all - missing, picks }))
      .catch(() => setCounts(null));
  }, [shoot.id]);

  const update = (patch: Partial<PublishDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A field the user touches loses its old complaint; the others keep theirs.
    const touched = new Set(Object.keys(patch).map((k) => errorKeyOf[k as keyof PublishDraft] ?? k));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !touched.has(key))));
  };
  const updateDelivery = (kind: DeliveryDraft['kind'], patch: Partial<DeliveryDraft>) => {
    setDraft((d) => ({ ...d, delivery: d.delivery.map((m) => (m.kind === kind ? { ...m, ...patch } : m)) }));
    setErrors((e) => {
      const { [`delivery.${kind}.price`]: _price, deliveryMethods: _none, ...rest } = e;
      return rest;
    });
  };

  const clientLanguage: Language =
    draft.clientMode === 'existing' ? (clients?.find((c) => c.id === draft.clientId)?.language ?? 'en') : draft.language;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setServerError(null);
    const labelT = i18next.getFixedT(clientLanguage);
    const built = buildPublishInput(draft, {
      shootId: shoot.id,
      selectedIds,
      label: (kind) => labelT(`publish.delivery.clientLabel.${kind}`),
      now: new Date(),
    });
    if ('errors' in built) {
      setErrors(built.errors);
      return;
    }
    setBusy(true);
    try {
      const { galleryId, jobId } = await getApi().call('galleries.publish', built.input);
      setStarted({ galleryId, jobId, title: built.input.title });
    } catch (error) {
      const appError = error as AppError;
      setServerError(appError);
      setErrors(serverFieldErrors(appError));
    } finally {
      setBusy(false);
    }
  }

  if (started) {
    return (
      <Dialog title={t('publish.progressTitle', { title: started.title })} size="medium" onClose={onClose}>
        <PublishProgress
          galleryId={started.galleryId}
          job={jobs[started.jobId] ?? null}
          onBackToForm={() => {
            const failed = jobs[started.jobId];
            setStarted(null);
            if (failed?.error) setServerError(new AppError('io_error', failed.error));
          }}
          onClose={onClose}
        />
      </Dialog>
    );
  }

  const error = (key: string) => (errors[key] ? (errors[key].startsWith('server:') ? errors[key].slice(7) : t(errors[key])) : undefined);
  const formId = 'publish-form';
  return (
    <Dialog
      title={t('publish.title')}
      subtitle={t('publish.subtitle', { shoot: shoot.name })}
      size="large"
      onClose={onClose}
      footer={
        <>
          {serverError ? <ErrorNotice message={serverError.message} onDismiss={() => setServerError(null)} /> : null}
          {!serverError && Object.keys(errors).length > 0 ? (
            <p className="dialog__problem" role="alert">
              {t('publish.errors.summary', { count: Object.keys(errors).length })}
            </p>
          ) : null}
          <div className="card__actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" form={formId} className="button button--primary" disabled={busy}>
              {busy ? t('common.working') : t('publish.submit')}
            </button>
          </div>
        </>
      }
    >
      <form id={formId} className="publish-form" onSubmit={submit} noValidate>
        <div className="publish-form__column">
          <Section title={t('publish.client.legend')}>
            {clients && clients.length > 0 ? (
              <div className="segmented" role="radiogroup" aria-label={t('publish.client.legend')}>
                <Radio name="clientMode" checked={draft.clientMode === 'existing'} onChange={() => update({ clientMode: 'existing' })}>
                  {t('publish.client.existing')}
                </Radio>
                <Radio name="clientMode" checked={draft.clientMode === 'new'} onChange={() => update({ clientMode: 'new' })}>
                  {t('publish.client.new')}
                </Radio>
              </div>
            ) : null}
            {draft.clientMode === 'existing' && clients && clients.length > 0 ? (
              <Select
                label={t('publish.client.pick')}
                value={draft.clientId}
                onChange={(clientId) => update({ clientId })}
                error={error('clientId')}
              >
                <option value="">{t('publish.client.choose')}</option>
                {clients.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} — {c.email}
                  </option>
                ))}
              </Select>
            ) : (
              <>
                <Field
                  label={t('publish.client.name')}
                  value={draft.name}
                  autoComplete="off"
                  onChange={(e) => update({ name: e.target.value })}
                  error={error('client.name')}
                />
                <Field
                  label={t('publish.client.email')}
                  type="email"
                  value={draft.email}
                  autoComplete="off"
                  onChange={(e) => update({ email: e.target.value })}
                  error={error('client.email')}
                />
                <div className="field-row">
                  <Field
                    label={t('publish.client.phone')}
                    type="tel"
                    value={draft.phone}
                    autoComplete="off"
                    onChange={(e) => update({ phone: e.target.value })}
                  />
                  <Select
                    label={t('publish.client.language')}
                    value={draft.language}
                    onChange={(language) => update({ language: language as Language })}
                  >
                    {languages.map((lang) => (
                      <option key={lang} value={lang}>
                        {languageNames[lang]}
                      </option>
                    ))}
                  </Select>
                </div>
              </>
            )}
          </Section>

          <Section title={t('publish.gallery.legend')}>
            <Field
              label={t('publish.gallery.title')}
              value={draft.title}
              onChange={(e) => update({ title: e.target.value })}
              error={error('title')}
            />
            <div className="field-row field-row--baseline">
              <Field
                label={t('publish.settings.expiry')}
                type="date"
                value={draft.expiryDate}
                disabled={draft.neverExpires}
                onChange={(e) => update({ expiryDate: e.target.value })}
                error={error('settings.expiresAt')}
              />
              <Check checked={draft.neverExpires} onChange={(neverExpires) => update({ neverExpires })}>
                {t('publish.settings.never')}
              </Check>
            </div>
            <fieldset className="choice-group" aria-describedby={errors.selection ? 'publish-selection-error' : undefined}>
              <legend>{t('publish.gallery.photos')}</legend>
              <Radio name="selection" checked={draft.selection === 'all'} onChange={() => update({ selection: 'all' })}>
                {counts ? t('publish.gallery.allCount', { count: counts.all }) : t('publish.gallery.all')}
              </Radio>
              <Radio
                name="selection"
                checked={draft.selection === 'picks'}
                disabled={counts?.picks === 0}
                onChange={() => update({ selection: 'picks' })}
              >
                {counts ? t('publish.gallery.picksCount', { count: counts.picks }) : t('publish.gallery.picks')}
              </Radio>
              <Radio
                name="selection"
                checked={draft.selection === 'selected'}
                disabled={selectedIds.length === 0}
                onChange={() => update({ selection: 'selected' })}
              >
                {selectedIds.length > 0 ? t('publish.gallery.selected', { count: selectedIds.length }) : t('publish.gallery.noneSelected')}
              </Radio>
              {errors.selection ? (
                <small id="publish-selection-error" className="field__error">
                  {error('selection')}
                </small>
              ) : null}
            </fieldset>
          </Section>
        </div>

        <div className="publish-form__column">
          <Section title={t('publish.settings.legend')}>
            <div className="watermark-row">
              <Check checked={draft.watermark} onChange={(watermark) => update({ watermark })}>
                {t('publish.settings.watermark')}
              </Check>
              <input
                className={`inline-input${errors.watermarkText ? ' inline-input--invalid' : ''}`}
                aria-label={t('publish.settings.watermarkText')}
                value={draft.watermarkText}
                maxLength={80}
                disabled={!draft.watermark}
                aria-invalid={errors.watermarkText ? true : undefined}
                aria-describedby={errors.watermarkText ? 'publish-watermark-error' : undefined}
                onChange={(e) => update({ watermarkText: e.target.value })}
              />
              {errors.watermarkText ? (
                <small id="publish-watermark-error" className="field__error watermark-row__error">
                  {error('watermarkText')}
                </small>
              ) : null}
            </div>
            <Check checked={draft.allowWebDownloads} onChange={(allowWebDownloads) => update({ allowWebDownloads })}>
              {t('publish.settings.webDownloads')}
            </Check>
            <Check checked={draft.manualValidation} onChange={(manualValidation) => update({ manualValidation })}>
              {t('publish.settings.manualValidation')}
            </Check>
            <Check checked={draft.retouchBeforeDelivery} onChange={(retouchBeforeDelivery) => update({ retouchBeforeDelivery })}>
              {t('publish.settings.retouch')}
            </Check>
            <Check checked={draft.autoSendDownloadLinks} onChange={(autoSendDownloadLinks) => update({ autoSendDownloadLinks })}>
              {t('publish.settings.autoSend')}
            </Check>
            <Check
              checked={draft.saveDeterrent}
              onChange={(saveDeterrent) => update({ saveDeterrent })}
              hint={t('publish.settings.deterrentHint')}
            >
              {t('publish.settings.deterrent')}
            </Check>
          </Section>

          <Section title={t('publish.delivery.legend')}>
            <div className="delivery-table">
              {draft.delivery.map((method) => (
                <DeliveryRow
                  key={method.kind}
                  method={method}
                  currency={draft.currency}
                  error={error(`delivery.${method.kind}.price`)}
                  onChange={updateDelivery}
                />
              ))}
            </div>
            {errors.deliveryMethods ? <small className="field__error">{error('deliveryMethods')}</small> : null}
            <div className="price-terms">
              <label className="price-terms__item">
                <span>{t('publish.delivery.currency')}</span>
                <select value={draft.currency} onChange={(e) => update({ currency: e.target.value as PublishDraft['currency'] })}>
                  {currencies.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
              <label className="price-terms__item">
                <span>{t('publish.delivery.vat')}</span>
                <input
                  className={`inline-input inline-input--short${errors.vat ? ' inline-input--invalid' : ''}`}
                  inputMode="decimal"
                  value={draft.vat}
                  aria-invalid={errors.vat ? true : undefined}
                  aria-describedby={errors.vat ? 'publish-vat-error' : undefined}
                  onChange={(e) => update({ vat: e.target.value })}
                />
              </label>
              <small className="muted">{t('publish.delivery.termsHint')}</small>
              {errors.vat ? (
                <small id="publish-vat-error" className="field__error price-terms__error">
                  {error('vat')}
                </small>
              ) : null}
            </div>
          </Section>
        </div>
      </form>
    </Dialog>
  );
}

/** The server's field messages on the paths this form has (the whole sentence is shown anyway). */
function serverFieldErrors(error: AppError): DraftErrors {
  const known = ['title', 'client.name', 'client.email', 'watermarkText', 'settings.expiresAt', 'deliveryMethods', 'selection'];
  const out: DraftErrors = {};
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const key = known.find((k) => path === k || path.startsWith(`${k}.`));
    if (key) out[key] = `server:${message}`;
  }
  return out;
}
