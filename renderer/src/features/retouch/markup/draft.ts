// Turning a pointer gesture into a markup, in the image's pixels: a marker collects points, an
// arrow goes from press to release, a circle fills the dragged box (Shift: a round one), a pin
// lands where pressed. Sizes on screen are divided by the zoom, so a stroke drawn at 400 % is
// as thick on screen as one drawn at fit, and thinner on the photo.
import type { Markup } from '../../../../../shared/retouch/markup';
import type { PixelMarkup, PixelPoint } from '../../../../../shared/retouch/markup-geometry';

export type DrawTool = 'freehand' | 'arrow' | 'circle' | 'pin';
export type MarkupTool = DrawTool | 'select';
export const markupTools = ['freehand', 'arrow', 'circle', 'pin', 'select'] as const satisfies readonly MarkupTool[];
export const toolKeys: Record<MarkupTool, string> = { freehand: 'M', arrow: 'A', circle: 'C', pin: 'P', select: 'V' };

/** The marker's width on screen, in CSS pixels. */
export const penScreenSize = 5;
/** The schema's limits for one stroke. */
const maxPoints = 5000;

export interface DraftContext {
  id: string;
  color: Markup['color'];
  scale: number;
  imageWidth: number;
  /** The number a pin would get. */
  pinNumber: number;
}

export function startDraft(tool: DrawTool, at: PixelPoint & { pressure?: number }, ctx: DraftContext): PixelMarkup {
  const base = { id: ctx.id, color: ctx.color, comment: '' };
  switch (tool) {
    case 'freehand':
      return { ...base, kind: 'freehand', points: [at], size: Math.min(0.2 * ctx.imageWidth, penScreenSize / ctx.scale) };
    case 'arrow':
      return { ...base, kind: 'arrow', from: at, to: at };
    case 'circle':
      return { ...base, kind: 'circle', center: at, rx: 0, ry: 0 };
    case 'pin':
      return { ...base, kind: 'pin', n: ctx.pinNumber, at };
  }
}

/** The draft after the pointer moved to `to` (from `origin`, where it was pressed). */
export function extendDraft(
  draft: PixelMarkup,
  origin: PixelPoint,
  to: PixelPoint & { pressure?: number },
  options: { scale: number; square: boolean },
): PixelMarkup {
  switch (draft.kind) {
    case 'freehand': {
      const last = draft.points.at(-1);
      // Points closer than half a screen pixel add nothing but weight.
      if (draft.points.length >= maxPoints || (last && Math.hypot(to.x - last.x, to.y - last.y) * options.scale < 0.5)) return draft;
      return { ...draft, points: [...draft.points, to] };
    }
    case 'arrow':
      return { ...draft, to: { x: to.x, y: to.y } };
    case 'circle':
      return { ...draft, ...circleFromDrag(origin, to, options.square) };
    case 'pin':
      return { ...draft, at: { x: to.x, y: to.y } };
  }
}

export function circleFromDrag(a: PixelPoint, b: PixelPoint, square: boolean) {
  let rx = Math.abs(b.x - a.x) / 2;
  let ry = Math.abs(b.y - a.y) / 2;
  if (square) {
    rx = Math.max(rx, ry);
    ry = rx;
  }
  const sx = Math.sign(b.x - a.x) || 1;
  const sy = Math.sign(b.y - a.y) || 1;
  return { center: { x: a.x + sx * rx, y: a.y + sy * ry }, rx, ry };
}

/** Whether a finished gesture is a markup or a slip (a click with the arrow tool). */
export function isWorthKeeping(draft: PixelMarkup, scale: number): boolean {
  switch (draft.kind) {
    case 'freehand':
      return draft.points.length > 0;
    case 'arrow':
      return Math.hypot(draft.to.x - draft.from.x, draft.to.y - draft.from.y) * scale >= 8;
    case 'circle':
      return Math.min(draft.rx, draft.ry) * scale >= 2 && Math.max(draft.rx, draft.ry) * scale >= 5;
    case 'pin':
      return true;
  }
}

/** Keeps relative coordinates inside what the schema accepts (a little past the edges). */
export function clampToSchema(markup: Markup): Markup {
  const c = (v: number) => Math.min(1.5, Math.max(-0.5, v));
  const p = <T extends { x: number; y: number }>(pt: T): T => ({ ...pt, x: c(pt.x), y: c(pt.y) });
  switch (markup.kind) {
    case 'freehand':
      return { ...markup, points: markup.points.map(p), size: Math.min(0.2, markup.size) };
    case 'arrow':
      return { ...markup, from: p(markup.from), to: p(markup.to) };
    case 'circle':
      return { ...markup, center: p(markup.center), rx: Math.min(2, markup.rx), ry: Math.min(2, markup.ry) };
    case 'pin':
      return { ...markup, at: p(markup.at) };
  }
}
