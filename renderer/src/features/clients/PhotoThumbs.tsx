import { useTranslation } from 'react-i18next';
import type { GalleryPhotoView } from '../../../../shared/schemas/galleries';
import { mediaUrl } from '../../api';

/** Thumbnails with their file names (basket, favourites, an order's photos). */
export function PhotoThumbs({
  photos,
  label,
  size = 'medium',
}: {
  photos: Pick<GalleryPhotoView, 'photoId' | 'name' | 'thumb'>[];
  label: string;
  size?: 'small' | 'medium';
}) {
  const { t } = useTranslation();
  return (
    <ul className={`thumbs thumbs--${size}`} aria-label={label}>
      {photos.map((photo) => (
        <li key={photo.photoId} className="thumbs__item">
          <figure>
            <div className="thumbs__frame">
              {photo.thumb ? (
                <img
                  className="thumbs__img"
                  src={mediaUrl(photo.thumb.relPath)}
                  alt={photo.name}
                  width={photo.thumb.width}
                  height={photo.thumb.height}
                  loading="lazy"
                />
              ) : (
                <span className="thumbs__missing">{t('gallery.noPreview')}</span>
              )}
            </div>
            <figcaption title={photo.name}>{photo.name}</figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}
