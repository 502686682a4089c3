import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { applyOrientation } from './orientation';
import { sharedImage } from './test-paths';
import { printDistance, tinyPrint } from './test-picture';

describe('applyOrientation (used for RAW previews)', () => {
  test.each([2, 3, 4, 5, 6, 7, 8])('orientation %i: the stored pixels of orient-%i turned by hand look like orient-1', async (n) => {
    const file = sharedImage(`orient-${n}-landscape.jpg`);
    const upright = await tinyPrint(sharedImage('orient-1-landscape.jpg'));
    const byHand = await tinyPrint(applyOrientation(sharp(file), n));
    const bySharp = await tinyPrint(sharp(file, { autoOrient: true }));
    const asStored = await tinyPrint(sharp(file));
    expect(printDistance(byHand, upright)).toBeLessThan(3);
    expect(printDistance(byHand, bySharp)).toBeLessThan(3);
    // The check has teeth: left as stored, the picture is far from upright.
    expect(printDistance(asStored, upright)).toBeGreaterThan(30);
  });

  test('orientation 1 (and nonsense values) leave the picture as stored', async () => {
    const file = sharedImage('orient-1-landscape.jpg');
    const stored = await tinyPrint(sharp(file));
    expect(printDistance(await tinyPrint(applyOrientation(sharp(file), 1)), stored)).toBe(0);
    expect(printDistance(await tinyPrint(applyOrientation(sharp(file), 0)), stored)).toBe(0);
  });
});
