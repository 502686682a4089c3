import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailPlaceholder } from '../../ui/DetailPlaceholder';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { GalleryStatePill } from '../galleries/GalleryStatePill';
import { useNav } from '../shell/nav-store';
import { useSync } from '../sync/sync-store';
import { ClientFormDialog } from './ClientFormDialog';
import { useClients } from './clients-store';
import { GalleryPanel } from './GalleryPanel';

const languageNames = { en: 'English', pl: 'Polski' } as const;

/** One client: their details and, per gallery, what they did with it (seed 004, "Client orders"). */
export function ClientPage() {
  const { t } = useTranslation();
  const { detail, detailState, detailError, galleryId, gallery, galleryState, galleryError, clientId } = useClients();
  const syncBusy = useSync((s) => s.busy);
  const lastSync = useSync((s) => s.status?.lastSuccessAt ?? null);
  const [editing, setEditing] = useState(false);

  const back = (
    <button type="button" className="button button--quiet back-button" onClick={() => useClients.getState().back()}>
      <span aria-hidden="true">←</span> {t('clients.back')}
    </button>
  );

  if (!detail) {
    return (
      <DetailPlaceholder
        label={t('sections.clients.title')}
        back={back}
        error={detailState === 'error' ? detailError : null}
        onRetry={() => clientId && void useClients.getState().open(clientId)}
      />
    );
  }

  const { client, galleries } = detail;
  return (
    <section className="page page--wide client-page" aria-labelledby="client-title">
      {back}
      <header className="page__header client-page__header">
        <div className="client-page__who">
          <h1 id="client-title">{client.name}</h1>
          <p className="client-page__contact">
            <a href={`mailto:${client.email}`}>{client.email}</a>
            {client.phone ? <span>{client.phone}</span> : null}
            <span>{languageNames[client.language]}</span>
          </p>
        </div>
        <div className="client-page__tools">
          <div className="client-page__buttons">
            <button type="button" className="button" disabled={syncBusy} onClick={() => void useSync.getState().syncNow()}>
              {syncBusy ? t('sync.syncing') : t('sync.now')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                useClients.getState().clearActionError();
                setEditing(true);
              }}
            >
              {t('clients.edit')}
            </button>
          </div>
          <small className="muted">{lastSync ? t('clients.lastSync', { time: formatDateTime(lastSync) }) : t('clients.neverSynced')}</small>
        </div>
      </header>

      {galleries.length === 0 ? (
        <EmptyState
          icon={<Icon name="shoots" size={40} />}
          title={t('clients.noGalleriesTitle', { name: client.name })}
          body={t('clients.noGalleriesBody', { name: client.name })}
        >
          <button type="button" className="button button--primary" onClick={() => useNav.getState().go('shoots')}>
            {t('clients.goToShoots')}
          </button>
        </EmptyState>
      ) : (
        <>
          {galleries.length > 1 ? (
            <div className="gallery-tabs" role="tablist" aria-label={t('clients.galleries')}>
              {galleries.map((g) => (
                <button
                  key={g.id}
                  type="button"
                  role="tab"
                  aria-selected={g.id === galleryId}
                  className="gallery-tab"
                  onClick={() => void useClients.getState().selectGallery(g.id)}
                >
                  <span className="gallery-tab__title">{g.title}</span>
                  <GalleryStatePill gallery={g} />
                </button>
              ))}
            </div>
          ) : null}
          {gallery && gallery.id === galleryId ? (
            <GalleryPanel gallery={gallery} client={client} />
          ) : galleryState === 'error' && galleryError ? (
            <ErrorNotice message={galleryError.message} />
          ) : (
            <p className="muted" role="status">
              {t('common.loading')}
            </p>
          )}
        </>
      )}
      {editing ? <ClientFormDialog client={client} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} /> : null}
    </section>
  );
}
