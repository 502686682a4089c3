import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GalleryDetail, GalleryOrderView, StudioClient } from '../../../../shared/schemas/galleries';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate, formatDateTime, formatMoney } from '../../ui/format';
import { ExportPanel } from '../exports/ExportPanel';
import { GalleryStatePill } from '../galleries/GalleryStatePill';
import { OrderStatePill } from '../orders/OrderStatePill';
import { openOrder } from '../orders/orders-store';
import { useClients } from './clients-store';
import { GalleryAccess } from './GalleryAccess';
import { PhotoThumbs } from './PhotoThumbs';

/** One gallery on the client's page: viewed banner, access, basket, favourites, orders, timeline. */
export function GalleryPanel({ gallery, client }: { gallery: GalleryDetail; client: StudioClient }) {
  const { t } = useTranslation();
  const actionError = useClients((s) => s.actionError);
  const [basketOpen, setBasketOpen] = useState(false);
  const [order, setOrder] = useState<GalleryOrderView | null>(null);

  return (
    <article className="gallery-panel" aria-labelledby="gallery-title">
      <header className="gallery-panel__header">
        <div className="gallery-panel__heading">
          <div className="gallery-panel__title-row">
            <h2 id="gallery-title">{gallery.title}</h2>
            <GalleryStatePill gallery={gallery} />
          </div>
          <p className="muted gallery-panel__meta">
            {[
              t('photos.count', { count: gallery.photoCount }),
              gallery.publishedAt ? t('gallery.publishedOn', { date: formatDate(gallery.publishedAt) }) : null,
              gallery.expiresAt ? t('gallery.expiresOn', { date: formatDate(gallery.expiresAt) }) : t('gallery.neverExpires'),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setBasketOpen(true)}>
          {t('gallery.showBasket')}
          <span className="count-badge">{gallery.basket.length}</span>
        </button>
      </header>

      <ViewedBanner gallery={gallery} clientName={client.name} />
      {gallery.state === 'failed' && gallery.problem ? <ErrorNotice message={gallery.problem} /> : null}
      {actionError ? <ErrorNotice message={actionError.message} onDismiss={() => useClients.getState().clearActionError()} /> : null}

      <GalleryAccess gallery={gallery} clientName={client.name} />

      <section className="card" aria-labelledby="orders-title">
        <h3 id="orders-title">{t('gallery.orders.title')}</h3>
        <OrdersTable orders={gallery.orders} onView={setOrder} />
      </section>
      <ExportPanel clientId={client.id} clientName={client.name} />

      <div className="gallery-panel__columns">
        <section className="card" aria-labelledby="favourites-title">
          <h3 id="favourites-title">{t('gallery.favourites', { count: gallery.favourites.length })}</h3>
          {gallery.favourites.length > 0 ? (
            <PhotoThumbs photos={gallery.favourites} label={t('gallery.favouritesList')} />
          ) : (
            <p className="muted">{t('gallery.noFavourites', { name: client.name })}</p>
          )}
        </section>
        <section className="card" aria-labelledby="timeline-title">
          <h3 id="timeline-title">{t('gallery.timeline.title')}</h3>
          <Timeline gallery={gallery} />
        </section>
      </div>

      {basketOpen ? (
        <Dialog
          title={t('gallery.basketTitle', { name: client.name })}
          subtitle={t('gallery.basketSubtitle', { count: gallery.basket.length })}
          size="large"
          onClose={() => setBasketOpen(false)}
        >
          {gallery.basket.length > 0 ? (
            <PhotoThumbs photos={gallery.basket} label={t('gallery.basketList')} />
          ) : (
            <p className="muted">{t('gallery.basketEmpty', { name: client.name })}</p>
          )}
        </Dialog>
      ) : null}
      {order ? <OrderDialog order={order} onClose={() => setOrder(null)} /> : null}
    </article>
  );
}

function ViewedBanner({ gallery, clientName }: { gallery: GalleryDetail; clientName: string }) {
  const { t } = useTranslation();
  if (!gallery.firstViewedAt) {
    return (
      <div className="banner banner--warn" data-testid="viewed-banner">
        <span className="banner__icon" aria-hidden="true">
          !
        </span>
        <div>
          <strong>{t('gallery.notViewed', { name: clientName })}</strong>
          <p>{gallery.state === 'published' ? t('gallery.notViewedHint') : t('gallery.notViewedUnpublished')}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="banner banner--ok" data-testid="viewed-banner">
      <span className="banner__icon" aria-hidden="true">
        ✓
      </span>
      <div>
        <strong>{t('gallery.viewed', { name: clientName, time: formatDateTime(gallery.firstViewedAt) })}</strong>
        <p>
          {t('gallery.lastViewed', { time: formatDateTime(gallery.lastViewedAt ?? gallery.firstViewedAt) })}
          {' · '}
          {t('gallery.viewCount', { count: gallery.viewCount })}
        </p>
      </div>
    </div>
  );
}

function OrdersTable({ orders, onView }: { orders: GalleryOrderView[]; onView(order: GalleryOrderView): void }) {
  const { t } = useTranslation();
  if (orders.length === 0) return <p className="muted">{t('gallery.orders.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption className="visually-hidden">{t('gallery.orders.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('gallery.orders.number')}</th>
            <th scope="col">{t('gallery.orders.placed')}</th>
            <th scope="col" className="num">
              {t('gallery.orders.photos')}
            </th>
            <th scope="col">{t('gallery.orders.delivery')}</th>
            <th scope="col">{t('gallery.orders.state')}</th>
            <th scope="col" className="num">
              {t('gallery.orders.total')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('gallery.orders.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <th scope="row" className="mono nowrap">
                {order.number}
              </th>
              <td className="nowrap">{formatDateTime(order.placedAt)}</td>
              <td className="num">{order.photoCount}</td>
              <td>{order.deliveryLabel}</td>
              <td className="nowrap">
                <OrderStatePill state={order.state} />
              </td>
              <td className="num nowrap">{formatMoney(order.totalMinor, order.currency)}</td>
              <td className="table__action">
                <button
                  type="button"
                  className="button button--primary button--small"
                  aria-label={t('gallery.orders.viewOrder', { number: order.number })}
                  onClick={() => onView(order)}
                >
                  {t('gallery.orders.view')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OrderDialog({ order, onClose }: { order: GalleryOrderView; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('gallery.order.title', { number: order.number })}
      subtitle={t('gallery.order.subtitle', { time: formatDateTime(order.placedAt), count: order.photoCount })}
      size="large"
      onClose={onClose}
      footer={
        <div className="card__actions">
          <button type="button" className="button button--primary" onClick={() => openOrder(order.id)}>
            {t('gallery.order.openInDesk')}
          </button>
        </div>
      }
    >
      <div className="order-view">
        <dl className="facts">
          <dt>{t('gallery.orders.state')}</dt>
          <dd>
            <OrderStatePill state={order.state} />
          </dd>
          <dt>{t('gallery.orders.delivery')}</dt>
          <dd>{order.deliveryLabel}</dd>
          <dt>{t('gallery.orders.photos')}</dt>
          <dd>{t('photos.count', { count: order.photoCount })}</dd>
          <dt>{t('gallery.order.contact')}</dt>
          <dd>{order.contactName || '—'}</dd>
          <dt>{t('gallery.order.note')}</dt>
          <dd className="order-view__note">{order.note || t('gallery.order.noNote')}</dd>
          <dt>{t('gallery.orders.total')}</dt>
          <dd className="order-view__total">{formatMoney(order.totalMinor, order.currency)}</dd>
        </dl>
        <PhotoThumbs photos={order.photos} label={t('gallery.order.photos')} />
      </div>
    </Dialog>
  );
}

function Timeline({ gallery }: { gallery: GalleryDetail }) {
  const { t } = useTranslation();
  if (gallery.timeline.length === 0) return <p className="muted">{t('gallery.timeline.none')}</p>;
  return (
    <ol className="timeline" aria-label={t('gallery.timeline.title')}>
      {gallery.timeline.map((entry) => {
        const photo = entry.photoName ?? t('gallery.timeline.aPhoto');
        const key = `gallery.timeline.types.${entry.type}`;
        const text = t(key, { photo, number: entry.orderNumber ?? '' });
        return (
          <li key={entry.seq} className={`timeline__entry timeline__entry--${entry.type.replace('.', '-')}`}>
            <span className="timeline__dot" aria-hidden="true" />
            <span className="timeline__text">{text === key ? entry.type : text}</span>
            <time className="timeline__time" dateTime={entry.at}>
              {formatDateTime(entry.at)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
