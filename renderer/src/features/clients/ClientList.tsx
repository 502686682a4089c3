import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../../shared/schemas/galleries';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { useNav } from '../shell/nav-store';
import { ClientFormDialog } from './ClientFormDialog';
import { useClients } from './clients-store';

function matches(client: ClientSummary, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return true;
  return [client.name, client.email, client.phone ?? ''].some((v) => v.toLocaleLowerCase().includes(q));
}

/** Every client with what their galleries show: unopened galleries, orders, the last activity. */
export function ClientList() {
  const { t } = useTranslation();
  const { list, listState, listError, query, setQuery } = useClients();
  const [adding, setAdding] = useState(false);
  const shown = useMemo(() => list.filter((c) => matches(c, query)), [list, query]);

  return (
    <section className="page page--wide" aria-labelledby="clients-title">
      <header className="page__header">
        <h1 id="clients-title">{t('sections.clients.title')}</h1>
        {list.length > 0 ? (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('clients.add')}
          </button>
        ) : null}
      </header>
      {listState === 'loading' || listState === 'idle' ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : listState === 'error' && listError ? (
        <div className="stack">
          <ErrorNotice message={listError.message} />
          <div>
            <button type="button" className="button" onClick={() => void useClients.getState().loadList()}>
              {t('common.tryAgain')}
            </button>
          </div>
        </div>
      ) : list.length === 0 ? (
        <EmptyState
          icon={<Icon name="clients" size={40} />}
          title={t('sections.clients.emptyTitle')}
          body={t('sections.clients.emptyBody')}
        >
          <div className="card__actions">
            <button type="button" className="button" onClick={() => setAdding(true)}>
              {t('clients.add')}
            </button>
            <button type="button" className="button button--primary" onClick={() => useNav.getState().go('shoots')}>
              {t('clients.goToShoots')}
            </button>
          </div>
        </EmptyState>
      ) : (
        <>
          <div className="search">
            <label htmlFor="client-search" className="visually-hidden">
              {t('clients.search')}
            </label>
            <input
              id="client-search"
              type="search"
              placeholder={t('clients.searchPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <output className="muted" aria-live="polite">
              {query.trim() ? t('clients.matchCount', { count: shown.length }) : t('clients.count', { count: list.length })}
            </output>
          </div>
          {shown.length === 0 ? (
            <p className="muted">{t('clients.noMatch', { query: query.trim() })}</p>
          ) : (
            <div className="table-card">
              <table className="table">
                <caption className="visually-hidden">{t('clients.tableLabel')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('clients.columns.name')}</th>
                    <th scope="col">{t('clients.columns.email')}</th>
                    <th scope="col" className="num">
                      {t('clients.columns.galleries')}
                    </th>
                    <th scope="col">{t('clients.columns.notViewed')}</th>
                    <th scope="col" className="num">
                      {t('clients.columns.orders')}
                    </th>
                    <th scope="col">{t('clients.columns.lastActivity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((client) => (
                    <tr key={client.id}>
                      <th scope="row">
                        <button type="button" className="link-button" onClick={() => void useClients.getState().open(client.id)}>
                          {client.name}
                        </button>
                      </th>
                      <td className="muted">{client.email}</td>
                      <td className="num">{client.galleryCount}</td>
                      <td>
                        {client.notViewedCount > 0 ? (
                          <span className="badge badge--warn">{t('clients.notViewedCount', { count: client.notViewedCount })}</span>
                        ) : (
                          <span className="muted">{client.galleryCount > 0 ? t('clients.allViewed') : '—'}</span>
                        )}
                      </td>
                      <td className="num">{client.orderCount}</td>
                      <td className="muted">{client.lastActivityAt ? formatDateTime(client.lastActivityAt) : t('clients.noActivity')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {adding ? (
        <ClientFormDialog
          client={null}
          onClose={() => setAdding(false)}
          onSaved={(id) => {
            setAdding(false);
            void useClients.getState().open(id);
          }}
        />
      ) : null}
    </section>
  );
}
