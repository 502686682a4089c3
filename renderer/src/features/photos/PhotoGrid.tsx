import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionForKey } from './cull-actions';
import { PhotoCell } from './PhotoCell';
import { usePhotos } from './photos-store';

const CELL_WIDTH = 188;
const ROW_HEIGHT = 212;

/** A virtualised grid: only the visible rows exist in the DOM, pages load as they scroll in. */
export function PhotoGrid() {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [columns, setColumns] = useState(5);
  const total = usePhotos((s) => s.total);
  const focus = usePhotos((s) => s.focus);
  const selected = usePhotos((s) => s.selected);
  usePhotos((s) => s.pages); // re-render when pages arrive
  const { itemAt, ensureRange, setFocus, toggleSelected, setLoupe } = usePhotos.getState();

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setColumns(Math.max(1, Math.floor((el.clientWidth - 16) / CELL_WIDTH)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const rows = Math.ceil(total / columns);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
  });
  const visible = virtualizer.getVirtualItems();
  const firstRow = visible[0]?.index ?? 0;
  const lastRow = visible[visible.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) void ensureRange(firstRow * columns, (lastRow + 1) * columns - 1);
  }, [firstRow, lastRow, columns, total, ensureRange]);

  useEffect(() => {
    if (total > 0) virtualizer.scrollToIndex(Math.floor(focus / columns), { align: 'auto' });
  }, [focus, columns, total, virtualizer]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const action = actionForKey(event.key);
      if (!action) return;
      event.preventDefault();
      action.perform({ columns }, { shiftKey: event.shiftKey });
    },
    [columns],
  );

  const onClick = useCallback(
    (index: number, event: React.MouseEvent) => {
      if (event.metaKey || event.ctrlKey) toggleSelected(index);
      else setFocus(index, event.shiftKey);
      scroller.current?.focus();
    },
    [setFocus, toggleSelected],
  );
  const onOpen = useCallback(
    (index: number) => {
      setFocus(index);
      setLoupe(true);
    },
    [setFocus, setLoupe],
  );

  return (
    // biome-ignore lint/a11y/useSemanticElements: a virtualised photo grid has no native element; role=grid is the ARIA pattern for it.
    <div
      ref={scroller}
      className="grid-scroller"
      role="grid"
      aria-label={t('photos.gridLabel')}
      aria-rowcount={rows}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {visible.map((row) => (
          // biome-ignore lint/a11y/useSemanticElements: rows of the ARIA grid above.
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays on the grid; cells are addressed with the arrow keys.
          <div key={row.key} role="row" className="grid-row" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
            {Array.from({ length: columns }, (_, col) => {
              const index = row.index * columns + col;
              if (index >= total) return null;
              const item = itemAt(index);
              return (
                <PhotoCell
                  key={item?.id ?? `pending-${index}`}
                  item={item}
                  index={index}
                  focused={index === focus}
                  selected={item ? selected.has(item.id) : false}
                  onClick={onClick}
                  onOpen={onOpen}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
