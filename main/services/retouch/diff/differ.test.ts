// The difference overlay on a real camera photo and edits made like a retoucher's exports
// (JPEG q92), compared through prepareReviewImage's full-size files, as the review page does.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import { sharedImage } from '../../imaging/test-paths';
import type { DiffJob } from './diff-job';
import { diffPixels } from './diff-pixels';
import { createDiffer, createDiffPool, differOn } from './differ';
import { prepareReviewImage } from './prepare-review-image';
import { exportCrop, exportEdit, overlayPixels, type Rect } from './test-support';
import type { DiffResult, ReviewImageFiles } from './types';

const PHOTO = sharedImage('camera-nikon-d3100-14mp.jpg'); // 4608×3072
const RECT: Rect = { left: 1204, top: 806, width: 300, height: 200 };
const HALF_RECT: Rect = { left: 602, top: 403, width: 150, height: 100 };
const THRESHOLD = 24;

let tmp: { dir: string; cleanup: () => Promise<void> };
let outDir: string;
const v: Record<'original' | 'untouched' | 'edit' | 'half' | 'crop', ReviewImageFiles> = {} as never;
const differ = createDiffer();

beforeAll(async () => {
  tmp = await makeTempDir('retouch-diff-');
  outDir = path.join(tmp.dir, 'review');
  const at = (name: string) => path.join(tmp.dir, name);
  await Promise.all([
    exportEdit(PHOTO, at('untouched.jpg')),
    exportEdit(PHOTO, at('edit.jpg'), { rect: RECT }),
    exportEdit(PHOTO, at('half.jpg'), { rect: HALF_RECT, scale: 0.5 }),
    exportCrop(PHOTO, at('crop.jpg'), 400),
  ]);
  for (const [key, file] of [
    ['original', PHOTO],
    ['untouched', at('untouched.jpg')],
    ['edit', at('edit.jpg')],
    ['half', at('half.jpg')],
    ['crop', at('crop.jpg')],
  ] as const)
    v[key] = await prepareReviewImage(file, outDir);
}, 60_000);

afterAll(async () => {
  await differ.close();
  await tmp.cleanup();
});

const diff = (before: ReviewImageFiles, after: ReviewImageFiles, threshold = THRESHOLD) =>
  differ.diff({ before: before.fullFile, after: after.fullFile, threshold, outDir });

function overlay(result: DiffResult) {
  if (result.kind !== 'overlay') throw new Error(`expected an overlay, got ${result.kind}`);
  return result;
}

function expectBoxNear(box: Rect | null, rect: Rect, slack: number) {
  expect(box).not.toBeNull();
  const b = box as Rect;
  for (const [got, want] of [
    [b.left, rect.left],
    [b.top, rect.top],
    [b.left + b.width, rect.left + rect.width],
    [b.top + b.height, rect.top + rect.height],
  ] as const)
    expect(Math.abs(got - want), `box ${JSON.stringify(b)} vs ${JSON.stringify(rect)}`).toBeLessThanOrEqual(slack);
}

