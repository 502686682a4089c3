// A 24-megapixel pair with fine grain (the benchmark corpus' kind of picture): where JPEG
// re-encoding noise is worst, and where a diff on the caller's thread would be felt.
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import { sharedImage } from '../../imaging/test-paths';
import { createDiffer, createDiffPool } from './differ';
import { prepareReviewImage } from './prepare-review-image';
import { exportEdit, type Rect } from './test-support';
import type { ReviewImageFiles } from './types';

const PHOTO = sharedImage('synthetic-24mp.jpg'); // 6000×4000
const RECT: Rect = { left: 3001, top: 1203, width: 300, height: 200 };

let tmp: { dir: string; cleanup: () => Promise<void> };
let outDir: string;
let original: ReviewImageFiles;
let untouched: ReviewImageFiles;
let edit: ReviewImageFiles;
const differ = createDiffer();

beforeAll(async () => {
  tmp = await makeTempDir('retouch-diff-24mp-');
  outDir = path.join(tmp.dir, 'review');
  await Promise.all([
    exportEdit(PHOTO, path.join(tmp.dir, 'untouched.jpg')),
    exportEdit(PHOTO, path.join(tmp.dir, 'edit.jpg'), { rect: RECT }),
  ]);
  original = await prepareReviewImage(PHOTO, outDir);
  untouched = await prepareReviewImage(path.join(tmp.dir, 'untouched.jpg'), outDir);
  edit = await prepareReviewImage(path.join(tmp.dir, 'edit.jpg'), outDir);
}, 120_000);

afterAll(async () => {
  await differ.close();
  await tmp.cleanup();
});

describe('difference overlay on a grainy 24 MP photo', () => {
  it('ignores re-encoding noise that a bare threshold would spread over the whole photo', async () => {
    // The bare threshold, counted here: a few hundred grain pixels all over the picture…
    const [a, b] = await Promise.all([sharp(original.fullFile).raw().toBuffer(), sharp(untouched.fullFile).raw().toBuffer()]);
    let over = 0;
    let left = 6000;
    let right = -1;
    for (let p = 0; p < 6000 * 4000; p++) {
      const i = p * 3;
      const d = Math.max(
        Math.abs((a[i] as number) - (b[i] as number)),
        Math.abs((a[i + 1] as number) - (b[i + 1] as number)),
        Math.abs((a[i + 2] as number) - (b[i + 2] as number)),
      );
      if (d <= 24) continue;
      over++;
      left = Math.min(left, p % 6000);
      right = Math.max(right, p % 6000);
    }
    expect(over).toBeGreaterThan(50);
    expect(right - left).toBeGreaterThan(2000);
    // …which the 3×3 opening removes entirely.
    expect(await differ.diff({ before: original.fullFile, after: untouched.fullFile, threshold: 24, outDir })).toMatchObject({
      kind: 'overlay',
      box: null,
      changedFraction: 0,
    });
  });

  it('finds the painted rectangle within ±2 px, off the calling thread: the event loop keeps ticking', async () => {
    let last = performance.now();
    let worstGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
    }, 5);
    try {
      const r = await differ.diff({ before: original.fullFile, after: edit.fullFile, threshold: 24, outDir });
      expect(r.kind).toBe('overlay');
      if (r.kind !== 'overlay') return;
      const b = r.box as Rect;
      expect(Math.abs(b.left - RECT.left)).toBeLessThanOrEqual(2);
      expect(Math.abs(b.top - RECT.top)).toBeLessThanOrEqual(2);
      expect(Math.abs(b.left + b.width - (RECT.left + RECT.width))).toBeLessThanOrEqual(2);
      expect(Math.abs(b.top + b.height - (RECT.top + RECT.height))).toBeLessThanOrEqual(2);
      expect(r.ms).toBeGreaterThan(200); // long enough that a blocked loop would show
      expect(r.ms).toBeLessThan(5000);
    } finally {
      clearInterval(ticker);
    }
    expect(worstGap).toBeLessThan(100);
  });

  it('runs each job on a worker thread, not the caller’s', async () => {
    const pool = createDiffPool(1);
    try {
      const size = { width: 6000, height: 4000 };
      const response = await pool.run({
        before: original.fullFile,
        after: edit.fullFile,
        compare: size,
        output: size,
        threshold: 24,
        colour: [255, 0, 255, 204],
        limitInputPixels: 200_000_000,
      });
      expect(response.ok).toBe(true);
      expect(response.threadId).not.toBe(threadId);
      expect(response.threadId).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });
});
