import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { GallerySummary } from '../../../../shared/schemas/galleries';
import type { JobProgress } from '../../../../shared/schemas/jobs';
import { getApi } from '../../api/use-api';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes } from '../../ui/format';
import { ProgressStep, type StepState } from '../../ui/ProgressStep';
import { useClients } from '../clients/clients-store';
import { useNav } from '../shell/nav-store';
import { syncWaits, useSync } from '../sync/sync-store';

interface Props {
  galleryId: string;
  job: JobProgress | null;
  onBackToForm(): void;
  onClose(): void;
}

/**
 * After "Publish": the proofs being made (the job's progress), then the upload (the gallery's
 * outbox rows), then the link and code. Offline the gallery simply waits in the outbox; Cancel
 * stops what has not been sent yet.
 */
export function PublishProgress({ galleryId, job, onBackToForm, onClose }: Props) {
  const { t } = useTranslation();
  const [gallery, setGallery] = useState<GallerySummary | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [cancelRequested, setCancelRequested] = useState(false);
  const syncStatus = useSync((s) => s.status);
  const syncBusy = useSync((s) => s.busy);
  const waits = syncWaits(syncStatus);

  const refresh = useCallback(async () => {
    try {
      setGallery(await getApi().call('galleries.get', { galleryId }));
    } catch (e) {
      // Not there yet while the proofs are being made.
      if ((e as AppError).code !== 'not_found') setError(e as AppError);
    }
  }, [galleryId]);

  // Upload chunks fire many events: refresh at most about four times a second.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    void refresh();
    const off = getApi().on('gallery.changed', (change) => {
      if (change.galleryId !== galleryId || timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        void refresh();
      }, 250);
    });
    return () => {
      off();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [galleryId, refresh]);

  useEffect(() => {
    if (job?.state === 'done') void refresh();
  }, [job?.state, refresh]);

  const cancel = useCallback(async () => {
    setCancelRequested(true);
    try {
      setGallery(await getApi().call('galleries.cancelPublish', { galleryId }));
    } catch (e) {
      setError(e as AppError);
    }
  }, [galleryId]);

  // Cancel pressed while the proofs were still being made: stop as soon as the gallery exists.
  useEffect(() => {
    if (cancelRequested && gallery?.state === 'sending' && !error) void cancel();
  }, [cancelRequested, gallery?.state, error, cancel]);

  const jobFailed = job?.state === 'failed';
  const proofsDone = job?.state === 'done' || gallery !== null;
  const proofs: StepState = jobFailed ? 'failed' : proofsDone ? 'done' : 'current';
  const state = gallery?.state ?? null;
  const published = state === 'published' && gallery?.link;
  const sending: StepState =
    state === 'failed'
      ? 'failed'
      : published || state === 'unpublished'
        ? 'done'
        : state === 'sending' || state === 'draft'
          ? 'current'
          : 'pending';
  const upload = gallery?.upload;
  const ended = jobFailed || state === 'failed' || state === 'cancelled' || Boolean(published);

  function openClientPage() {
    if (!gallery) return;
    void useClients.getState().open(gallery.clientId, gallery.id);
    useNav.getState().go('clients');
    onClose();
  }

  return (
    <div className="publish-progress">
      <ol className="steps">
        <ProgressStep state={proofs} number={1} title={t('publish.progress.proofs')} stateLabel={t(`publish.progress.step.${proofs}`)}>
          {jobFailed ? null : (
            <>
              <progress
                aria-label={t('publish.progress.proofs')}
                max={Math.max(job?.total ?? 1, 1)}
                value={proofsDone ? (job?.total ?? 1) : (job?.done ?? 0)}
              />
              <small>
                {job
                  ? t('publish.progress.proofsCount', { done: proofsDone ? job.total : job.done, total: job.total })
                  : t('publish.progress.starting')}
              </small>
            </>
          )}
        </ProgressStep>
        <ProgressStep
          state={state === 'cancelled' ? 'failed' : sending}
          number={2}
          title={t('publish.progress.sending')}
          stateLabel={t(`publish.progress.step.${state === 'cancelled' ? 'failed' : sending}`)}
        >
          {upload && sending !== 'pending' && state !== 'cancelled' ? (
            <>
              <progress
                aria-label={t('publish.progress.sending')}
                max={Math.max(upload.totalBytes, 1)}
                value={published ? Math.max(upload.totalBytes, 1) : upload.sentBytes}
              />
              <small>
                {upload.totalBytes > 0
                  ? t('publish.progress.bytes', {
                      sent: formatBytes(published ? upload.totalBytes : upload.sentBytes),
                      total: formatBytes(upload.totalBytes),
                    })
                  : t('publish.progress.waitingChanges', { count: upload.pendingChanges })}
              </small>
            </>
          ) : null}
        </ProgressStep>
        <ProgressStep
          state={published ? 'done' : 'pending'}
          number={3}
          title={t('publish.progress.published')}
          stateLabel={t(`publish.progress.step.${published ? 'done' : 'pending'}`)}
        />
      </ol>

      {state === 'sending' && waits === 'offline' ? (
        <div className="banner banner--info" role="status">
          <span>{t('publish.progress.queuedOffline')}</span>
          <button type="button" className="button button--small" disabled={syncBusy} onClick={() => void useSync.getState().syncNow()}>
            {t('publish.progress.tryNow')}
          </button>
        </div>
      ) : state === 'sending' && waits === 'unpaired' ? (
        <div className="banner banner--info" role="status">
          <span>{t('publish.progress.queuedUnpaired')}</span>
        </div>
      ) : null}

      {jobFailed ? <ErrorNotice message={job?.error ?? t('publish.progress.proofsFailed')} /> : null}
      {state === 'failed' ? <ErrorNotice message={gallery?.problem ?? t('gallery.state.failed')} /> : null}
      {state === 'cancelled' ? <p className="muted">{t('publish.progress.cancelled')}</p> : null}
      {error ? <ErrorNotice message={error.message} onDismiss={() => setError(null)} /> : null}
      {cancelRequested && !gallery && !jobFailed ? <p className="muted">{t('publish.progress.cancelAfterProofs')}</p> : null}

      {published && gallery?.link ? (
        <dl className="facts facts--access" aria-label={t('gallery.access')}>
          <dt>{t('gallery.link')}</dt>
          <dd>
            <a className="mono" href={gallery.link} target="_blank" rel="noreferrer" data-testid="gallery-link">
              {gallery.link}
            </a>
            <CopyButton text={gallery.link} label={t('gallery.copyLink')} />
          </dd>
          <dt>{t('gallery.code')}</dt>
          <dd>
            {gallery.accessCode ? (
              <>
                <span className="mono code" data-testid="gallery-code">
                  {gallery.accessCode}
                </span>
                <CopyButton text={gallery.accessCode} label={t('gallery.copyCode')} />
              </>
            ) : (
              <span className="muted">{t('gallery.codeUnknown')}</span>
            )}
          </dd>
        </dl>
      ) : null}

      <div className="card__actions">
        {jobFailed ? (
          <button type="button" className="button" onClick={onBackToForm}>
            {t('publish.progress.backToForm')}
          </button>
        ) : null}
        {!ended && !cancelRequested ? (
          <button type="button" className="button" onClick={() => (gallery ? void cancel() : setCancelRequested(true))}>
            {t('publish.progress.cancel')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onClose}>
          {ended ? t('common.close') : t('publish.progress.closeKeepGoing')}
        </button>
        {gallery ? (
          <button type="button" className="button button--primary" onClick={openClientPage}>
            {t('publish.progress.openClient')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
