// Review images made from real files: sizes, orientation, RAW, colour, damage, and that a
// version prepared before is not prepared again.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import { rawFixture, sharedImage } from '../../imaging/test-paths';
import { printDistance, tinyPrint } from '../../imaging/test-picture';
import { prepareReviewImage } from './prepare-review-image';

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('retouch-prepare-');
});
afterEach(() => tmp.cleanup());

async function sizeOf(file: string) {
  const m = await sharp(file).metadata();
  return { width: m.width, height: m.height, format: m.format, orientation: m.orientation, icc: m.icc, exif: m.exif, channels: m.channels };
}

/** 16×16 RGB, so colour shifts show (tinyPrint is greyscale). */
const colourPrint = (image: Sharp) => image.resize(16, 16, { fit: 'fill' }).removeAlpha().raw().toBuffer();

describe('prepareReviewImage', () => {
  it('makes a 2560 px screen JPEG and a full-size JPEG of a 24 MP photo, named by its sha256', async () => {
    const source = sharedImage('synthetic-24mp.jpg');
    const r = await prepareReviewImage(source, tmp.dir);
    const sha256 = createHash('sha256')
      .update(await fs.readFile(source))
      .digest('hex');
    expect(r).toEqual({
      sha256,
      screenFile: path.join(tmp.dir, `${sha256}-screen.jpg`),
      fullFile: path.join(tmp.dir, `${sha256}-full.jpg`),
      width: 6000,
      height: 4000,
    });
    // Untagged sRGB, no metadata at all: nothing to orient or colour-convert when reading back.
    const none = { format: 'jpeg', orientation: undefined, icc: undefined, exif: undefined, channels: 3 };
    expect(await sizeOf(r.screenFile)).toEqual({ width: 2560, height: 1707, ...none });
    expect(await sizeOf(r.fullFile)).toEqual({ width: 6000, height: 4000, ...none });
    expect(printDistance(await tinyPrint(r.fullFile), await tinyPrint(source))).toBeLessThan(1);
  });

  it('turns every EXIF orientation upright', async () => {
    const upright = await tinyPrint(sharedImage('orient-1-landscape.jpg'));
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const r = await prepareReviewImage(sharedImage(`orient-${n}-landscape.jpg`), tmp.dir);
      expect([r.width, r.height]).toEqual([1800, 1200]);
      expect((await sizeOf(r.screenFile)).width).toBe(1800); // never enlarged
      expect(printDistance(await tinyPrint(r.fullFile), upright), `orient-${n}`).toBeLessThan(4);
      expect(printDistance(await tinyPrint(r.screenFile), upright), `orient-${n}`).toBeLessThan(4);
    }
    const portrait = await prepareReviewImage(sharedImage('orient-6-portrait.jpg'), tmp.dir);
    expect([portrait.width, portrait.height]).toEqual([1200, 1800]);
  });

  it('reads a RAW file through its largest embedded preview, turned by the RAW orientation', async () => {
    const dng = await prepareReviewImage(sharedImage('raw-dng-generated-preview-4000px.dng'), tmp.dir);
    expect([dng.width, dng.height]).toEqual([4000, 2667]);
    expect(await sizeOf(dng.screenFile)).toMatchObject({ width: 2560, height: 1707 });
    const nef = await prepareReviewImage(sharedImage('raw-synthetic-nikon-preview3000.nef'), tmp.dir);
    expect([nef.width, nef.height]).toEqual([3000, 2250]);
    const cr2 = await prepareReviewImage(rawFixture('canon-cr2-orient8.cr2'), tmp.dir);
    expect([cr2.width, cr2.height]).toEqual([1200, 800]);
    expect(printDistance(await tinyPrint(cr2.fullFile), await tinyPrint(sharedImage('orient-1-landscape.jpg')))).toBeLessThan(4);
  });

  it('converts other colour spaces to sRGB and puts transparency on white', async () => {
    for (const name of ['color-adobe-rgb.jpg', 'color-display-p3.jpg', 'color-cmyk.jpg']) {
      const r = await prepareReviewImage(sharedImage(name), tmp.dir);
      // sharp's own sRGB conversion of the file is the reference.
      const srgb = await colourPrint(sharp(sharedImage(name)).toColourspace('srgb'));
      expect(printDistance(await colourPrint(sharp(r.fullFile)), srgb), name).toBeLessThan(1.5);
      expect((await sizeOf(r.fullFile)).channels).toBe(3);
    }
    // Without the conversion Adobe RGB pixels would look duller: the check above can tell.
    const adobe = await prepareReviewImage(sharedImage('color-adobe-rgb.jpg'), tmp.dir);
    const unconverted = await colourPrint(sharp(sharedImage('color-adobe-rgb.jpg'), { ignoreIcc: true }).toColourspace('srgb'));
    expect(printDistance(await colourPrint(sharp(adobe.fullFile)), unconverted)).toBeGreaterThan(4);
    const png = await prepareReviewImage(sharedImage('png-alpha.png'), tmp.dir);
    expect(await sizeOf(png.fullFile)).toMatchObject({ width: 800, height: 600, channels: 3 });
  });

  it('prepares a version once: a second call reuses the files, and two at once share the work', async () => {
    const source = sharedImage('camera-nikon-d3100-14mp.jpg');
    const [a, b] = await Promise.all([prepareReviewImage(source, tmp.dir), prepareReviewImage(source, tmp.dir)]);
    expect(b).toEqual(a);
    const stamps = [(await fs.stat(a.screenFile)).mtimeMs, (await fs.stat(a.fullFile)).mtimeMs];
    const started = performance.now();
    expect(await prepareReviewImage(source, tmp.dir)).toEqual(a);
    expect(performance.now() - started).toBeLessThan(100);
    expect([(await fs.stat(a.screenFile)).mtimeMs, (await fs.stat(a.fullFile)).mtimeMs]).toEqual(stamps);
    expect((await fs.readdir(tmp.dir)).sort()).toEqual([path.basename(a.fullFile), path.basename(a.screenFile)].sort());
  });

  it('refuses a damaged or missing file by name, and writes nothing', async () => {
    await expect(prepareReviewImage(sharedImage('broken-truncated-60pct.jpg'), tmp.dir)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^broken-truncated-60pct\.jpg: The file is cut short/),
    });
    await expect(prepareReviewImage(sharedImage('broken-random-bytes.jpg'), tmp.dir)).rejects.toMatchObject({
      message: expect.stringMatching(/^broken-random-bytes\.jpg: /),
    });
    const gone = path.join(tmp.dir, 'gone.jpg');
    await expect(prepareReviewImage(gone, tmp.dir)).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining(gone) });
    expect(await fs.readdir(tmp.dir)).toEqual([]);
  });
});
