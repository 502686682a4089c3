import { describe, expect, it } from 'vitest';
import { freehandOutline, freehandPath, outlineToPath } from './freehand-path';

const stroke = (pressure?: number) => ({
  id: 's',
  kind: 'freehand' as const,
  comment: '',
  color: 'red' as const,
  size: 20,
  points: [0, 1, 2, 3, 4, 5].map((i) => ({ x: 100 + i * 30, y: 200 + (i % 2) * 10, ...(pressure === undefined ? {} : { pressure }) })),
});

describe('marker strokes', () => {
  it('outlines a stroke about as wide as its size, around its points', () => {
    const outline = freehandOutline(stroke());
    expect(outline.length).toBeGreaterThan(8);
    const ys = outline.map((p) => p[1] ?? 0);
    expect(Math.min(...ys)).toBeGreaterThan(200 - 20);
    expect(Math.max(...ys)).toBeLessThan(210 + 20);
  });

  it('draws a pen stroke thicker where it was pressed harder', () => {
    const height = (o: number[][]) => Math.max(...o.map((p) => p[1] ?? 0)) - Math.min(...o.map((p) => p[1] ?? 0));
    expect(height(freehandOutline(stroke(1)))).toBeGreaterThan(height(freehandOutline(stroke(0.1))));
  });

  it('makes a closed SVG path, and nothing from no points', () => {
    const d = freehandPath(stroke());
    expect(d.startsWith('M')).toBe(true);
    expect(d.endsWith('Z')).toBe(true);
    expect(outlineToPath([])).toBe('');
  });
});
