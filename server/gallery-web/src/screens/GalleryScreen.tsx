// The gallery itself: cover, the All/Favourites switch, the justified grid, the viewer and
// the basket drawer on top.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientGallery } from '../api/client-api';
import { BasketDrawer } from '../basket/BasketDrawer';
import { Cover } from '../gallery/Cover';
import { JustifiedGrid } from '../gallery/JustifiedGrid';
import { TopBar } from '../gallery/TopBar';
import { useOverCover } from '../gallery/use-over-cover';
import { type View, ViewSwitch } from '../gallery/ViewSwitch';
import { useSession } from '../state/session-store';
import { Footer } from '../ui/Footer';
import { Notice } from '../ui/Notice';
import { Viewer } from '../viewer/Viewer';

interface GalleryScreenProps {
  gallery: ClientGallery;
  onCheckout(): void;
}

export function GalleryScreen({ gallery, onCheckout }: GalleryScreenProps) {
  const { t } = useTranslation();
  const favourites = useSession((s) => s.favourites);
  const [view, setView] = useState<View>('all');
  const [viewer, setViewer] = useState<{ ids: readonly string[]; index: number } | null>(null);
  const [basketOpen, setBasketOpen] = useState(false);
  const cover = useRef<HTMLElement>(null);
  const photosTop = useRef<HTMLDivElement>(null);
  const overCover = useOverCover(cover);

  const shown = useMemo(
    () => (view === 'all' ? gallery.photos : gallery.photos.filter((p) => favourites.includes(p.id))),
    [view, gallery.photos, favourites],
  );
  const viewerPhotos = useMemo(
    () => (viewer ? viewer.ids.map((id) => gallery.photos.find((p) => p.id === id)).filter((p) => p !== undefined) : []),
    [viewer, gallery.photos],
  );
  const scrollToPhotos = () => photosTop.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });

  return (
    <>
      <TopBar
        studioName={gallery.studioName}
        overCover={overCover}
        onFavourites={() => {
          setView('favourites');
          scrollToPhotos();
        }}
        onBasket={() => setBasketOpen(true)}
      />
      <Cover ref={cover} gallery={gallery} onScroll={scrollToPhotos} />
      <main className="gallery" aria-labelledby="gallery-title">
        <div ref={photosTop} className="gallery-head">
          <ViewSwitch view={view} total={gallery.photos.length} favourites={favourites.length} onChange={setView} />
        </div>
        {shown.length === 0 ? (
          <p className="gallery-empty">{t('gallery.noFavourites')}</p>
        ) : (
          <JustifiedGrid photos={shown} onOpen={(index) => setViewer({ ids: shown.map((p) => p.id), index })} />
        )}
      </main>
      <Footer studioName={gallery.studioName} saveDeterrent={gallery.settings.saveDeterrent} />
      <Notice />
      {viewer && <Viewer photos={viewerPhotos} startIndex={viewer.index} onClose={() => setViewer(null)} />}
      {basketOpen && (
        <BasketDrawer
          photos={gallery.photos}
          onClose={() => setBasketOpen(false)}
          onCheckout={() => {
            setBasketOpen(false);
            onCheckout();
          }}
        />
      )}
    </>
  );
}
