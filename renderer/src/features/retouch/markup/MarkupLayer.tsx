// Renders markups (relative to the image) as SVG in the image's pixels, inside a CompareView
// (or any ImageSpaceContext): the same vectors land on the same pixels at any zoom and on a
// version of another size. Read-only; give onSelect to let a click on a shape select it (the
// retoucher's view: click a circle, its comment lights up in the list).
import { type PointerEvent, useMemo } from 'react';
import type { Markup } from '../../../../../shared/retouch/markup';
import { type PixelMarkup, toPixels } from '../../../../../shared/retouch/markup-geometry';
import { useImageSpace } from '../compare/image-space';
import { markupAt, pointInImage } from './pointer';
import { MarkupShape } from './shapes';

export interface MarkupLayerProps {
  markups: readonly Markup[];
  selectedId?: string | null;
  onSelect?: (id: string) => void;
  /** A shape being drawn (the editor's), in image pixels. */
  draft?: PixelMarkup | null;
}

export function MarkupLayer({ markups, selectedId = null, onSelect, draft = null }: MarkupLayerProps) {
  const space = useImageSpace();
  // In pixels once per list and size, not on every zoom step.
  const pixels = useMemo(
    () => markups.map((m) => toPixels(m, { width: space.width, height: space.height })),
    [markups, space.width, space.height],
  );
  // A press on a shape selects it; anywhere else it goes on to the comparison, which pans.
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const id = markupAt(markups, pointInImage(event, event.currentTarget, space), space);
    if (!id || !onSelect) return;
    event.stopPropagation();
    onSelect(id);
  };
  return (
    <div className="markup-surface" data-selectable={onSelect ? 'true' : undefined} onPointerDown={onSelect ? onPointerDown : undefined}>
      <svg className="markup-layer" viewBox={`0 0 ${space.width} ${space.height}`} preserveAspectRatio="none" aria-hidden="true">
        {pixels.map((m) => (
          <MarkupShape key={m.id} markup={m} scale={space.scale} selected={m.id === selectedId} />
        ))}
        {draft ? <MarkupShape markup={draft} scale={space.scale} drafting /> : null}
      </svg>
    </div>
  );
}
