import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/schemas/orders-desk';
import { DetailPlaceholder } from '../../ui/DetailPlaceholder';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate, formatDateTime, formatMoney } from '../../ui/format';
import { PhotoThumbs } from '../clients/PhotoThumbs';
import { DeliveryPanel } from '../delivery/DeliveryPanel';
import { CorrectEmailDialog } from './ActionDialogs';
import { OrderActions } from './OrderActions';
import { OrderDownloadLink } from './OrderDownloadLink';
import { OrderEmails } from './OrderEmails';
import { OrderHistory } from './OrderHistory';
import { OrderStatePill, SyncMarker } from './OrderStatePill';
import { useOrders } from './orders-store';
import { SyncTools } from './SyncTools';

/** One order (seeds 000–002): who and what, the actions possible now, payment, e-mails, history. */
export function OrderPage() {
  const { t } = useTranslation();
  const { detail, detailState, detailError, orderId, actionError } = useOrders();
  const [correcting, setCorrecting] = useState(false);

  const back = (
    <button type="button" className="button button--quiet back-button" onClick={() => useOrders.getState().back()}>
      <span aria-hidden="true">←</span> {t('orders.back')}
    </button>
  );

  if (!detail) {
    return (
      <DetailPlaceholder
        label={t('sections.orders.title')}
        back={back}
        error={detailState === 'error' ? detailError : null}
        onRetry={() => orderId && void useOrders.getState().open(orderId)}
      />
    );
  }

  const order = detail;
  return (
    <section className="page page--wide order-page" aria-labelledby="order-title">
      {back}
      <header className="page__header order-page__header">
        <div className="order-page__who">
          <div className="order-page__title-row">
            <h1 id="order-title">{t('orders.page.title', { number: order.number })}</h1>
            <OrderStatePill state={order.state} />
            <SyncMarker count={order.pendingCount} />
          </div>
          <p className="order-page__contact">
            <strong>{order.clientName || order.contact.name}</strong>
            <a href={`mailto:${order.contact.email}`}>{order.contact.email}</a>
            {order.contact.phone ? <span>{order.contact.phone}</span> : null}
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                useOrders.getState().clearActionError();
                setCorrecting(true);
              }}
            >
              {t('orders.contact.correct')}
            </button>
          </p>
          <p className="muted order-page__meta">
            {[
              t('orders.page.gallery', { title: order.galleryTitle }),
              t('orders.page.placed', { time: formatDateTime(order.placedAt) }),
              t('photos.count', { count: order.photoCount }),
            ].join(' · ')}
          </p>
        </div>
        <SyncTools />
      </header>

      <div className="order-page__body">
        <Rejected order={order} />
        <Pending order={order} />
        {actionError && !correcting ? (
          <ErrorNotice message={actionError.message} onDismiss={() => useOrders.getState().clearActionError()} />
        ) : null}

        <OrderActions order={order} />
        {order.state !== 'cancelled' ? <DeliveryPanel orderId={order.id} /> : null}
        <OrderDownloadLink order={order} />

        <div className="order-page__columns">
          <div className="order-page__column">
            <section className="card" aria-labelledby="order-photos-title">
              <h2 id="order-photos-title">{t('orders.page.photos', { count: order.photos.length })}</h2>
              <PhotoThumbs photos={order.photos} label={t('orders.page.photosList')} />
            </section>
            <OrderEmails order={order} />
          </div>
          <div className="order-page__column">
            <Payment order={order} />
            <OrderHistory order={order} />
          </div>
        </div>
      </div>
      {correcting ? <CorrectEmailDialog order={order} onClose={() => setCorrecting(false)} /> : null}
    </section>
  );
}

