// The slim bar over every page: the studio's name, the language, and the two running counts
// (favourites, basket) that must always be in sight. Transparent over the cover photo, solid
// once the client scrolls into the photographs.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session-store';
import { BagIcon, HeartIcon } from '../ui/icons';
import { LanguageSwitch } from '../ui/LanguageSwitch';

interface TopBarProps {
  studioName: string;
  overCover: boolean;
  /** Replaces the studio name on inner pages (a way back to the gallery). */
  leading?: ReactNode;
  onFavourites?: () => void;
  onBasket?: () => void;
}

export function TopBar({ studioName, overCover, leading, onFavourites, onBasket }: TopBarProps) {
  const { t } = useTranslation();
  const favourites = useSession((s) => s.favourites.length);
  const basket = useSession((s) => s.basket.length);
  return (
    <header className={overCover ? 'topbar is-over-cover' : 'topbar'}>
      <div className="topbar-leading">{leading ?? <span className="brand">{studioName}</span>}</div>
      <div className="topbar-actions">
        <LanguageSwitch />
        {onFavourites && (
          <button type="button" className="count-button" aria-label={t('bar.favourites', { count: favourites })} onClick={onFavourites}>
            <HeartIcon filled={favourites > 0} />
            <span key={favourites} className="count">
              {favourites}
            </span>
          </button>
        )}
        {onBasket && (
          <button type="button" className="count-button" aria-label={t('bar.basket', { count: basket })} onClick={onBasket}>
            <BagIcon />
            <span key={basket} className={basket > 0 ? 'count is-filled' : 'count'}>
              {basket}
            </span>
          </button>
        )}
      </div>
    </header>
  );
}