describe('difference overlay', () => {
  it('finds a painted 300×200 rectangle within ±2 px, and almost nothing outside it', async () => {
    const r = overlay(await diff(v.untouched, v.edit));
    expect(r).toMatchObject({ width: 4608, height: 3072, scaled: false });
    expectBoxNear(r.box, RECT, 2);
    const px = await overlayPixels(r.file, RECT, 2);
    expect(px).toMatchObject({ width: 4608, height: 3072, channels: 4, insideMissing: 0 });
    expect(px.outside).toBeLessThan(4608 * 3072 * 1e-5);
    expect(r.changedFraction).toBeCloseTo(px.visible / (4608 * 3072), 6);
    expect(r.changedFraction).toBeGreaterThan((300 * 200) / (4608 * 3072));
  });

  it('shows nothing for identical files, nor for a re-encode of the same picture', async () => {
    expect(overlay(await diff(v.edit, v.edit))).toMatchObject({ box: null, changedFraction: 0 });
    const reencoded = overlay(await diff(v.original, v.untouched));
    expect(reencoded).toMatchObject({ box: null, changedFraction: 0 });
    expect((await overlayPixels(reencoded.file, null, 0)).visible).toBe(0);
  });

  it('scales an edit exported at half the size: the rectangle is found at the before coordinates', async () => {
    const r = overlay(await diff(v.original, v.half));
    expect(r).toMatchObject({ width: 4608, height: 3072, scaled: true });
    // Compared at the edit's half size, so one compared pixel is 2 before pixels: ±2 becomes ±4.
    expectBoxNear(r.box, RECT, 4);
    expect((await overlayPixels(r.file, RECT, 4)).outside).toBe(0);
    // And the other way round (the before is the small one), the box is in its own pixels.
    const back = overlay(await diff(v.half, v.original));
    expect(back).toMatchObject({ width: 2304, height: 1536, scaled: true });
    expectBoxNear(back.box, HALF_RECT, 2);
  });

  it('compares a smaller edit at its own size: upscaling it would flag the detail it lost', async () => {
    const size = { width: 4608, height: 3072 };
    const before = await sharp(v.original.fullFile).raw().toBuffer();
    const upscaled = await sharp(v.half.fullFile).resize(size.width, size.height, { fit: 'fill' }).raw().toBuffer();
    const naive = diffPixels(before, upscaled, size.width, size.height, THRESHOLD, [255, 0, 255, 204]);
    // The naive way marks sharp edges elsewhere in the photo, so its box spans thousands of pixels…
    expect(naive.right - naive.left).toBeGreaterThan(5 * RECT.width);
    // …where comparing at the edit's size finds the rectangle alone.
    expectBoxNear(overlay(await diff(v.original, v.half)).box, RECT, 4);
  });

  it('answers "cropped" with a sentence offering the side-by-side view', async () => {
    const r = await diff(v.original, v.crop);
    expect(r).toEqual({
      kind: 'cropped',
      message: expect.stringMatching(/4208 × 3072.*4608 × 3072.*cropped.*side by side/),
      before: { width: 4608, height: 3072 },
      after: { width: 4208, height: 3072 },
    });
  });
});

describe('difference cache', () => {
  it('answers a repeated comparison from disk in milliseconds, with the same file, even in a new differ', async () => {
    const first = overlay(await diff(v.untouched, v.edit, 30));
    expect(first.ms).toBeGreaterThan(50);
    const written = (await fs.stat(first.file)).mtimeMs;
    const again = overlay(await diff(v.untouched, v.edit, 30));
    expect(again.ms).toBeLessThan(30);
    expect({ ...again, ms: 0 }).toEqual({ ...first, ms: 0 });
    const fresh = createDiffer();
    try {
      const cold = overlay(await fresh.diff({ before: v.untouched.fullFile, after: v.edit.fullFile, threshold: 30, outDir }));
      expect(cold.ms).toBeLessThan(30);
      expect(cold.file).toBe(first.file);
    } finally {
      await fresh.close();
    }
    expect((await fs.stat(first.file)).mtimeMs).toBe(written);
  });

  it('keys by content and threshold: another threshold is another overlay; a copy under another name is the same', async () => {
    const a = overlay(await diff(v.untouched, v.edit, 40));
    const b = overlay(await diff(v.untouched, v.edit, 41));
    expect(a.file).not.toBe(b.file);
    const copy = path.join(tmp.dir, 'copy-of-edit.jpg');
    await fs.copyFile(v.edit.fullFile, copy);
    const viaCopy = overlay(await differ.diff({ before: v.untouched.fullFile, after: copy, threshold: 40, outDir }));
    expect(viaCopy.file).not.toBe(a.file); // a content hash is not a prepared name…
    const again = overlay(await differ.diff({ before: v.untouched.fullFile, after: copy, threshold: 40, outDir }));
    expect(again.file).toBe(viaCopy.file); // …but it is stable, and answered from the cache
    expect(again.ms).toBeLessThan(30);
  });

  it('shares one computation between identical requests in flight', async () => {
    const spy = createPoolSpy();
    const counted = differOn(spy);
    try {
      const input = { before: v.original.fullFile, after: v.edit.fullFile, threshold: 50, outDir };
      const results = await Promise.all([counted.diff(input), counted.diff(input), counted.diff(input)]);
      expect(spy.jobs).toBe(1);
      expect(new Set(results.map((r) => overlay(r).file)).size).toBe(1);
      expectBoxNear(overlay(results[0] as DiffResult).box, RECT, 2);
    } finally {
      await counted.close();
    }
  });
});

/** The real worker pool, counting the jobs it is given. */
function createPoolSpy() {
  const pool = createDiffPool(2);
  const spy = {
    jobs: 0,
    run(job: DiffJob) {
      spy.jobs++;
      return pool.run(job);
    },
    close: () => pool.close(),
  };
  return spy;
}