function Rejected({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const busy = useOrders((s) => s.busy);
  if (order.rejected.length === 0) return null;
  return (
    <>
      {order.rejected.map((item) => (
        <div key={item.seq} className="banner banner--error" role="alert">
          <span className="banner__icon" aria-hidden="true">
            !
          </span>
          <div className="banner__text">
            <strong>{t('orders.rejected.title', { label: item.label })}</strong>
            <p className="banner__message">{item.message}</p>
          </div>
          <button
            type="button"
            className="button button--small"
            disabled={busy !== null}
            aria-label={t('orders.rejected.dismiss', { label: item.label })}
            onClick={() => void useOrders.getState().dismissProblem(item.seq)}
          >
            {t('common.dismiss')}
          </button>
        </div>
      ))}
    </>
  );
}

function Pending({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  if (order.pending.length === 0) return null;
  return (
    <div className="banner banner--sync" data-testid="order-pending">
      <span className="banner__icon" aria-hidden="true">
        ⟳
      </span>
      <div className="banner__text">
        <ul className="pending-list">
          {order.pending.map((item) => (
            <li key={`${item.queuedAt}-${item.label}`}>
              {t('orders.pending.item', { label: item.label })}{' '}
              <span className="muted pending-list__time">{t('orders.pending.queued', { time: formatDateTime(item.queuedAt) })}</span>
            </li>
          ))}
        </ul>
        <p>{t('orders.pending.hint')}</p>
      </div>
    </div>
  );
}

function Payment({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const money = (minor: number) => formatMoney(minor, order.currency);
  return (
    <section className="card" aria-labelledby="order-payment-title">
      <h2 id="order-payment-title">{t('orders.payment.title')}</h2>
      <dl className="facts order-facts">
        <dt>{t('orders.payment.delivery')}</dt>
        <dd>{order.deliveryLabel || '—'}</dd>
        <dt>{t('orders.payment.total')}</dt>
        <dd className="order-facts__total">{money(order.totalMinor)}</dd>
        <dt>{t('orders.payment.vat')}</dt>
        <dd>{money(order.vatMinor)}</dd>
        <dt>{t('orders.payment.paid')}</dt>
        <dd>
          {order.paid ? (
            <>
              <span className="order-facts__ok">
                {t(`orders.payment.paidBy.${order.paid.method}`, {
                  defaultValue: order.paid.method,
                  amount: money(order.paid.amountMinor),
                })}
              </span>
              <small className="order-facts__sub">{t('orders.payment.paidOn', { date: formatDateTime(order.paid.at) })}</small>
              {order.paid.reference ? (
                <small className="order-facts__sub">{t('orders.payment.reference', { reference: order.paid.reference })}</small>
              ) : null}
            </>
          ) : order.forcedDelivery ? (
            <>
              <span className="order-facts__warn">{t('orders.payment.forced', { date: formatDateTime(order.forcedDelivery.at) })}</span>
              <small className="order-facts__sub">{order.forcedDelivery.reason}</small>
            </>
          ) : (
            <span className="muted">{t('orders.payment.notPaid')}</span>
          )}
        </dd>
        {order.paid && order.forcedDelivery ? (
          <>
            <dt>{t('orders.payment.forcedLabel')}</dt>
            <dd>
              {t('orders.payment.forced', { date: formatDateTime(order.forcedDelivery.at) })}
              <small className="order-facts__sub">{order.forcedDelivery.reason}</small>
            </dd>
          </>
        ) : null}
        {order.refunds.length > 0 ? (
          <>
            <dt>{t('orders.payment.refunds')}</dt>
            <dd>
              <ul className="refund-list">
                {order.refunds.map((refund) => (
                  <li key={`${refund.refundedAt}-${refund.amountMinor}`}>
                    <span>{t('orders.payment.refund', { amount: money(refund.amountMinor), date: formatDate(refund.refundedAt) })}</span>
                    <small className="order-facts__sub">{refund.reason}</small>
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('orders.payment.refunded')}</dt>
            <dd className="order-facts__total">{money(order.refundedMinor)}</dd>
          </>
        ) : null}
        <dt>{t('orders.payment.note')}</dt>
        <dd className="order-facts__note">{order.note || <span className="muted">{t('gallery.order.noNote')}</span>}</dd>
      </dl>
    </section>
  );
}
