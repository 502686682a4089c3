// The editor's pointer handling: draw with the chosen tool, or with the select tool pick a
// markup and drag it. Works in image pixels (pointer.ts) and hands finished markups back in
// relative coordinates. A press the editor takes stops there; a press on empty picture with
// the select tool goes on to the comparison, which pans.
import { type PointerEvent, useRef, useState } from 'react';
import type { Markup } from '../../../../../shared/retouch/markup';
import { fromPixels, moveMarkup, nextPinNumber, type PixelMarkup, type PixelPoint } from '../../../../../shared/retouch/markup-geometry';
import type { ImageSpace } from '../compare/image-space';
import { clampToSchema, type DrawTool, extendDraft, isWorthKeeping, type MarkupTool, startDraft } from './draft';
import { markupAt, pointInImage } from './pointer';

interface DrawingOptions {
  space: ImageSpace;
  tool: MarkupTool;
  color: Markup['color'];
  markups: readonly Markup[];
  /** False when the list is full (200 markups): nothing new can be drawn. */
  canAdd: boolean;
  onAdd: (markup: Markup) => void;
  onSelect: (id: string | null) => void;
  /** A drag of the selected markup: live while moving; `done` once on release (for undo). */
  onMove: (markups: Markup[], done: { before: readonly Markup[] } | null) => void;
}

type Gesture =
  | { kind: 'draw'; pointerId: number; origin: PixelPoint; draft: PixelMarkup }
  | { kind: 'move'; pointerId: number; origin: PixelPoint; id: string; before: readonly Markup[]; moved: boolean };

const newId = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `m-${Date.now()}-${Math.random()}`);

export function useDrawing(options: DrawingOptions) {
  const { space, tool } = options;
  const gesture = useRef<Gesture | null>(null);
  const [draft, setDraft] = useState<PixelMarkup | null>(null);
  const [hover, setHover] = useState(false);
  const size = { width: space.width, height: space.height };

  const pointOf = (event: PointerEvent<Element>): PixelPoint & { pressure?: number } => {
    const at = pointInImage(event, event.currentTarget, space);
    // Only a pen's pressure means something; a mouse reports a flat 0.5 (perfect-freehand simulates instead).
    return event.pointerType === 'pen' ? { ...at, pressure: event.pressure } : at;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || gesture.current) return;
    const at = pointOf(event);
    if (tool === 'select') {
      const id = markupAt(options.markups, at, space);
      options.onSelect(id);
      if (!id) return; // let the comparison pan
      gesture.current = { kind: 'move', pointerId: event.pointerId, origin: at, id, before: options.markups, moved: false };
    } else {
      if (!options.canAdd) return;
      const ctx = {
        id: newId(),
        color: options.color,
        scale: space.scale,
        imageWidth: space.width,
        pinNumber: nextPinNumber(options.markups),
      };
      const started = startDraft(tool as DrawTool, at, ctx);
      gesture.current = { kind: 'draw', pointerId: event.pointerId, origin: at, draft: started };
      setDraft(started);
    }
    event.stopPropagation();
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    if (!g) {
      if (tool === 'select') setHover(markupAt(options.markups, pointInImage(event, event.currentTarget, space), space) !== null);
      return;
    }
    if (event.pointerId !== g.pointerId) return;
    if (g.kind === 'draw') {
      // A pen sends more points than frames; the coalesced ones make a smooth line.
      const events = g.draft.kind === 'freehand' ? (event.nativeEvent.getCoalescedEvents?.() ?? []) : [];
      let next = g.draft;
      const square = event.shiftKey;
      for (const e of events.length ? events : [event.nativeEvent]) {
        const at = pointInImage(e, event.currentTarget, space);
        next = extendDraft(next, g.origin, e.pointerType === 'pen' ? { ...at, pressure: e.pressure } : at, { scale: space.scale, square });
      }
      gesture.current = { ...g, draft: next };
      setDraft(next);
      return;
    }
    const at = pointOf(event);
    const dx = (at.x - g.origin.x) / space.width;
    const dy = (at.y - g.origin.y) / space.height;
    gesture.current = { ...g, moved: true };
    options.onMove(
      g.before.map((m) => (m.id === g.id ? clampToSchema(moveMarkup(m, dx, dy)) : m)),
      null,
    );
  };

  const finish = (event: PointerEvent<HTMLDivElement>, cancelled: boolean) => {
    const g = gesture.current;
    if (!g || event.pointerId !== g.pointerId) return;
    gesture.current = null;
    setDraft(null);
    if (g.kind === 'move') {
      if (g.moved) options.onMove([...options.markups], { before: g.before });
      return;
    }
    if (cancelled || !isWorthKeeping(g.draft, space.scale)) return;
    const markup = clampToSchema(fromPixels(g.draft, size));
    options.onAdd(markup);
    options.onSelect(markup.id);
  };

  /** Escape while drawing: drop the shape. */
  const cancel = () => {
    const g = gesture.current;
    if (!g) return false;
    if (g.kind === 'move' && g.moved) options.onMove([...g.before], null);
    gesture.current = null;
    setDraft(null);
    return true;
  };

  return {
    draft,
    hover,
    cancel,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: (event: PointerEvent<HTMLDivElement>) => finish(event, false),
      onPointerCancel: (event: PointerEvent<HTMLDivElement>) => finish(event, true),
    },
  };
}
