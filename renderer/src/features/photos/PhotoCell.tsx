import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoGridItem } from '../../../../shared/schemas/photos';
import { mediaUrl } from '../../api';

interface Props {
  item: PhotoGridItem | undefined;
  index: number;
  focused: boolean;
  selected: boolean;
  onClick(index: number, event: React.MouseEvent): void;
  onOpen(index: number): void;
}

/** One grid cell: thumbnail (or why there is none), rating, pick/reject and colour label. */
export const PhotoCell = memo(function PhotoCell({ item, index, focused, selected, onClick, onOpen }: Props) {
  const { t } = useTranslation();
  if (!item) return <div className="cell cell--loading" aria-hidden="true" />;
  const flags = [
    item.rating > 0 ? t('cull.stars', { count: item.rating }) : null,
    item.pick === 'pick' ? t('cull.picked') : item.pick === 'reject' ? t('cull.rejected') : null,
    item.colorLabel ? t(`labels.${item.colorLabel}`) : null,
  ].filter(Boolean);
  return (
    // The grid owns focus and the keys (arrows, ratings); cells take pointer clicks only.
    // biome-ignore lint/a11y/useSemanticElements: a virtualised ARIA grid, not a table.
    // biome-ignore lint/a11y/useFocusableInteractive: focus stays on the grid (roving focus via aria-selected).
    // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard is handled by the grid's onKeyDown.
    <div
      role="gridcell"
      aria-selected={selected || focused}
      aria-label={[item.stem, ...flags].join(', ')}
      data-index={index}
      data-focused={focused || undefined}
      className={`cell cell--${item.status}${item.pick === 'reject' ? ' cell--rejected' : ''}`}
      onClick={(e) => onClick(index, e)}
      onDoubleClick={() => onOpen(index)}
    >
      <div className="cell__frame">
        {item.thumb ? (
          <img
            src={mediaUrl(item.thumb.relPath)}
            alt=""
            loading="lazy"
            decoding="async"
            width={item.thumb.width}
            height={item.thumb.height}
          />
        ) : (
          <span className={`cell__state cell__state--${item.status}`}>{t(`photoStatus.${item.status}`)}</span>
        )}
      </div>
      <div className="cell__meta">
        <span className="cell__name">{item.stem}</span>
        <span className="cell__flags">
          {item.colorLabel ? <span className={`label-dot label-dot--${item.colorLabel}`} aria-hidden="true" /> : null}
          {item.pick === 'pick' ? (
            <span className="flag flag--pick" aria-hidden="true">
              ⚑
            </span>
          ) : null}
          {item.pick === 'reject' ? (
            <span className="flag flag--reject" aria-hidden="true">
              ✕
            </span>
          ) : null}
          {item.rating > 0 ? (
            <span className="stars" aria-hidden="true">
              {'★'.repeat(item.rating)}
            </span>
          ) : null}
        </span>
      </div>
    </div>
  );
});
