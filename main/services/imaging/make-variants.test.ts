import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { exifr } from './exifr-module';
import { makeVariants } from './make-variants';
import { sharedImage } from './test-paths';
import { printDistance, tinyPrint } from './test-picture';

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('imaging-variants-');
});
afterEach(() => tmp.cleanup());

const inCache = (relPath: string) => path.join(tmp.dir, ...relPath.split('/'));

describe('makeVariants: sizes', () => {
  test.each([
    ['camera-canon-1300d-18mp-low-detail.jpg', '2048x1365', '400x267'],
    ['camera-iphone6plus-portrait-rating2.jpg', '1536x2048', '300x400'],
    ['wrong-extension-jpeg-named.nef', '1362x2048', '266x400'],
    ['ultrahdr-gain-map.jpg', '2048x1152', '400x225'],
    ['progressive.jpg', '2048x1536', '400x300'],
    ['tiff-16bit.tif', '1200x900', '400x300'],
    ['avif-480x640.avif', '480x640', '300x400'], // never upscaled
  ])('%s → web %s, thumb %s', async (name, web, thumb) => {
    const v = await makeVariants(sharedImage(name), { cacheDir: tmp.dir });
    expect(`${v.web.width}x${v.web.height}`).toBe(web);
    expect(`${v.thumb.width}x${v.thumb.height}`).toBe(thumb);
    const stored = await sharp(inCache(v.web.relPath)).metadata();
    expect(`${stored.width}x${stored.height}`).toBe(web);
    expect(stored.format).toBe('jpeg');
  });
});

describe('makeVariants: content-addressed cache', () => {
  test('files land at ab/cd/<sha256>.jpg, hash and size match, a second run rewrites nothing', async () => {
    const input = sharedImage('orient-1-landscape.jpg');
    const first = await makeVariants(input, { cacheDir: tmp.dir });
    for (const v of [first.web, first.thumb]) {
      expect(v.relPath).toBe(`${v.hash.slice(0, 2)}/${v.hash.slice(2, 4)}/${v.hash}.jpg`);
      const bytes = await fs.readFile(inCache(v.relPath));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(v.hash);
      expect(bytes.length).toBe(v.bytes);
    }
    const before = (await fs.stat(inCache(first.web.relPath))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const second = await makeVariants(input, { cacheDir: tmp.dir });
    expect(second).toEqual(first);
    expect((await fs.stat(inCache(first.web.relPath))).mtimeMs).toBe(before);
    const all = await fs.readdir(tmp.dir, { recursive: true });
    expect(all.filter((f) => f.endsWith('.jpg'))).toHaveLength(2);
    expect(all.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('makeVariants: orientation', () => {
  test('every orient-*-landscape file gives the same upright 1800x1200 picture', async () => {
    const upright = await tinyPrint(sharedImage('orient-1-landscape.jpg'));
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const v = await makeVariants(sharedImage(`orient-${n}-landscape.jpg`), { cacheDir: tmp.dir });
      expect(`${n}: ${v.web.width}x${v.web.height}`).toBe(`${n}: 1800x1200`);
      expect(printDistance(await tinyPrint(inCache(v.web.relPath)), upright)).toBeLessThan(3);
      expect(printDistance(await tinyPrint(inCache(v.thumb.relPath)), upright)).toBeLessThan(3);
    }
  });

  test('the portrait pair (orientation 6 and 8) gives one upright 1200x1800 picture', async () => {
    const six = await makeVariants(sharedImage('orient-6-portrait.jpg'), { cacheDir: tmp.dir });
    const eight = await makeVariants(sharedImage('orient-8-portrait.jpg'), { cacheDir: tmp.dir });
    expect([six.web.width, six.web.height, eight.web.width, eight.web.height]).toEqual([1200, 1800, 1200, 1800]);
    const a = await tinyPrint(inCache(six.web.relPath));
    expect(printDistance(a, await tinyPrint(inCache(eight.web.relPath)))).toBeLessThan(3);
    // …and that is not what the stored pixels look like.
    expect(printDistance(a, await tinyPrint(sharp(sharedImage('orient-6-portrait.jpg')).rotate(180)))).toBeGreaterThan(20);
  });
});

describe('makeVariants: colour', () => {
  test.each(['color-display-p3.jpg', 'color-adobe-rgb.jpg', 'color-cmyk.jpg'])('%s becomes sRGB with an sRGB profile', async (name) => {
    const input = sharedImage(name);
    const v = await makeVariants(input, { cacheDir: tmp.dir });
    const web = inCache(v.web.relPath);
    const meta = await sharp(web).metadata();
    expect(meta.space).toBe('srgb');
    expect(meta.channels).toBe(3);
    const icc = (await exifr.parse(web, { icc: true, tiff: false, xmp: false, mergeOutput: false }))?.icc;
    expect(icc?.ProfileDescription).toBe('sRGB');
    // The pixels were converted with the source profile: close to libvips' own conversion,
    // far from reading the numbers as if they were already sRGB.
    const size = { width: v.web.width, height: v.web.height };
    const reference = await sharp(input).resize(size).toColourspace('srgb').raw().toBuffer();
    const naive = await sharp(input, { ignoreIcc: true }).resize(size).removeAlpha().raw().toBuffer();
    const ours = await sharp(web).raw().toBuffer();
    expect(meanDiff(ours, reference)).toBeLessThan(2.5);
    if (name !== 'color-cmyk.jpg') expect(meanDiff(ours, naive)).toBeGreaterThan(meanDiff(ours, reference) + 1);
  });

  test('PNG transparency is flattened on white', async () => {
    const input = sharedImage('png-alpha.png');
    const { data, info } = await sharp(input).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    let clearest = 3;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 255) < (data[clearest] ?? 255)) clearest = i;
    expect(data[clearest]).toBe(0); // the fixture has fully transparent pixels
    const pixel = (clearest - 3) / 4;
    const v = await makeVariants(input, { cacheDir: tmp.dir });
    expect([v.web.width, v.web.height]).toEqual([info.width, info.height]);
    const out = await sharp(inCache(v.web.relPath)).raw().toBuffer({ resolveWithObject: true });
    expect(out.info.channels).toBe(3);
    const rgb = [...out.data.subarray(pixel * 3, pixel * 3 + 3)];
    for (const c of rgb) expect(c).toBeGreaterThan(245);
  });
});

function meanDiff(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}
