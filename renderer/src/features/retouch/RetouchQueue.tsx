import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RetouchRow, retouchFilters } from '../../../../shared/schemas/retouch-desk';
import { mediaUrl } from '../../api';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FilterTabs } from '../../ui/FilterTabs';
import { Icon } from '../../ui/icons';
import { SyncMarker } from '../orders/OrderStatePill';
import { SyncTools } from '../orders/SyncTools';
import { DownloadOriginalsDialog } from './DownloadOriginalsDialog';
import { Refusals } from './Refusals';
import { useRetouch } from './retouch-store';
import { DueDate, PriorityPill, TaskStatePill } from './TaskPills';

/** The retoucher's queue: filter tabs with counts, search, the tasks, and batch actions on the ticked ones. */
export function RetouchQueue() {
  const { t } = useTranslation();
  const { filter, search, counts, rows, listState, listError, selected, busy, actionError } = useRetouch();
  const [downloading, setDownloading] = useState(false);
  const total = counts?.all ?? 0;
  const loading = listState === 'idle' || (listState === 'loading' && !counts);
  const ticked = rows.filter((r) => selected.has(r.taskId));

  return (
    <section className="page page--wide retouch-queue" aria-labelledby="retouch-title">
      <header className="page__header">
        <h1 id="retouch-title">{t('sections.retouch.title')}</h1>
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
            <button type="button" className="button" onClick={() => void useRetouch.getState().loadList()}>
              {t('common.tryAgain')}
            </button>
          </div>
        </div>
      ) : total === 0 && !search.trim() ? (
        <EmptyState
          icon={<Icon name="retouch" size={40} />}
          title={t('sections.retouch.emptyTitle')}
          body={t('sections.retouch.emptyBody')}
        />
      ) : (
        <>
          <FilterTabs
            filters={retouchFilters}
            filter={filter}
            counts={counts}
            label={t('retouch.queue.filtersLabel')}
            idPrefix="retouch"
            name={(f) => t(`retouch.filter.${f}`)}
            onChange={(f) => useRetouch.getState().setFilter(f)}
          />
          <div className="search retouch-queue__tools">
            <label htmlFor="retouch-search" className="visually-hidden">
              {t('retouch.queue.search')}
            </label>
            <input
              id="retouch-search"
              type="search"
              placeholder={t('retouch.queue.searchPlaceholder')}
              value={search}
              onChange={(e) => useRetouch.getState().setSearch(e.target.value)}
            />
            <output className="muted" aria-live="polite">
              {t('retouch.queue.shownCount', { count: rows.length })}
            </output>
          </div>
          <div className="retouch-batch" role="toolbar" aria-label={t('retouch.queue.batchLabel')}>
            <span className="muted">{t('retouch.queue.ticked', { count: ticked.length })}</span>
            <button
              type="button"
              className="button button--primary"
              disabled={ticked.length === 0 || busy !== null}
              onClick={() => void useRetouch.getState().claim(ticked.map((r) => r.taskId))}
            >
              {busy === 'claim'
                ? t('retouch.queue.claiming')
                : ticked.length > 0
                  ? t('retouch.queue.claim', { count: ticked.length })
                  : t('retouch.action.claim')}
            </button>
            <button
              type="button"
              className="button"
              disabled={!ticked.some((r) => r.mine && r.state === 'in_progress') || busy !== null}
              onClick={() => void useRetouch.getState().release(ticked.filter((r) => r.mine).map((r) => r.taskId))}
            >
              {t('retouch.queue.release')}
            </button>
            <button type="button" className="button" disabled={ticked.length === 0} onClick={() => setDownloading(true)}>
              {t('retouch.queue.downloadOriginals')}
            </button>
          </div>
          {actionError ? <ErrorNotice message={actionError.message} /> : null}
          <Refusals />
          <div role="tabpanel" id="retouch-panel" aria-labelledby={`retouch-tab-${filter}`}>
            {rows.length === 0 ? (
              <p className="muted orders-none">
                {search.trim() ? t('retouch.queue.noMatch', { query: search.trim() }) : t(`retouch.queue.noneIn.${filter}`)}
              </p>
            ) : (
              <QueueTable rows={rows} />
            )}
          </div>
          {downloading ? <DownloadOriginalsDialog taskIds={ticked.map((r) => r.taskId)} onClose={() => setDownloading(false)} /> : null}
        </>
      )}
    </section>
  );
}

function QueueTable({ rows }: { rows: RetouchRow[] }) {
  const { t } = useTranslation();
  const selected = useRetouch((s) => s.selected);
  const all = rows.length > 0 && rows.every((r) => selected.has(r.taskId));
  return (
    <div className="table-card">
      <div className="table-scroll">
        <table className="table retouch-table">
          <caption className="visually-hidden">{t('retouch.queue.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col" className="retouch-table__tick">
                <input
                  type="checkbox"
                  aria-label={t('retouch.queue.tickAll')}
                  checked={all}
                  onChange={(e) => useRetouch.getState().selectAll(e.target.checked)}
                />
              </th>
              <th scope="col">{t('retouch.columns.photo')}</th>
              <th scope="col">{t('retouch.columns.order')}</th>
              <th scope="col">{t('retouch.columns.state')}</th>
              <th scope="col">{t('retouch.columns.priority')}</th>
              <th scope="col">{t('retouch.columns.due')}</th>
              <th scope="col">{t('retouch.columns.holder')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.taskId} className={`retouch-row${row.overdue ? ' retouch-row--overdue' : ''}`}>
                <td className="retouch-table__tick">
                  <input
                    type="checkbox"
                    aria-label={t('retouch.queue.tick', { name: row.photoName })}
                    checked={selected.has(row.taskId)}
                    onChange={(e) => useRetouch.getState().toggle(row.taskId, e.target.checked)}
                  />
                </td>
                <th scope="row">
                  <div className="retouch-table__photo">
                    <span className="retouch-thumb" aria-hidden="true">
                      {row.thumb ? <img src={mediaUrl(row.thumb)} alt="" loading="lazy" /> : null}
                    </span>
                    <span className="retouch-table__name">
                      <button
                        type="button"
                        className="link-button retouch-row__open"
                        aria-label={t('retouch.queue.open', { name: row.photoName })}
                        onClick={() => void useRetouch.getState().open(row.taskId)}
                      >
                        {row.photoName}
                      </button>
                      <small className="muted retouch-table__brief" title={row.brief}>
                        {row.brief}
                      </small>
                    </span>
                  </div>
                </th>
                <td className="mono nowrap">{row.orderNumber ?? <span className="muted">{t('retouch.queue.byHand')}</span>}</td>
                <td className="nowrap">
                  <span className="orders-table__state">
                    <TaskStatePill state={row.state} round={row.round} />
                    <SyncMarker count={row.pending ? 1 : 0} compact />
                  </span>
                </td>
                <td>
                  <PriorityPill priority={row.priority} />
                </td>
                <td className="nowrap">
                  {row.dueAt ? <DueDate dueAt={row.dueAt} overdue={row.overdue} /> : <span className="muted">—</span>}
                </td>
                <td className="retouch-table__holder">
                  {row.holder ? (
                    <span title={row.holder}>{row.mine ? t('retouch.queue.you') : row.holder}</span>
                  ) : (
                    <span className="muted">{t('retouch.queue.nobody')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
