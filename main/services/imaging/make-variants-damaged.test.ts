import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { makeVariants } from './make-variants';
import { rawFixture, sharedImage } from './test-paths';

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('imaging-damaged-');
});
afterEach(() => tmp.cleanup());

// Damaged input must end in a reason, never in a grey half-picture: nothing may be written.
describe('makeVariants on damaged or unsupported files', () => {
  test.each([
    ['broken-truncated-60pct.jpg', 'invalid_input', /^The file is cut short — it may still be copying or the card was removed/],
    ['broken-corrupt-header.jpg', 'invalid_input', /^The file is cut short/],
    ['broken-random-bytes.jpg', 'unsupported', /^This is not an image file/],
    ['broken-text-as.cr2', 'unsupported', /^This is not an image file, even though its name ends in \.cr2/],
    ['broken-zero-bytes.jpg', 'invalid_input', /^The file is empty/],
    ['bomb-20000x20000.png', 'unsupported', /^The picture is larger than 200 megapixels and was not opened to protect your computer/],
  ])('%s → %s, and no file in the cache', async (name, code, message) => {
    await expect(makeVariants(sharedImage(name), { cacheDir: tmp.dir })).rejects.toMatchObject({ name: 'AppError', code, message });
    expect(await fs.readdir(tmp.dir, { recursive: true })).toEqual([]);
  });

  test('a decompression bomb is refused from its header, in well under a second', async () => {
    const started = performance.now();
    await expect(makeVariants(sharedImage('bomb-20000x20000.png'), { cacheDir: tmp.dir })).rejects.toMatchObject({ code: 'unsupported' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('HEIC: decoded when libheif has HEVC, otherwise a clear reason (and nothing written)', async () => {
    const attempt = makeVariants(sharedImage('heic-1440x960.heic'), { cacheDir: tmp.dir });
    const outcome = await attempt.then(
      (v) => ({ ok: true as const, v }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    if (outcome.ok) {
      expect([outcome.v.web.width, outcome.v.web.height]).toEqual([1440, 960]);
    } else {
      expect(outcome.error).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/^HEIC photos need an HEVC decoder/) });
      expect(await fs.readdir(tmp.dir, { recursive: true })).toEqual([]);
    }
  });

  test('a smaller pixel limit is honoured and named in the message', async () => {
    await expect(
      makeVariants(sharedImage('orient-1-landscape.jpg'), { cacheDir: tmp.dir, limitInputPixels: 1_000_000 }),
    ).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/larger than 1 megapixels/),
    });
    expect(await fs.readdir(tmp.dir, { recursive: true })).toEqual([]);
  });

  test.each([
    ['nikon-no-preview.nef', /no embedded preview/],
    ['sony-thumbnail-only.arw', /thumbnail, too small/],
  ])('RAW %s → unsupported, never its thumbnail blown up', async (name, message) => {
    await expect(makeVariants(rawFixture(name), { cacheDir: tmp.dir })).rejects.toMatchObject({ code: 'unsupported', message });
    expect(await fs.readdir(tmp.dir, { recursive: true })).toEqual([]);
  });
});
