import { useTranslation } from 'react-i18next';
import type { GallerySummary } from '../../../../shared/schemas/galleries';

export function uploadPercent(upload: GallerySummary['upload']): number | null {
  if (upload.totalBytes <= 0) return null;
  return Math.min(100, Math.floor((upload.sentBytes / upload.totalBytes) * 100));
}

/** The gallery's state in a word or two: sending (with how far), published, unpublished, failed… */
export function GalleryStatePill({ gallery }: { gallery: Pick<GallerySummary, 'state' | 'upload' | 'problem'> }) {
  const { t } = useTranslation();
  const percent = gallery.state === 'sending' ? uploadPercent(gallery.upload) : null;
  return (
    <span className={`pill pill--${gallery.state}`} title={gallery.problem ?? undefined}>
      <span className="pill__dot" aria-hidden="true" />
      {percent !== null ? t('gallery.state.sendingPercent', { percent }) : t(`gallery.state.${gallery.state}`)}
    </span>
  );
}
