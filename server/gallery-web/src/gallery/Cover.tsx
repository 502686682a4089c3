// The opening of the gallery, as on a photographer's own site: one photograph across the
// whole screen, the title set large over it, and a quiet cue to scroll.
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClientGallery, type GalleryPhoto, proofUrl } from '../api/client-api';
import { formatDate } from '../format/dates';
import { ChevronIcon } from '../ui/icons';
import { useLanguageChoice } from '../ui/use-language';

/** The first landscape photograph reads best behind a title; else simply the first. */
export function coverOf(photos: readonly GalleryPhoto[]): GalleryPhoto | undefined {
  return photos.find((p) => p.width > p.height * 1.2) ?? photos[0];
}

export function Cover({ gallery, onScroll, ref }: { gallery: ClientGallery; onScroll: () => void; ref?: Ref<HTMLElement> }) {
  const { t } = useTranslation();
  const { language } = useLanguageChoice();
  const cover = coverOf(gallery.photos);
  const expires = gallery.settings.expiresAt;
  return (
    <section ref={ref} className="cover" aria-labelledby="gallery-title">
      {cover && (
        <img
          className="cover-image"
          src={proofUrl(cover.id)}
          width={cover.width}
          height={cover.height}
          alt=""
          fetchPriority="high"
          decoding="async"
          draggable={false}
        />
      )}
      <div className="cover-scrim" />
      <div className="cover-text">
        <p className="eyebrow">{gallery.studioName}</p>
        <h1 id="gallery-title">{gallery.title}</h1>
        <p className="cover-meta">
          <span>{t('common.photos', { count: gallery.photos.length })}</span>
          {expires && <span>{t('gallery.availableUntil', { date: formatDate(expires, language) })}</span>}
        </p>
        <button type="button" className="cover-cue" onClick={onScroll}>
          {t('gallery.scrollToGallery')}
          <ChevronIcon direction="down" size={18} />
        </button>
      </div>
    </section>
  );
}
