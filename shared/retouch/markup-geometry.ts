// Markup geometry (issue 7 point 4): stored markups are relative to the image (0..1 of width
// and height, see markup.ts); drawing, rendering and hit-testing happen in the pixels of the
// image being shown. These pure functions convert between the two for every kind, number new
// pins and find which markup lies under a point. No DOM: the server and tests use them too.
import type { Markup, RelPoint } from './markup';

export interface ImageSize {
  width: number;
  height: number;
}
export interface PixelPoint {
  x: number;
  y: number;
}

/** A markup in the pixels of one image size: same fields as Markup, absolute values. */
export type PixelMarkup =
  | (Omit<Extract<Markup, { kind: 'freehand' }>, 'points' | 'size'> & {
      points: { x: number; y: number; pressure?: number }[];
      /** Pen size in pixels. */
      size: number;
    })
  | (Omit<Extract<Markup, { kind: 'arrow' }>, 'from' | 'to'> & { from: PixelPoint; to: PixelPoint })
  | (Omit<Extract<Markup, { kind: 'circle' }>, 'center' | 'rx' | 'ry'> & { center: PixelPoint; rx: number; ry: number })
  | (Omit<Extract<Markup, { kind: 'pin' }>, 'at'> & { at: PixelPoint });

export const toPixelPoint = (p: RelPoint, size: ImageSize): PixelPoint => ({ x: p.x * size.width, y: p.y * size.height });
export const fromPixelPoint = (p: PixelPoint, size: ImageSize): RelPoint => ({ x: p.x / size.width, y: p.y / size.height });

/** Relative → pixels. Widths (pen size, rx) scale with the width, ry with the height, as the schema says. */
export function toPixels(markup: Markup, size: ImageSize): PixelMarkup {
  switch (markup.kind) {
    case 'freehand':
      return {
        ...markup,
        points: markup.points.map((p) => withPressure(toPixelPoint(p, size), p.pressure)),
        size: markup.size * size.width,
      };
    case 'arrow':
      return { ...markup, from: toPixelPoint(markup.from, size), to: toPixelPoint(markup.to, size) };
    case 'circle':
      return { ...markup, center: toPixelPoint(markup.center, size), rx: markup.rx * size.width, ry: markup.ry * size.height };
    case 'pin':
      return { ...markup, at: toPixelPoint(markup.at, size) };
  }
}

/** Pixels → relative: the exact inverse of toPixels. */
export function fromPixels(markup: PixelMarkup, size: ImageSize): Markup {
  switch (markup.kind) {
    case 'freehand':
      return {
        ...markup,
        points: markup.points.map((p) => withPressure(fromPixelPoint(p, size), p.pressure)),
        size: markup.size / size.width,
      };
    case 'arrow':
      return { ...markup, from: fromPixelPoint(markup.from, size), to: fromPixelPoint(markup.to, size) };
    case 'circle':
      return { ...markup, center: fromPixelPoint(markup.center, size), rx: markup.rx / size.width, ry: markup.ry / size.height };
    case 'pin':
      return { ...markup, at: fromPixelPoint(markup.at, size) };
  }
}

// Pressure is optional in the schema; keep the key absent (not `undefined`) so a round trip is equal.
function withPressure<T extends object>(point: T, pressure: number | undefined): T & { pressure?: number } {
  return pressure === undefined ? point : { ...point, pressure };
}

/** The number for a new pin: one past the highest pin so far (numbers never repeat while pins remain). */
export function nextPinNumber(markups: readonly Markup[]): number {
  return markups.reduce((max, m) => (m.kind === 'pin' ? Math.max(max, m.n) : max), 0) + 1;
}

/** Pins numbered 1, 2, 3 … in drawing order again (after a delete), so the list has no gaps. */
export function renumberPins(markups: readonly Markup[]): Markup[] {
  let n = 0;
  return markups.map((m) => {
    if (m.kind !== 'pin') return m;
    n += 1;
    return m.n === n ? m : { ...m, n };
  });
}

/** The markup moved by a relative offset (the select tool's drag). */
export function moveMarkup(markup: Markup, dx: number, dy: number): Markup {
  const move = (p: RelPoint) => ({ ...p, x: p.x + dx, y: p.y + dy });
  switch (markup.kind) {
    case 'freehand':
      return { ...markup, points: markup.points.map(move) };
    case 'arrow':
      return { ...markup, from: move(markup.from), to: move(markup.to) };
    case 'circle':
      return { ...markup, center: move(markup.center) };
    case 'pin':
      return { ...markup, at: move(markup.at) };
  }
}

export interface HitOptions {
  /** How far from a line still counts, in image pixels (a few screen pixels divided by the zoom). */
  tolerance: number;
  /** A pin's drawn radius in image pixels (pins keep their screen size, so this depends on the zoom). */
  pinRadius: number;
}

/**
 * The id of the markup under a point (pixels of `size`), or null. The last drawn wins, as it is
 * drawn on top. Outlines are hit first; only when no outline is near does a point inside a
 * circle select it, so a pin or stroke inside a circle stays reachable.
 */
export function hitTest(markups: readonly Markup[], point: PixelPoint, size: ImageSize, options: HitOptions): string | null {
  const pixels = markups.map((m) => toPixels(m, size));
  for (let i = pixels.length - 1; i >= 0; i -= 1) {
    const m = pixels[i] as PixelMarkup;
    if (distanceTo(m, point, options) <= options.tolerance) return m.id;
  }
  for (let i = pixels.length - 1; i >= 0; i -= 1) {
    const m = pixels[i] as PixelMarkup;
    if (m.kind === 'circle' && ellipseValue(m, point) <= 1) return m.id;
  }
  return null;
}

/** Distance from a point to the visible edge of a markup, in pixels (0 on or inside a drawn line). */
export function distanceTo(m: PixelMarkup, p: PixelPoint, options: Pick<HitOptions, 'pinRadius'>): number {
  switch (m.kind) {
    case 'freehand': {
      const [first, ...rest] = m.points;
      if (!first) return Number.POSITIVE_INFINITY;
      let best = Math.hypot(p.x - first.x, p.y - first.y);
      let prev = first;
      for (const q of rest) {
        best = Math.min(best, segmentDistance(p, prev, q));
        prev = q;
      }
      return Math.max(0, best - m.size / 2);
    }
    case 'arrow':
      return segmentDistance(p, m.from, m.to);
    case 'circle': {
      // Distance to an ellipse has no closed form; measuring along the ray from the centre is
      // exact for circles and close enough for picking on ellipses.
      const d = Math.hypot(p.x - m.center.x, p.y - m.center.y);
      const k = Math.sqrt(ellipseValue(m, p));
      if (k === 0) return Math.min(m.rx, m.ry);
      return Math.abs(d - d / k);
    }
    case 'pin':
      return Math.max(0, Math.hypot(p.x - m.at.x, p.y - m.at.y) - options.pinRadius);
  }
}

/** (dx/rx)² + (dy/ry)²: below 1 inside the ellipse, 1 on it. */
function ellipseValue(m: Extract<PixelMarkup, { kind: 'circle' }>, p: PixelPoint): number {
  return ((p.x - m.center.x) / m.rx) ** 2 + ((p.y - m.center.y) / m.ry) ** 2;
}

export function segmentDistance(p: PixelPoint, a: PixelPoint, b: PixelPoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
