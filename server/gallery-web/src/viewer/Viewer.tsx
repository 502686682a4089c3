// The full-screen viewer: one photograph as large as the screen allows, on a dark ground,
// with its neighbours preloaded. Arrows, keys and swipes browse; the heart and the basket
// are at the bottom, where a thumb reaches them.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type GalleryPhoto, proofUrl } from '../api/client-api';
import { useSession } from '../state/session-store';
import { CheckIcon, ChevronIcon, CloseIcon, HeartIcon, PlusIcon } from '../ui/icons';
import { Notice } from '../ui/Notice';
import { useModalDialog } from '../ui/use-modal-dialog';
import { useSwipe } from './use-swipe';
import { useViewerKeys } from './use-viewer-keys';

interface ViewerProps {
  /** A snapshot taken when the viewer opened: un-hearting in the Favourites view does not yank the photo away. */
  photos: readonly GalleryPhoto[];
  startIndex: number;
  onClose(): void;
}

export function Viewer({ photos, startIndex, onClose }: ViewerProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useModalDialog(dialog, onClose);
  const [index, setIndex] = useState(startIndex);
  const [direction, setDirection] = useState<1 | -1 | 0>(0);
  const photo = photos[index];
  const toggle = useSession((s) => s.toggle);
  const favourite = useSession((s) => (photo ? s.favourites.includes(photo.id) : false));
  const inBasket = useSession((s) => (photo ? s.basket.includes(photo.id) : false));

  const go = (step: 1 | -1) => {
    const next = index + step;
    if (next < 0 || next >= photos.length) return;
    setDirection(step);
    setIndex(next);
  };
  const heart = () => photo && toggle('favourites', photo.id);
  const basket = () => photo && toggle('basket', photo.id);
  useViewerKeys({ previous: () => go(-1), next: () => go(1), heart, basket });
  const { offset, handlers } = useSwipe(go);
  usePreload(photos, index);

  if (!photo) return null;
  return (
    <dialog ref={dialog} className="viewer" aria-label={t('viewer.label')}>
      <div className="viewer-top">
        <p className="viewer-position">{t('viewer.position', { index: index + 1, total: photos.length })}</p>
        <p className="viewer-name">{photo.name}</p>
        <button type="button" className="icon-button" aria-label={t('viewer.close')} onClick={onClose}>
          <CloseIcon size={24} />
        </button>
      </div>

      <div className="viewer-stage" {...handlers}>
        <img
          key={photo.id}
          className={`viewer-image enter-${direction === 1 ? 'next' : direction === -1 ? 'previous' : 'open'}`}
          src={proofUrl(photo.id)}
          width={photo.width}
          height={photo.height}
          alt={photo.name}
          draggable={false}
          style={offset ? { transform: `translateX(${offset}px)`, transition: 'none' } : undefined}
        />
        <button
          type="button"
          className="viewer-nav is-previous"
          aria-label={t('viewer.previous')}
          disabled={index === 0}
          onClick={() => go(-1)}
        >
          <ChevronIcon direction="left" size={32} />
        </button>
        <button
          type="button"
          className="viewer-nav is-next"
          aria-label={t('viewer.next')}
          disabled={index === photos.length - 1}
          onClick={() => go(1)}
        >
          <ChevronIcon direction="right" size={32} />
        </button>
      </div>

      <div className="viewer-bottom">
        <button type="button" className={favourite ? 'viewer-action is-on' : 'viewer-action'} aria-pressed={favourite} onClick={heart}>
          <HeartIcon filled={favourite} />
          {t('viewer.favourite')}
        </button>
        <button type="button" className={inBasket ? 'viewer-action is-on' : 'viewer-action'} onClick={basket}>
          {inBasket ? <CheckIcon /> : <PlusIcon />}
          {t(inBasket ? 'viewer.removeBasket' : 'viewer.addBasket')}
        </button>
        <p className="viewer-keys">{t('viewer.keys')}</p>
      </div>
      <Notice />
    </dialog>
  );
}

/** The neighbours are fetched ahead, so the next swipe shows a photograph, not a wait. */
function usePreload(photos: readonly GalleryPhoto[], index: number): void {
  useEffect(() => {
    for (const neighbour of [photos[index + 1], photos[index - 1]]) {
      if (neighbour) new Image().src = proofUrl(neighbour.id);
    }
  }, [photos, index]);
}
