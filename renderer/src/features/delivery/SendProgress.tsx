import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes } from '../../ui/format';
import { ProgressStep, type StepState } from '../../ui/ProgressStep';
import { syncWaits, useSync } from '../sync/sync-store';
import type { SendPhase } from './delivery-plan';
import { type OrderDelivery, useDelivery } from './delivery-store';

/**
 * After "Send": the full and web files being made (the job's progress), then uploaded (the order's
 * delivery rows in the outbox, in bytes), with Cancel. Offline the files simply wait in the queue.
 */
export function SendProgress({ orderId, delivery, phase }: { orderId: string; delivery: OrderDelivery; phase: SendPhase }) {
  const { t } = useTranslation();
  const waits = syncWaits(useSync((s) => s.status));
  const syncBusy = useSync((s) => s.busy);
  const { send, progress } = delivery;
  const job = send?.job ?? null;
  const making: StepState = phase === 'failed' ? 'failed' : phase === 'making' ? 'current' : 'done';
  const uploading: StepState =
    phase === 'cancelled' ? 'failed' : phase === 'uploaded' ? 'done' : phase === 'uploading' ? 'current' : 'pending';
  const uploaded = phase === 'uploaded';
  const files = progress?.files ?? 0;
  const running = phase === 'making' || phase === 'uploading';

  return (
    <section className="delivery-send" aria-labelledby={`delivery-send-${orderId}`}>
      <h3 id={`delivery-send-${orderId}`}>{t('delivery.send.title')}</h3>
      <ol className="steps">
        <ProgressStep state={making} number={1} title={t('delivery.send.making')} stateLabel={t(`delivery.send.step.${making}`)}>
          {phase === 'failed' ? null : (
            <>
              <progress
                aria-label={t('delivery.send.making')}
                max={Math.max(job?.total ?? 1, 1)}
                value={making === 'done' ? Math.max(job?.total ?? 1, 1) : (job?.done ?? 0)}
              />
              <small>
                {job
                  ? t('delivery.send.madeCount', { done: making === 'done' ? job.total : job.done, total: job.total })
                  : t('delivery.send.starting')}
              </small>
            </>
          )}
        </ProgressStep>
        <ProgressStep state={uploading} number={2} title={t('delivery.send.uploading')} stateLabel={t(`delivery.send.step.${uploading}`)}>
          {progress && (phase === 'uploading' || phase === 'uploaded') ? (
            <>
              <progress
                aria-label={t('delivery.send.uploading')}
                max={Math.max(progress.totalBytes, 1)}
                value={uploaded ? Math.max(progress.totalBytes, 1) : progress.sentBytes}
              />
              <small>
                {progress.totalBytes > 0
                  ? t('delivery.send.bytes', {
                      sent: formatBytes(uploaded ? progress.totalBytes : progress.sentBytes),
                      total: formatBytes(progress.totalBytes),
                    })
                  : t('delivery.send.waiting', { count: progress.pendingChanges })}
              </small>
            </>
          ) : null}
        </ProgressStep>
        <ProgressStep
          state={uploaded ? 'done' : 'pending'}
          number={3}
          title={t('delivery.send.uploaded')}
          stateLabel={t(`delivery.send.step.${uploaded ? 'done' : 'pending'}`)}
        >
          {uploaded ? <small>{t('delivery.send.uploadedNote', { count: files })}</small> : null}
        </ProgressStep>
      </ol>

      {phase === 'uploading' && waits === 'offline' ? (
        <div className="banner banner--info" role="status">
          <span>{t('delivery.send.queuedOffline')}</span>
          <button type="button" className="button button--small" disabled={syncBusy} onClick={() => void useSync.getState().syncNow()}>
            {t('delivery.send.tryNow')}
          </button>
        </div>
      ) : phase === 'uploading' && waits === 'unpaired' ? (
        <div className="banner banner--info" role="status">
          <span>{t('delivery.send.queuedUnpaired')}</span>
        </div>
      ) : null}

      {phase === 'failed' ? <ErrorNotice message={job?.error ?? t('delivery.send.failed')} /> : null}
      {phase === 'cancelled' ? <p className="muted">{t('delivery.send.cancelled')}</p> : null}
      {send?.cancelRequested && phase === 'making' ? <p className="muted">{t('delivery.send.cancelAfterMaking')}</p> : null}
      {delivery.sendError ? (
        <ErrorNotice message={delivery.sendError.message} onDismiss={() => useDelivery.getState().dismiss(orderId, 'sendError')} />
      ) : null}

      <div className="card__actions delivery-send__actions">
        {phase === 'failed' ? (
          <button type="button" className="button" onClick={() => useDelivery.getState().backToPreview(orderId)}>
            {t('common.tryAgain')}
          </button>
        ) : null}
        {running && !send?.cancelRequested ? (
          <button type="button" className="button" onClick={() => void useDelivery.getState().cancel(orderId)}>
            {t('delivery.send.cancel')}
          </button>
        ) : null}
        {!running ? (
          <button type="button" className="button" onClick={() => useDelivery.getState().startOver(orderId)}>
            {t('delivery.panel.dropAgain')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
