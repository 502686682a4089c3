import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { extractRawPreview } from './raw-preview';
import { rawFixture, sharedImage } from './test-paths';

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('imaging-raw-');
});
afterEach(() => tmp.cleanup());

async function decodedSize(jpeg: Buffer) {
  const { info } = await sharp(jpeg, { failOn: 'warning' }).raw().toBuffer({ resolveWithObject: true });
  return `${info.width}x${info.height}`;
}

describe('extractRawPreview', () => {
  test('NEF trap: the 3000x2250 SubIFD preview, not the 160x120 IFD0 TIFF thumbnail', async () => {
    const preview = await extractRawPreview(sharedImage('raw-synthetic-nikon-preview3000.nef'));
    expect(preview).toMatchObject({ format: 'nef', width: 3000, height: 2250, orientation: 1 });
    expect(await decodedSize(preview.jpeg)).toBe('3000x2250');
  });

  test('DNG: the 4000x2667 JPEG preview SubIFD, not the IFD0 thumbnail or the CFA data', async () => {
    const preview = await extractRawPreview(sharedImage('raw-dng-generated-preview-4000px.dng'));
    expect(preview).toMatchObject({ format: 'dng', width: 4000, height: 2667, where: 'IFD#2 JPEG strip' });
    expect(await decodedSize(preview.jpeg)).toBe('4000x2667');
  });

  // Stored sizes: the previews hold the camera's unrotated pixels; orientation says how to turn them.
  test.each([
    ['canon-cr2-orient8.cr2', 'cr2', '800x1200', 8, 'IFD#0 JPEG strip'], // not the larger SOF3 raw strip in IFD#3
    ['sony-arw-orient6.arw', 'arw', '1077x1616', 6, 'IFD#0 JPEGInterchangeFormat'],
    ['pentax-pef-bigendian.pef', 'pef', '1200x800', 1, 'IFD#2 JPEGInterchangeFormat'], // IFD#1 holds the 160 px one
    ['olympus-iiro-orient3.orf', 'orf', '1280x853', 3, 'IFD#1 JPEGInterchangeFormat'],
    ['panasonic-iiu.rw2', 'rw2', '1440x960', 1, 'IFD#0 JpgFromRaw'],
    ['canon-cr3-orient6.cr3', 'cr3', '1200x1800', 6, 'trak#0'], // larger than PRVW (1080x1620) and THMB
    ['fujifilm-raf-orient8.raf', 'raf', '800x1200', 8, 'RAF header'],
  ])('%s: %s preview %s, orientation %i, from %s', async (name, format, size, orientation, where) => {
    const preview = await extractRawPreview(rawFixture(name));
    expect(preview.format).toBe(format);
    expect(`${preview.width}x${preview.height}`).toBe(size);
    expect(preview.orientation).toBe(orientation);
    expect(preview.where).toBe(where);
    expect(await decodedSize(preview.jpeg)).toBe(size);
  });

  test('a RAW with no embedded JPEG is unsupported, with a way out', async () => {
    await expect(extractRawPreview(rawFixture('nikon-no-preview.nef'))).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/no embedded preview.*Export it as JPEG/),
    });
  });

  test('a RAW whose only JPEG is a thumbnail is unsupported rather than blown up', async () => {
    await expect(extractRawPreview(rawFixture('sony-thumbnail-only.arw'))).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/only carries a 160×107 thumbnail/),
    });
  });

  test.each([
    ['sony-arw-orient6.arw', 0.6],
    ['canon-cr3-orient6.cr3', 0.6],
    ['fujifilm-raf-orient8.raf', 0.5],
  ])('%s cut at %s of its length: "cut short"', async (name, fraction) => {
    const whole = await fs.readFile(rawFixture(name));
    const cut = path.join(tmp.dir, name);
    await fs.writeFile(cut, whole.subarray(0, Math.floor(whole.length * fraction)));
    await expect(extractRawPreview(cut)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/cut short/) });
  });

  test('a JPEG is not a RAW', async () => {
    await expect(extractRawPreview(sharedImage('wrong-extension-jpeg-named.nef'))).rejects.toMatchObject({ code: 'invalid_input' });
  });

  test('a CR3 whose box sizes lie is damaged, not a crash', async () => {
    const bytes = Buffer.from(await fs.readFile(rawFixture('canon-cr3-orient6.cr3')));
    const moovAt = bytes.indexOf('moov') - 4;
    bytes.writeUInt32BE(7, moovAt); // smaller than a box header
    const file = path.join(tmp.dir, 'bad.cr3');
    await fs.writeFile(file, bytes);
    await expect(extractRawPreview(file)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/damaged/) });
  });
});
