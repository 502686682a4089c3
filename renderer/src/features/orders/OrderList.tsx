import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { orderFilters } from '../../../../shared/schemas/orders-desk';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FilterTabs } from '../../ui/FilterTabs';
import { formatDate, formatDateTime, formatMoney, formatTime } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { useNav } from '../shell/nav-store';
import { OrderStatePill, ProblemMarker, SyncMarker } from './OrderStatePill';
import { nextRowIndex } from './order-forms';
import { useOrders } from './orders-store';
import { SyncTools } from './SyncTools';

/** The order desk: filter tabs with counts, search, and every order the sync brought. */
export function OrderList() {
  const { t } = useTranslation();
  const { filter, search, counts, orders, listState, listError } = useOrders();
  const total = counts?.all ?? 0;
  const loading = listState === 'idle' || (listState === 'loading' && !counts);

  return (
    <section className="page page--wide" aria-labelledby="orders-title">
      <header className="page__header">
        <h1 id="orders-title">{t('sections.orders.title')}</h1>
        <SyncTools />
      </header>
      {loading ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : listState === 'error' && listError ? (
        <div className="stack">
          <ErrorNotice message={listError.message} />
          <div>
            <button type="button" className="button" onClick={() => void useOrders.getState().loadList()}>
              {t('common.tryAgain')}
            </button>
          </div>
        </div>
      ) : total === 0 && !search.trim() ? (
        <EmptyState icon={<Icon name="orders" size={40} />} title={t('sections.orders.emptyTitle')} body={t('sections.orders.emptyBody')}>
          <button type="button" className="button" onClick={() => useNav.getState().go('clients')}>
            {t('orders.goToClients')}
          </button>
        </EmptyState>
      ) : (
        <>
          <FilterTabs
            filters={orderFilters}
            filter={filter}
            counts={counts}
            label={t('orders.filtersLabel')}
            idPrefix="orders"
            name={(f) => t(`orders.filter.${f}`)}
            onChange={(f) => useOrders.getState().setFilter(f)}
          />
          <div className="search">
            <label htmlFor="order-search" className="visually-hidden">
              {t('orders.search')}
            </label>
            <input
              id="order-search"
              type="search"
              placeholder={t('orders.searchPlaceholder')}
              value={search}
              onChange={(e) => useOrders.getState().setSearch(e.target.value)}
            />
            <output className="muted" aria-live="polite">
              {t('orders.shownCount', { count: orders.length })}
            </output>
          </div>
          <div role="tabpanel" id="orders-panel" aria-labelledby={`orders-tab-${filter}`}>
            {orders.length === 0 ? (
              <p className="muted orders-none">
                {search.trim() ? t('orders.noMatch', { query: search.trim() }) : t(`orders.noneIn.${filter}`)}
              </p>
            ) : (
              <OrdersTable />
            )}
          </div>
        </>
      )}
    </section>
  );
}

function OrdersTable() {
  const { t } = useTranslation();
  const orders = useOrders((s) => s.orders);
  const body = useRef<HTMLTableSectionElement>(null);
  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const buttons = [...(body.current?.querySelectorAll<HTMLButtonElement>('.order-row__open') ?? [])];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const next = nextRowIndex(current, event.key, buttons.length);
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  }
  return (
    <div className="table-card">
      <div className="table-scroll">
        <table className="table orders-table">
          <caption className="visually-hidden">{t('orders.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('orders.columns.number')}</th>
              <th scope="col">{t('orders.columns.client')}</th>
              <th scope="col">{t('orders.columns.gallery')}</th>
              <th scope="col">{t('orders.columns.placed')}</th>
              <th scope="col" className="num">
                {t('orders.columns.photos')}
              </th>
              <th scope="col">{t('orders.columns.delivery')}</th>
              <th scope="col" className="num">
                {t('orders.columns.total')}
              </th>
              <th scope="col">{t('orders.columns.state')}</th>
            </tr>
          </thead>
          <tbody ref={body} onKeyDown={onKeyDown}>
            {orders.map((order) => (
              <tr key={order.id} className="order-row" onClick={() => void useOrders.getState().open(order.id)}>
                <th scope="row" className="nowrap">
                  <button
                    type="button"
                    className="link-button order-row__open mono"
                    aria-label={t('orders.openOrder', { number: order.number })}
                    onClick={(e) => {
                      e.stopPropagation();
                      void useOrders.getState().open(order.id);
                    }}
                  >
                    {order.number}
                  </button>
                </th>
                <td className="orders-table__client">{order.clientName}</td>
                <td className="orders-table__gallery muted">{order.galleryTitle}</td>
                <td className="nowrap">
                  <time className="orders-table__when" dateTime={order.placedAt} title={formatDateTime(order.placedAt)}>
                    <span>{formatDate(order.placedAt)}</span>
                    <span className="muted orders-table__time">{formatTime(order.placedAt)}</span>
                  </time>
                </td>
                <td className="num">{order.photoCount}</td>
                <td className="orders-table__delivery">{order.deliveryLabel}</td>
                <td className="num nowrap">{formatMoney(order.totalMinor, order.currency)}</td>
                <td className="nowrap">
                  <span className="orders-table__state">
                    <OrderStatePill state={order.state} />
                    <SyncMarker count={order.pendingCount} compact />
                    <ProblemMarker problem={order.problem} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
