import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ExportProgress } from '../../../shared/schemas/export';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { copyOriginals } from './copy-originals';
import { photo, rawFixturesDir, sharedImagesDir } from './test-support';

let tmp: { dir: string; cleanup: () => Promise<void> };
let shoot: string;
let dest: string;
beforeEach(async () => {
  tmp = await makeTempDir('export-copy-');
  shoot = path.join(tmp.dir, 'shoot');
  dest = path.join(tmp.dir, 'for-editing');
  await fs.mkdir(shoot);
  await fs.copyFile(path.join(rawFixturesDir, 'canon-cr3-orient6.cr3'), path.join(shoot, 'IMG_1.CR3'));
  await fs.copyFile(path.join(sharedImagesDir, 'camera-canon-1300d-18mp-low-detail.jpg'), path.join(shoot, 'IMG_1.JPG'));
  await fs.copyFile(path.join(sharedImagesDir, 'sidecar-IMG_5910.xmp'), path.join(shoot, 'IMG_1.xmp'));
  await fs.copyFile(path.join(sharedImagesDir, 'synthetic-24mp.jpg'), path.join(shoot, 'IMG_3.jpg'));
  await fs.copyFile(path.join(sharedImagesDir, 'orient-1-landscape.jpg'), path.join(shoot, 'IMG_2.jpg'));
});
afterEach(() => tmp.cleanup());

const inShoot = (n: string) => path.join(shoot, n);
const photos = () => [
  photo('IMG_1.CR3', {
    photoId: 'p1',
    files: [
      { path: inShoot('IMG_1.CR3'), role: 'primary' },
      { path: inShoot('IMG_1.CR3'), role: 'raw' },
      { path: inShoot('IMG_1.xmp'), role: 'sidecar' },
      { path: inShoot('IMG_1.JPG'), role: 'jpeg' },
    ],
  }),
  photo('IMG_3.jpg', { photoId: 'p3', files: [{ path: inShoot('IMG_3.jpg'), role: 'primary' }] }),
  photo('IMG_2.jpg', { photoId: 'p2', files: [{ path: inShoot('IMG_2.jpg'), role: 'primary' }] }),
];

async function destFiles(): Promise<string[]> {
  return (await fs.readdir(dest)).sort();
}
async function sameBytes(a: string, b: string) {
  expect((await fs.readFile(a)).equals(await fs.readFile(b))).toBe(true);
}

