import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GallerySummary } from '../../../../shared/schemas/galleries';
import { getApi } from '../../api/use-api';
import { useClients } from '../clients/clients-store';
import { useNav } from '../shell/nav-store';
import { GalleryStatePill } from './GalleryStatePill';

/** The galleries made from this shoot, each with its state; a click opens the client's page. */
export function ShootGalleries({ shootId }: { shootId: string }) {
  const { t } = useTranslation();
  const [galleries, setGalleries] = useState<GallerySummary[]>([]);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = () =>
      getApi()
        .call('galleries.forShoot', { shootId })
        .then((list) => alive && setGalleries(list))
        .catch(() => {});
    void load();
    const off = getApi().on('gallery.changed', () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void load();
      }, 400);
    });
    return () => {
      alive = false;
      off();
      if (timer) clearTimeout(timer);
    };
  }, [shootId]);
  if (galleries.length === 0) return null;
  return (
    <ul className="shoot-galleries" aria-label={t('publish.shootGalleries')}>
      {galleries.map((g) => (
        <li key={g.id}>
          <button
            type="button"
            className="shoot-galleries__item"
            onClick={() => {
              void useClients.getState().open(g.clientId, g.id);
              useNav.getState().go('clients');
            }}
          >
            <span>{g.title}</span>
            <GalleryStatePill gallery={g} />
          </button>
        </li>
      ))}
    </ul>
  );
}
