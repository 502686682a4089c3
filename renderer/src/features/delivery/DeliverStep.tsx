import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orderEventLabels } from '../../../../shared/orders/order-events';
import type { OrderDetail } from '../../../../shared/schemas/orders-desk';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { syncWaits, useSync } from '../sync/sync-store';
import type { SendPhase } from './delivery-plan';
import { type OrderDelivery, useDelivery } from './delivery-store';

/**
 * "Deliver to client": possible when the order's actions allow it (paid or forced, retouched)
 * and its files are prepared; otherwise it stays visible, unavailable, and says why. Pressed, it
 * asks first: the client gets an e-mail with the download link.
 */
export function DeliverStep({ order, delivery, phase }: { order: OrderDetail; delivery: OrderDelivery; phase: SendPhase }) {
  const { t } = useTranslation();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const waits = syncWaits(useSync((s) => s.status));
  const name = order.contact.name || order.clientName;
  const files = delivery.progress?.files ?? 0;
  const delivered = order.state === 'delivered' || order.state === 'completed';

  if (delivered) {
    const queued = order.pending.length > 0;
    // Delivered in this session: by the button, or by the gallery's "send download links automatically".
    const now = delivery.delivered || delivery.send !== null;
    const message =
      queued && waits !== null
        ? t('delivery.deliver.queued', { name })
        : queued
          ? t('delivery.deliver.onItsWay', { name })
          : (delivery.progress?.pendingChanges ?? 0) > 0
            ? t('delivery.deliver.waitingUpload', { name })
            : now
              ? t('delivery.deliver.done', { name })
              : t('delivery.deliver.already', { name });
    const auto = now && !delivery.delivered;
    return (
      <div className={`banner ${queued ? 'banner--sync' : 'banner--ok'} delivery-delivered`} role="status">
        <span className="banner__icon" aria-hidden="true">
          {queued ? '⟳' : '✓'}
        </span>
        <div className="banner__text">
          <strong>{t('orders.state.delivered')}</strong>
          <p className="banner__message">{message}</p>
          {auto ? <p className="banner__message">{t('delivery.deliver.auto')}</p> : null}
        </div>
      </div>
    );
  }

  // A "Deliver to client" the hosted service refused (the order is back where it was): its sentence.
  const refusals = order.rejected.filter((r) => r.label.startsWith(orderEventLabels.deliver));
  const action = order.actions.find((a) => a.action === 'deliver');
  const reason = !action?.allowed
    ? (action?.reason ?? t('delivery.deliver.noFiles'))
    : delivery.send?.cancelled
      ? t('delivery.deliver.cancelled')
      : phase === 'making' || files === 0
        ? t('delivery.deliver.noFiles')
        : null;

  return (
    <section className="delivery-deliver" aria-labelledby={`${id}-title`}>
      <div className="delivery-deliver__text">
        <h3 id={`${id}-title`}>{t('delivery.deliver.title')}</h3>
        <p id={`${id}-why`} className={reason ? 'delivery-deliver__why' : 'muted'}>
          {reason ?? t('delivery.deliver.explain', { name })}
        </p>
      </div>
      <button
        type="button"
        className={`button${reason ? ' button--unavailable' : ' button--primary'}`}
        aria-disabled={reason ? true : undefined}
        aria-describedby={`${id}-why`}
        disabled={delivery.delivering}
        onClick={() => {
          if (reason) return;
          useDelivery.getState().dismiss(order.id, 'deliverError');
          setConfirming(true);
        }}
      >
        {delivery.delivering ? t('delivery.deliver.sending') : t('delivery.deliver.button')}
      </button>
      {refusals.map((r) => (
        <div key={r.seq} className="banner banner--error delivery-deliver__refusal" role="alert">
          <span className="banner__icon" aria-hidden="true">
            !
          </span>
          <div className="banner__text">
            <strong>{t('delivery.deliver.refused')}</strong>
            <p className="banner__message">{r.message}</p>
          </div>
          <button
            type="button"
            className="button button--small"
            onClick={() => void useDelivery.getState().dismissRefusal(order.id, r.seq)}
          >
            {t('common.dismiss')}
          </button>
        </div>
      ))}
      {delivery.deliverError && !confirming ? (
        <ErrorNotice message={delivery.deliverError.message} onDismiss={() => useDelivery.getState().dismiss(order.id, 'deliverError')} />
      ) : null}
      {confirming ? <ConfirmDeliver order={order} delivery={delivery} onClose={() => setConfirming(false)} /> : null}
    </section>
  );
}

function ConfirmDeliver({ order, delivery, onClose }: { order: OrderDetail; delivery: OrderDelivery; onClose(): void }) {
  const { t } = useTranslation();
  const name = order.contact.name || order.clientName;
  const uploading = (delivery.progress?.pendingChanges ?? 0) > 0;
  return (
    <Dialog
      title={t('delivery.deliver.confirmTitle', { number: order.number, name })}
      size="small"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={delivery.delivering}
            onClick={async () => {
              if (await useDelivery.getState().deliver(order.id)) onClose();
            }}
          >
            {delivery.delivering ? t('delivery.deliver.sending') : t('delivery.deliver.confirm')}
          </button>
        </>
      }
    >
      <p>{t('delivery.deliver.confirmBody', { name, email: order.contact.email })}</p>
      <p>{t('delivery.deliver.confirmFiles', { count: delivery.progress?.files ?? 0 })}</p>
      {uploading ? <p className="muted">{t('delivery.deliver.confirmUploading')}</p> : null}
      {delivery.deliverError ? <ErrorNotice message={delivery.deliverError.message} /> : null}
    </Dialog>
  );
}
