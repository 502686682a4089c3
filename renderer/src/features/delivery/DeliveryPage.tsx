import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../../shared/schemas/orders-desk';
import { getApi } from '../../api/use-api';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { OrderStatePill } from '../orders/OrderStatePill';
import { nextRowIndex } from '../orders/order-forms';
import { SyncTools } from '../orders/SyncTools';
import { DeliveryPanel } from './DeliveryPanel';
import { useDeliveryOrders } from './delivery-orders-store';
import './delivery.css';

/**
 * The Delivery section (seed 004, "Photo delivery"): the orders to deliver, those not yet
 * (waiting to retouch) and the recently delivered; the chosen one's delivery panel beside them.
 */
export function DeliveryPage() {
  const { t } = useTranslation();
  const { ready, waiting, delivered, state, error, selected } = useDeliveryOrders();

  useEffect(() => {
    void useDeliveryOrders.getState().load();
    const api = getApi();
    let last = '';
    const offGallery = api.on('gallery.changed', (change) => {
      if (change.kind === 'orders' || change.kind === 'other') useDeliveryOrders.getState().changed();
    });
    const offSync = api.on('sync.status', (status) => {
      const key = `${status.lastSuccessAt}|${status.pendingCount}`;
      if (key !== last) useDeliveryOrders.getState().changed();
      last = key;
    });
    return () => {
      offGallery();
      offSync();
    };
  }, []);

  const nothing = ready.length + waiting.length + delivered.length === 0;

  return (
    <section className="page page--wide delivery-page" aria-labelledby="delivery-title">
      <header className="page__header">
        <h1 id="delivery-title">{t('sections.delivery.title')}</h1>
        <SyncTools />
      </header>
      {state === 'idle' || (state === 'loading' && nothing) ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : state === 'error' && error ? (
        <div className="stack">
          <ErrorNotice message={error.message} />
          <div>
            <button type="button" className="button" onClick={() => void useDeliveryOrders.getState().load()}>
              {t('common.tryAgain')}
            </button>
          </div>
        </div>
      ) : nothing && !selected ? (
        <EmptyState
          icon={<Icon name="delivery" size={40} />}
          title={t('sections.delivery.emptyTitle')}
          body={t('sections.delivery.emptyBody')}
        />
      ) : (
        <div className="delivery-page__layout">
          <nav className="delivery-page__side" aria-label={t('delivery.page.listLabel')}>
            <OrderGroup title={t('delivery.page.ready')} orders={ready} selected={selected} empty={t('delivery.page.noneReady')} />
            {waiting.length > 0 ? <OrderGroup title={t('delivery.page.waiting')} orders={waiting} selected={selected} muted /> : null}
            {delivered.length > 0 ? <OrderGroup title={t('delivery.page.delivered')} orders={delivered} selected={selected} /> : null}
          </nav>
          <div className="delivery-page__main">
            {selected ? (
              <DeliveryPanel key={selected} orderId={selected} />
            ) : (
              <p className="muted delivery-page__choose">{t('delivery.page.choose')}</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function OrderGroup({
  title,
  orders,
  selected,
  empty,
  muted = false,
}: {
  title: string;
  orders: OrderSummary[];
  selected: string | null;
  empty?: string;
  muted?: boolean;
}) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('.delivery-order') ?? [])];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = current < 0 ? null : nextRowIndex(current, event.key, buttons.length);
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  }
  const headingId = `delivery-group-${title.replace(/\W+/g, '-')}`;
  return (
    <section className={`delivery-page__group${muted ? ' delivery-page__group--muted' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="delivery-count">{orders.length}</span>
      </h2>
      {orders.length === 0 ? (
        <p className="muted delivery-page__none">{empty}</p>
      ) : (
        <ul ref={list} className="delivery-orders" onKeyDown={onKeyDown}>
          {orders.map((order) => (
            <li key={order.id}>
              <button
                type="button"
                className="delivery-order"
                aria-current={order.id === selected ? 'true' : undefined}
                onClick={() => useDeliveryOrders.getState().select(order.id)}
              >
                <span className="delivery-order__top">
                  <span className="delivery-order__number">{t('delivery.page.order', { number: order.number })}</span>
                  <OrderStatePill state={order.state} />
                </span>
                <span className="delivery-order__client">{order.clientName}</span>
                <span className="muted delivery-order__meta">
                  {[order.galleryTitle, t('delivery.page.photos', { count: order.photoCount }), formatDate(order.placedAt)].join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