describe('copyOriginals', () => {
  test('copies RAW, JPEG and sidecar byte for byte, keeps their times, reports progress to the end', async () => {
    const seen: ExportProgress[] = [];
    const { results, cancelled, progress } = await copyOriginals({ photos: photos(), destination: dest, onProgress: (p) => seen.push(p) });
    expect(cancelled).toBe(false);
    expect(results.map((r) => [path.basename(r.source), r.status, r.target && path.basename(r.target)])).toEqual([
      ['IMG_1.CR3', 'copied', 'IMG_1.CR3'],
      ['IMG_1.JPG', 'copied', 'IMG_1.JPG'],
      ['IMG_1.xmp', 'copied', 'IMG_1.xmp'],
      ['IMG_3.jpg', 'copied', 'IMG_3.jpg'],
      ['IMG_2.jpg', 'copied', 'IMG_2.jpg'],
    ]);
    expect(await destFiles()).toEqual(['IMG_1.CR3', 'IMG_1.JPG', 'IMG_1.xmp', 'IMG_2.jpg', 'IMG_3.jpg']);
    for (const n of await destFiles()) await sameBytes(inShoot(n), path.join(dest, n));
    const [copiedAt, originalAt] = [(await fs.stat(path.join(dest, 'IMG_1.CR3'))).mtimeMs, (await fs.stat(inShoot('IMG_1.CR3'))).mtimeMs];
    expect(Math.abs(copiedAt - originalAt)).toBeLessThan(1);
    expect(progress).toMatchObject({ filesDone: 5, filesTotal: 5, currentFile: null });
    expect(progress.bytesDone).toBe(progress.bytesTotal);
    expect(seen.some((p) => p.bytesDone > 0 && p.bytesDone < p.bytesTotal && p.currentFile === 'IMG_3.jpg')).toBe(true);
  });

  test('again: everything is already there, nothing is added', async () => {
    await copyOriginals({ photos: photos(), destination: dest });
    const again = await copyOriginals({ photos: photos(), destination: dest });
    expect(again.results.map((r) => r.status)).toEqual(Array(5).fill('already-there'));
    expect(await destFiles()).toEqual(['IMG_1.CR3', 'IMG_1.JPG', 'IMG_1.xmp', 'IMG_2.jpg', 'IMG_3.jpg']);
  });

  test('never overwrites: a different IMG_1.JPG makes the whole RAW+JPEG+XMP set "IMG_1 (2)"', async () => {
    await fs.mkdir(dest);
    await fs.copyFile(inShoot('IMG_1.CR3'), path.join(dest, 'IMG_1.CR3')); // same content
    await fs.writeFile(path.join(dest, 'IMG_1.JPG'), 'the photographer’s own edit');
    const { results } = await copyOriginals({ photos: photos().slice(0, 1), destination: dest });
    expect(results.map((r) => [r.status, r.target && path.basename(r.target)])).toEqual([
      ['copied', 'IMG_1 (2).CR3'],
      ['copied', 'IMG_1 (2).JPG'],
      ['copied', 'IMG_1 (2).xmp'],
    ]);
    expect(await fs.readFile(path.join(dest, 'IMG_1.JPG'), 'utf8')).toBe('the photographer’s own edit');
    await sameBytes(inShoot('IMG_1.JPG'), path.join(dest, 'IMG_1 (2).JPG'));
    // A third run finds the (2) set complete.
    const third = await copyOriginals({ photos: photos().slice(0, 1), destination: dest });
    expect(third.results.map((r) => [r.status, r.target && path.basename(r.target)])).toEqual([
      ['already-there', 'IMG_1 (2).CR3'],
      ['already-there', 'IMG_1 (2).JPG'],
      ['already-there', 'IMG_1 (2).xmp'],
    ]);
  });

  test('cancel in the middle of a file leaves only complete files; the next run resumes', async () => {
    const controller = new AbortController();
    let startOfBig = -1;
    const first = await copyOriginals({
      photos: photos(),
      destination: dest,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.currentFile === 'IMG_3.jpg' && startOfBig < 0) startOfBig = p.bytesDone;
        if (startOfBig >= 0 && p.bytesDone - startOfBig > 2 * 1024 * 1024) controller.abort();
      },
    });
    expect(first.cancelled).toBe(true);
    expect(first.results.map((r) => [path.basename(r.source), r.status])).toEqual([
      ['IMG_1.CR3', 'copied'],
      ['IMG_1.JPG', 'copied'],
      ['IMG_1.xmp', 'copied'],
      ['IMG_3.jpg', 'cancelled'],
      ['IMG_2.jpg', 'cancelled'],
    ]);
    expect(await destFiles()).toEqual(['IMG_1.CR3', 'IMG_1.JPG', 'IMG_1.xmp']); // no partial file left behind

    const resumed = await copyOriginals({ photos: photos(), destination: dest });
    expect(resumed.results.map((r) => r.status)).toEqual(['already-there', 'already-there', 'already-there', 'copied', 'copied']);
    expect(await destFiles()).toEqual(['IMG_1.CR3', 'IMG_1.JPG', 'IMG_1.xmp', 'IMG_2.jpg', 'IMG_3.jpg']);
    await sameBytes(inShoot('IMG_3.jpg'), path.join(dest, 'IMG_3.jpg'));
  });

  test('a missing original is reported, the rest is copied', async () => {
    await fs.rm(inShoot('IMG_1.JPG'));
    const { results } = await copyOriginals({ photos: photos().slice(0, 1), destination: dest });
    expect(results.find((r) => r.status === 'failed')).toEqual({
      photoId: 'p1',
      source: inShoot('IMG_1.JPG'),
      target: null,
      status: 'failed',
      bytes: 0,
      message: `IMG_1.JPG is missing from ${shoot}; it was not copied.`,
    });
    expect(await destFiles()).toEqual(['IMG_1.CR3', 'IMG_1.xmp']);
  });

  test('refuses a destination inside the shoot folder, even one that does not exist yet', async () => {
    for (const inside of [shoot, path.join(shoot, 'export'), path.join(shoot, 'a', 'b')]) {
      await expect(copyOriginals({ photos: photos(), destination: inside })).rejects.toMatchObject({
        code: 'invalid_input',
        message: `The destination is inside the shoot folder ${shoot}; copies there would be picked up as new photos of the shoot. Choose a folder outside it.`,
      });
    }
    await expect(fs.readdir(path.join(shoot, 'export'))).rejects.toThrow();
    // A sibling whose name starts the same is outside.
    await expect(copyOriginals({ photos: photos().slice(2), destination: `${shoot}-copies` })).resolves.toMatchObject({ cancelled: false });
  });
});
