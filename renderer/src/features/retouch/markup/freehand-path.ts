// A marker stroke as a filled SVG outline (perfect-freehand): pressure from a pen where the
// device gave it, simulated from speed for a mouse. Computed in the image's pixels, so the
// stroke is the same shape at every zoom and on every screen.
import { getStroke } from 'perfect-freehand';
import type { PixelMarkup } from '../../../../../shared/retouch/markup-geometry';

type Freehand = Extract<PixelMarkup, { kind: 'freehand' }>;

export function freehandOutline(stroke: Freehand, complete = true): number[][] {
  const pen = stroke.points.some((p) => p.pressure !== undefined);
  return getStroke(
    stroke.points.map((p) => [p.x, p.y, p.pressure ?? 0.5]),
    { size: stroke.size, thinning: pen ? 0.6 : 0.45, smoothing: 0.5, streamline: 0.45, simulatePressure: !pen, last: complete },
  );
}

/** The outline polygon as a smooth closed path (quadratic curves through the midpoints). */
export function outlineToPath(outline: readonly number[][]): string {
  const n = outline.length;
  if (n === 0) return '';
  const at = (i: number) => outline[i % n] as number[];
  const fmt = (v: number | undefined) => (v ?? 0).toFixed(2);
  const first = at(0);
  const parts = [`M${fmt(first[0])},${fmt(first[1])}`];
  for (let i = 0; i < n; i += 1) {
    const p = at(i);
    const q = at(i + 1);
    parts.push(`Q${fmt(p[0])},${fmt(p[1])} ${fmt(((p[0] ?? 0) + (q[0] ?? 0)) / 2)},${fmt(((p[1] ?? 0) + (q[1] ?? 0)) / 2)}`);
  }
  parts.push('Z');
  return parts.join(' ');
}

export const freehandPath = (stroke: Freehand, complete = true) => outlineToPath(freehandOutline(stroke, complete));
