// The kernel on hand-made pixels: what counts as changed, what the 3×3 opening removes and keeps.
import { describe, expect, it } from 'vitest';
import { diffPixels } from './diff-pixels';

const COLOUR = [255, 0, 255, 204] as const;

/** A grey w×h RGB picture and a copy with `pixels` set to `value` in one channel. */
function edit(w: number, h: number, pixels: Array<[number, number]>, value = 200, channel = 0) {
  const a = new Uint8Array(w * h * 3).fill(128);
  const b = Uint8Array.from(a);
  for (const [x, y] of pixels) b[(y * w + x) * 3 + channel] = value;
  return { a, b };
}

function rect(left: number, top: number, width: number, height: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let y = top; y < top + height; y++) for (let x = left; x < left + width; x++) out.push([x, y]);
  return out;
}

describe('diffPixels', () => {
  it('finds a rectangle exactly, paints it and leaves the rest fully transparent', () => {
    const { a, b } = edit(64, 48, rect(10, 7, 20, 9));
    const d = diffPixels(a, b, 64, 48, 24, COLOUR);
    expect(d).toMatchObject({ changed: 180, left: 10, top: 7, right: 29, bottom: 15 });
    expect([...d.overlay.subarray((8 * 64 + 12) * 4, (8 * 64 + 12) * 4 + 4)]).toEqual([...COLOUR]);
    const visible = d.overlay.filter((_, i) => i % 4 === 3 && d.overlay[i] !== 0).length;
    expect(visible).toBe(180);
    expect(d.overlay.every((v, i) => (i % 4 === 3 ? v === 0 || v === 204 : true))).toBe(true);
  });

  it('takes the largest channel difference and needs it strictly above the threshold', () => {
    for (const channel of [0, 1, 2]) {
      const above = edit(16, 16, rect(4, 4, 5, 5), 128 + 25, channel);
      expect(diffPixels(above.a, above.b, 16, 16, 24, COLOUR).changed).toBe(25);
      const at = edit(16, 16, rect(4, 4, 5, 5), 128 - 24, channel);
      expect(diffPixels(at.a, at.b, 16, 16, 24, COLOUR).changed).toBe(0);
    }
  });

  it('ignores specks and lines thinner than 3 px (JPEG noise), keeps anything 3 px across', () => {
    const specks = edit(40, 40, [[5, 5], [6, 5], [20, 20], [21, 21], ...rect(30, 2, 2, 30)]);
    const none = diffPixels(specks.a, specks.b, 40, 40, 24, COLOUR);
    expect(none).toMatchObject({ changed: 0, left: 40, right: -1 });
    const small = edit(40, 40, rect(17, 11, 3, 3));
    expect(diffPixels(small.a, small.b, 40, 40, 24, COLOUR)).toMatchObject({ changed: 9, left: 17, top: 11, right: 19, bottom: 13 });
  });

  it('keeps an edit that touches the picture edges and corners', () => {
    const { a, b } = edit(30, 20, [...rect(0, 0, 4, 4), ...rect(26, 15, 4, 5)]);
    expect(diffPixels(a, b, 30, 20, 10, COLOUR)).toMatchObject({ changed: 36, left: 0, top: 0, right: 29, bottom: 19 });
  });

  it('reports identical pictures as unchanged with an empty box', () => {
    const { a, b } = edit(10, 10, []);
    expect(diffPixels(a, b, 10, 10, 0, COLOUR)).toMatchObject({ changed: 0, left: 10, top: 10, right: -1, bottom: -1 });
  });
});
