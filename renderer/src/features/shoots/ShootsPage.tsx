import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api/use-api';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Icon } from '../../ui/icons';
import { PublishDialog } from '../galleries/PublishDialog';
import { ShootGalleries } from '../galleries/ShootGalleries';
import { AttentionList } from '../photos/AttentionList';
import { GridToolbar } from '../photos/GridToolbar';
import { Loupe } from '../photos/Loupe';
import { PhotoGrid } from '../photos/PhotoGrid';
import { usePhotos } from '../photos/photos-store';
import { NewTaskDialog } from '../retouch/NewTaskDialog';
import { AddShootForm } from './AddShootForm';
import { ShootList } from './ShootList';
import { useShoots } from './shoots-store';

export function ShootsPage() {
  const { t } = useTranslation();
  const { shoots, loaded, selectedId, error, clearError } = useShoots();
  const [adding, setAdding] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [taskPhotos, setTaskPhotos] = useState<string[] | null>(null);
  const selected = shoots.find((s) => s.id === selectedId) ?? null;
  const loupe = usePhotos((s) => s.loupe);
  const attentionView = usePhotos((s) => s.filter.status === 'needs_attention');

  useEffect(() => {
    void useShoots.getState().load();
    const api = getApi();
    const offProgress = api.on('shoot.progress', (p) => useShoots.getState().applyProgress(p));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const offChanged = api.on('photos.changed', ({ shootId }) => {
      if (shootId !== usePhotos.getState().shootId || timer) return;
      // Coalesce bursts during an import into at most two grid refreshes a second.
      timer = setTimeout(() => {
        timer = null;
        void usePhotos.getState().reload();
      }, 500);
    });
    return () => {
      offProgress();
      offChanged();
      if (timer) clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    void usePhotos.getState().open(selectedId);
  }, [selectedId]);

  if (loaded && shoots.length === 0) {
    return (
      <section className="page page--padded" aria-labelledby="shoots-title">
        <header className="page__header">
          <h1 id="shoots-title">{t('sections.shoots.title')}</h1>
        </header>
        <EmptyState icon={<Icon name="shoots" size={40} />} title={t('sections.shoots.emptyTitle')} body={t('sections.shoots.emptyBody')}>
          <AddShootForm />
        </EmptyState>
      </section>
    );
  }

  return (
    <section className="shoots-page" aria-labelledby="shoots-title">
      <div className="shoots-page__side">
        <header className="page__header">
          <h1 id="shoots-title">{t('sections.shoots.title')}</h1>
          <button type="button" className="button button--small" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {t('shoots.addButton')}
          </button>
        </header>
        {adding ? <AddShootForm onDone={() => setAdding(false)} /> : null}
        {error && !adding ? <ErrorNotice message={error.message} onDismiss={clearError} /> : null}
        <ShootList />
      </div>
      <div className="shoots-page__main">
        {selected ? (
          <>
            <header className="shoot-header">
              <div className="shoot-header__title">
                <h2>{selected.name}</h2>
                <small className="mono">{selected.path}</small>
                <ShootGalleries shootId={selected.id} />
              </div>
              <div className="shoot-header__actions">
                {selected.progress.needsAttention > 0 && !attentionView ? (
                  <button
                    type="button"
                    className="button button--warn"
                    onClick={() => void usePhotos.getState().setFilter({ status: 'needs_attention' })}
                  >
                    {t('attention.show', { count: selected.progress.needsAttention })}
                  </button>
                ) : null}
                <button
                  type="button"
                  className="button"
                  title={t('retouch.create.buttonHint')}
                  onClick={() => {
                    // The ticked photos, else the focused one (as culling's keys act on).
                    const photos = usePhotos.getState();
                    const focused = photos.itemAt(photos.focus);
                    const ids = photos.selected.size > 0 ? [...photos.selected] : focused ? [focused.id] : [];
                    if (ids.length > 0) setTaskPhotos(ids);
                  }}
                >
                  {t('retouch.create.button')}
                </button>
                <button type="button" className="button button--primary" onClick={() => setPublishing(true)}>
                  {t('publish.open')}
                </button>
              </div>
            </header>
            {publishing ? <PublishDialog shoot={selected} onClose={() => setPublishing(false)} /> : null}
            {taskPhotos ? <NewTaskDialog photoIds={taskPhotos} onClose={() => setTaskPhotos(null)} /> : null}
            <GridToolbar />
            {attentionView ? <AttentionList /> : loupe ? <Loupe /> : <PhotoGrid />}
          </>
        ) : null}
      </div>
    </section>
  );
}
