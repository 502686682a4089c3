// One photograph in the grid: opens the viewer; the heart and the basket button sit on it,
// revealed on hover (always shown on touch screens), and stay visible once chosen.
import { useTranslation } from 'react-i18next';
import { type GalleryPhoto, proofUrl } from '../api/client-api';
import { useSession } from '../state/session-store';
import { FadeImage } from '../ui/FadeImage';
import { CheckIcon, HeartIcon, PlusIcon } from '../ui/icons';

interface PhotoTileProps {
  photo: GalleryPhoto;
  width: number;
  height: number;
  eager: boolean;
  onOpen(): void;
}

export function PhotoTile({ photo, width, height, eager, onOpen }: PhotoTileProps) {
  const { t } = useTranslation();
  const favourite = useSession((s) => s.favourites.includes(photo.id));
  const inBasket = useSession((s) => s.basket.includes(photo.id));
  const toggle = useSession((s) => s.toggle);
  const name = photo.name;
  const classes = ['tile', favourite && 'is-favourite', inBasket && 'is-in-basket'].filter(Boolean).join(' ');
  return (
    <div className={classes} style={{ width, height }}>
      <button type="button" className="tile-open" aria-label={t('gallery.open', { name })} onClick={onOpen}>
        <FadeImage src={proofUrl(photo.id)} width={photo.width} height={photo.height} eager={eager} />
      </button>
      <div className="tile-actions">
        <button
          type="button"
          className="tile-action tile-heart"
          aria-pressed={favourite}
          aria-label={t('gallery.favourite', { name })}
          onClick={() => toggle('favourites', photo.id)}
        >
          <HeartIcon filled={favourite} size={18} />
        </button>
        <button
          type="button"
          className="tile-action tile-basket"
          aria-label={t(inBasket ? 'gallery.removeBasket' : 'gallery.addBasket', { name })}
          onClick={() => toggle('basket', photo.id)}
        >
          {inBasket ? <CheckIcon size={18} /> : <PlusIcon size={18} />}
        </button>
      </div>
    </div>
  );
}
