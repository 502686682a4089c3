// The files a client gets, made with real sharp from real exports (the shared fixture images).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sharedImagesDir } from '../../../test/helpers/fixtures';
import { tempDir } from '../catalog/test-support';
import { makeDeliveryFiles } from './make-delivery-files';

const fixture = (name: string) => path.join(sharedImagesDir, name);

describe('delivery files', () => {
  it('an upright sRGB JPEG export is delivered as it is at full size; the web version is 2048 on the long edge', async () => {
    const store = tempDir();
    const source = fixture('camera-nikon-d3100-14mp.jpg');
    const [full, web] = await makeDeliveryFiles(source, ['full', 'web'], store);
    expect(full).toMatchObject({
      set: 'full',
      file: source,
      extension: '.jpg',
      width: 4608,
      height: 3072,
      size: readFileSync(source).length,
    });
    expect(web).toMatchObject({ set: 'web', extension: '.jpg', width: 2048, height: 1365 });
    const meta = await sharp(web?.file).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 2048, height: 1365 });
    expect(web?.file.startsWith(store)).toBe(true);
  });

  it('re-encodes what is not an upright sRGB JPEG, keeping the pixel size: rotated, Adobe RGB, CMYK, PNG with alpha, 16-bit TIFF', async () => {
    const store = tempDir();
    for (const [name, width, height] of [
      ['orient-6-portrait.jpg', 1200, 1800],
      ['color-adobe-rgb.jpg', 1800, 1200],
      ['color-cmyk.jpg', 1600, 1200],
      ['png-alpha.png', 800, 600],
      ['tiff-16bit.tif', 1200, 900],
    ] as const) {
      const [full] = await makeDeliveryFiles(fixture(name), ['full'], store);
      expect(full, name).toMatchObject({ set: 'full', extension: '.jpg', width, height });
      expect(full?.file).not.toBe(fixture(name));
      const meta = await sharp(full?.file).metadata();
      expect(meta, name).toMatchObject({ format: 'jpeg', space: 'srgb', channels: 3, width, height });
    }
    // The fully transparent pixel in the PNG's middle (400, 300) is white, not black.
    const [png] = await makeDeliveryFiles(fixture('png-alpha.png'), ['full'], store);
    const source = await sharp(fixture('png-alpha.png')).extract({ left: 400, top: 300, width: 1, height: 1 }).raw().toBuffer();
    expect(source[3]).toBe(0);
    const made = await sharp(png?.file).extract({ left: 400, top: 300, width: 1, height: 1 }).raw().toBuffer();
    expect([...made].every((v) => v > 240)).toBe(true);
  });

  it('a web version is never enlarged, and the same export makes the same files (content-addressed)', async () => {
    const store = tempDir();
    const [a] = await makeDeliveryFiles(fixture('png-alpha.png'), ['web'], store);
    const [b] = await makeDeliveryFiles(fixture('png-alpha.png'), ['web'], store);
    expect(a).toMatchObject({ width: 800, height: 600 });
    expect(b?.sha256).toBe(a?.sha256);
    expect(b?.file).toBe(a?.file);
  });

  it('a damaged export fails with a reason, and nothing is kept of it', async () => {
    const store = tempDir();
    await expect(makeDeliveryFiles(fixture('broken-truncated-60pct.jpg'), ['full', 'web'], store)).rejects.toThrow(
      /cut short|truncated|incomplete/i,
    );
    await expect(makeDeliveryFiles(fixture('broken-random-bytes.jpg'), ['web'], store)).rejects.toThrow(/damaged|not a picture|format/i);
    await expect(makeDeliveryFiles(fixture('bomb-20000x20000.png'), ['web'], store)).rejects.toThrow(/pixel|large/i);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(store)).toEqual([]);
  });
});
