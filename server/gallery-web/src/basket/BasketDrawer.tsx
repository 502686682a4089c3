// The basket, sliding in from the side (the whole screen on a phone): what is in it, a way
// to take photos out, and the step to checkout.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type GalleryPhoto, proofUrl } from '../api/client-api';
import { useSession } from '../state/session-store';
import { CloseIcon } from '../ui/icons';
import { Notice } from '../ui/Notice';
import { useModalDialog } from '../ui/use-modal-dialog';

interface BasketDrawerProps {
  photos: readonly GalleryPhoto[];
  onClose(): void;
  onCheckout(): void;
}

export function BasketDrawer({ photos, onClose, onCheckout }: BasketDrawerProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useModalDialog(dialog, onClose);
  const basket = useSession((s) => s.basket);
  const toggle = useSession((s) => s.toggle);
  const items = basket.map((id) => photos.find((p) => p.id === id)).filter((p): p is GalleryPhoto => p !== undefined);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard way out is Esc, the dialog's own cancel.
    <dialog
      ref={dialog}
      className="drawer"
      aria-labelledby="basket-title"
      // A click on the dimmed backdrop lands on the <dialog> itself: close, as people expect.
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="drawer-panel">
        <div className="drawer-head">
          <div>
            <h2 id="basket-title">{t('basket.title')}</h2>
            <p className="drawer-count">{t('common.photos', { count: items.length })}</p>
          </div>
          <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
            <CloseIcon size={22} />
          </button>
        </div>

        {items.length === 0 ? (
          <p className="drawer-empty">{t('basket.empty')}</p>
        ) : (
          <ul className="basket-list">
            {items.map((photo) => (
              <li key={photo.id}>
                <img
                  src={proofUrl(photo.id)}
                  width={photo.width}
                  height={photo.height}
                  alt=""
                  loading="lazy"
                  decoding="async"
                  draggable={false}
                />
                <span className="basket-name">{photo.name}</span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('basket.remove', { name: photo.name })}
                  onClick={() => toggle('basket', photo.id)}
                >
                  <CloseIcon size={16} />
                </button>
              </li>
            ))}
          </ul>
        )}

        <div className="drawer-foot">
          <button type="button" className="button-primary" disabled={items.length === 0} onClick={onCheckout}>
            {t('basket.checkout')}
          </button>
          <p className="fine-print">{t('basket.nextStep')}</p>
        </div>
      </div>
      <Notice />
    </dialog>
  );
}
