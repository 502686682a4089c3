import { describe, expect, it } from 'vitest';
import { justify } from './justify';

const landscape = { width: 1500, height: 1000 };
const portrait = { width: 1000, height: 1500 };
const rowWidth = (row: { boxes: { width: number }[] }, gap: number) =>
  row.boxes.reduce((s, b) => s + b.width, 0) + gap * (row.boxes.length - 1);

describe('justified gallery rows', () => {
  it('fills every row but the last exactly, keeping aspect ratios', () => {
    const items = [landscape, portrait, landscape, landscape, portrait, landscape, landscape];
    const rows = justify(items, { containerWidth: 1200, targetHeight: 300, gap: 8 });
    expect(rows.flatMap((r) => r.boxes.map((b) => b.index))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const row of rows.slice(0, -1)) expect(rowWidth(row, 8)).toBeCloseTo(1200, 5);
    for (const row of rows) for (const box of row.boxes) expect(box.height).toBe(row.height);
    const first = rows[0]?.boxes[0];
    expect(first && first.width / first.height).toBeCloseTo(1.5, 5);
  });

  it('puts one landscape per row on a phone and pairs portraits', () => {
    const rows = justify([landscape, portrait, portrait, landscape], { containerWidth: 358, targetHeight: 240, gap: 6 });
    expect(rows.map((r) => r.boxes.length)).toEqual([1, 2, 1]);
  });

  it('never stretches a short last row into a wall', () => {
    const rows = justify([portrait], { containerWidth: 1200, targetHeight: 300, gap: 8 });
    expect(rows[0]?.height).toBe(300);
    expect(justify([], { containerWidth: 1200, targetHeight: 300, gap: 8 })).toEqual([]);
    expect(justify([landscape], { containerWidth: 0, targetHeight: 300, gap: 8 })).toEqual([]);
  });
});
