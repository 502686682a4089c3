import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GalleryDetail } from '../../../../shared/schemas/galleries';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { dateInputValue, endOfLocalDay } from '../galleries/publish-form';
import { useClients } from './clients-store';

/** The gallery's link and code for the client, its expiry, and what the studio can do with it. */
export function GalleryAccess({ gallery, clientName }: { gallery: GalleryDetail; clientName: string }) {
  const { t } = useTranslation();
  const busy = useClients((s) => s.busy);
  const [confirmCode, setConfirmCode] = useState(false);
  const [editingExpiry, setEditingExpiry] = useState(false);
  const { state } = gallery;
  const act = useClients.getState().act;
  const canUnpublish = state === 'published';
  const canRepublish = state === 'unpublished' || state === 'failed' || state === 'cancelled';
  const canNewCode = state === 'published' || state === 'unpublished' || state === 'sending';

  return (
    <section className="card access" aria-labelledby="access-title">
      <h3 id="access-title" className="visually-hidden">
        {t('gallery.access')}
      </h3>
      <dl className="access__facts">
        <div>
          <dt>{t('gallery.link')}</dt>
          <dd>
            {gallery.link ? (
              <>
                <a className="mono access__value" href={gallery.link} target="_blank" rel="noreferrer" data-testid="gallery-link">
                  {gallery.link}
                </a>
                <CopyButton text={gallery.link} label={t('gallery.copyLink')} />
              </>
            ) : (
              <span className="muted">{t('gallery.linkPending')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('gallery.code')}</dt>
          <dd>
            {gallery.accessCode ? (
              <>
                <span className="mono access__value code" data-testid="gallery-code">
                  {gallery.accessCode}
                </span>
                <CopyButton text={gallery.accessCode} label={t('gallery.copyCode')} />
              </>
            ) : (
              <>
                <span className="muted">
                  {state === 'sending' || state === 'draft' ? t('gallery.codePending') : t('gallery.codeUnknown')}
                </span>
                {canNewCode && state !== 'sending' ? (
                  <button type="button" className="button button--small" onClick={() => setConfirmCode(true)}>
                    {t('gallery.newCodeShort')}
                  </button>
                ) : null}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('gallery.expiry')}</dt>
          <dd>
            {editingExpiry ? (
              <ExpiryForm gallery={gallery} onDone={() => setEditingExpiry(false)} />
            ) : (
              <>
                <span>{gallery.expiresAt ? formatDate(gallery.expiresAt) : t('gallery.never')}</span>
                <button type="button" className="button button--small" onClick={() => setEditingExpiry(true)}>
                  {t('gallery.extendExpiry')}
                </button>
              </>
            )}
          </dd>
        </div>
      </dl>
      <div className="access__actions">
        {state === 'sending' ? (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void act('cancelPublish', gallery.id)}>
            {t('gallery.cancelSending')}
          </button>
        ) : null}
        {canUnpublish ? (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void act('unpublish', gallery.id)}>
            {t('gallery.unpublish')}
          </button>
        ) : null}
        {canRepublish ? (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void act('republish', gallery.id)}>
            {t('gallery.republish')}
          </button>
        ) : null}
        {canNewCode ? (
          <button type="button" className="button" disabled={busy !== null} onClick={() => setConfirmCode(true)}>
            {t('gallery.newCode')}
          </button>
        ) : null}
      </div>
      {confirmCode ? (
        <Dialog title={t('gallery.newCodeConfirmTitle')} size="small" onClose={() => setConfirmCode(false)}>
          <div className="stack">
            <p>{t('gallery.newCodeConfirmBody', { name: clientName })}</p>
            <div className="card__actions">
              <button type="button" className="button" onClick={() => setConfirmCode(false)}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button button--danger"
                onClick={async () => {
                  setConfirmCode(false);
                  await act('regenerateCode', gallery.id);
                }}
              >
                {t('gallery.newCodeConfirm')}
              </button>
            </div>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

function ExpiryForm({ gallery, onDone }: { gallery: GalleryDetail; onDone(): void }) {
  const { t } = useTranslation();
  const busy = useClients((s) => s.busy === 'extendExpiry');
  const [date, setDate] = useState(() => {
    const base = gallery.expiresAt ? new Date(gallery.expiresAt) : new Date();
    base.setDate(base.getDate() + 30);
    return dateInputValue(base);
  });
  const [never, setNever] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const expiresAt = never ? null : endOfLocalDay(date);
    if (!never && (!expiresAt || new Date(expiresAt).getTime() <= Date.now())) {
      setProblem(t('publish.errors.expiryPast'));
      return;
    }
    if (await useClients.getState().extendExpiry(gallery.id, expiresAt)) onDone();
  }
  return (
    <form className="expiry-form" onSubmit={submit} noValidate>
      <Field
        label={t('gallery.newExpiry')}
        type="date"
        value={date}
        disabled={never}
        onChange={(e) => {
          setProblem(undefined);
          setDate(e.target.value);
        }}
        error={problem}
      />
      <label className="checkbox">
        <input type="checkbox" checked={never} onChange={(e) => setNever(e.target.checked)} />
        <span>{t('publish.settings.never')}</span>
      </label>
      <div className="card__actions">
        <button type="button" className="button button--small" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {t('gallery.saveExpiry')}
        </button>
      </div>
    </form>
  );
}
