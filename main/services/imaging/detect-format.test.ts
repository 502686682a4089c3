import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { detectFormat } from './detect-format';
import { rawFixture, sharedImage } from './test-paths';

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('imaging-detect-');
});
afterEach(() => tmp.cleanup());

/** A one-directory little-endian TIFF: 1x1 RGB pixel plus the given ASCII tags. */
function tinyTiff(ascii: Record<number, string>): Buffer {
  const tags = Object.entries(ascii).map(([tag, text]) => ({ tag: Number(tag), text: Buffer.from(`${text}\0`, 'latin1') }));
  const entries: Array<[number, number, number, number | Buffer]> = [
    [0x100, 3, 1, 1],
    [0x101, 3, 1, 1],
    [0x103, 3, 1, 1],
    [0x106, 3, 1, 2],
    [0x111, 4, 1, 8],
    [0x115, 3, 1, 3],
    [0x117, 4, 1, 3],
    ...tags.map((t): [number, number, number, Buffer] => [t.tag, 2, t.text.length, t.text]),
  ].sort((a, b) => a[0] - b[0]) as Array<[number, number, number, number | Buffer]>;
  const ifdAt = 12;
  let dataAt = ifdAt + 2 + entries.length * 12 + 4;
  const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
  const data: Buffer[] = [];
  ifd.writeUInt16LE(entries.length, 0);
  entries.forEach(([tag, type, count, value], i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16LE(tag, at);
    ifd.writeUInt16LE(type, at + 2);
    ifd.writeUInt32LE(count, at + 4);
    if (Buffer.isBuffer(value)) {
      ifd.writeUInt32LE(dataAt, at + 8);
      data.push(value);
      dataAt += value.length;
    } else if (type === 3) ifd.writeUInt16LE(value, at + 8);
    else ifd.writeUInt32LE(value, at + 8);
  });
  const header = Buffer.from([0x49, 0x49, 42, 0, ifdAt, 0, 0, 0, 0x80, 0x80, 0x80, 0]);
  return Buffer.concat([header, ifd, ...data]);
}

describe('detectFormat', () => {
  test.each([
    ['camera-nikon-d3100-14mp.jpg', 'jpeg'],
    ['progressive.jpg', 'jpeg'],
    ['wrong-extension-jpeg-named.nef', 'jpeg'],
    ['png-alpha.png', 'png'],
    ['tiff-16bit.tif', 'tiff'],
    ['heic-1440x960.heic', 'heic'],
    ['avif-480x640.avif', 'avif'],
    ['raw-synthetic-nikon-preview3000.nef', 'nef'],
    ['raw-dng-generated-preview-4000px.dng', 'dng'],
  ])('shared fixture %s is %s', async (name, format) => {
    expect(await detectFormat(sharedImage(name))).toBe(format);
  });

  test.each([
    ['canon-cr2-orient8.cr2', 'cr2'],
    ['sony-arw-orient6.arw', 'arw'],
    ['pentax-pef-bigendian.pef', 'pef'],
    ['olympus-iiro-orient3.orf', 'orf'],
    ['panasonic-iiu.rw2', 'rw2'],
    ['canon-cr3-orient6.cr3', 'cr3'],
    ['fujifilm-raf-orient8.raf', 'raf'],
    ['nikon-no-preview.nef', 'nef'],
  ])('synthetic RAW %s is %s', async (name, format) => {
    expect(await detectFormat(rawFixture(name))).toBe(format);
  });

  test('a WebP is found by its RIFF header whatever its name', async () => {
    const file = path.join(tmp.dir, 'photo.jpg');
    const sharp = (await import('sharp')).default;
    await sharp({ create: { width: 4, height: 4, channels: 3, background: '#123456' } })
      .webp()
      .toFile(file);
    expect(await detectFormat(file)).toBe('webp');
  });

  test('a TIFF from a Nikon scanner (no sensor data) is a TIFF, not a NEF', async () => {
    const scan = path.join(tmp.dir, 'scan.nef');
    await fs.writeFile(scan, tinyTiff({ 271: 'Nikon', 272: 'LS-5000' }));
    expect(await detectFormat(scan)).toBe('tiff');
  });

  test('an MP4 video (ISO-BMFF, but no image brand) is not an image', async () => {
    const video = path.join(tmp.dir, 'clip.heic');
    const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom\0\0\0\0isomiso2', 'latin1')]);
    await fs.writeFile(video, Buffer.concat([ftyp, Buffer.alloc(64)]));
    await expect(detectFormat(video)).rejects.toMatchObject({ code: 'unsupported', message: expect.stringMatching(/not an image file/) });
  });

  test('zero bytes: says the file is empty and may still be copying', async () => {
    await expect(detectFormat(sharedImage('broken-zero-bytes.jpg'))).rejects.toMatchObject({
      name: 'AppError',
      code: 'invalid_input',
      message: expect.stringMatching(/empty.*still be copying/),
    });
  });

  test('a text file named .cr2 is not an image, and the message says so in plain words', async () => {
    await expect(detectFormat(sharedImage('broken-text-as.cr2'))).rejects.toMatchObject({
      code: 'unsupported',
      message: 'This is not an image file, even though its name ends in .cr2. Proofdesk cannot show it.',
    });
  });

  test('random bytes are not an image', async () => {
    await expect(detectFormat(sharedImage('broken-random-bytes.jpg'))).rejects.toMatchObject({ code: 'unsupported' });
  });

  test('a missing file is not_found, naming the file', async () => {
    await expect(detectFormat(path.join(tmp.dir, 'gone.jpg'))).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('gone.jpg'),
    });
  });

  test('a RAW cut short before its directories is reported as cut short, not guessed', async () => {
    const whole = await fs.readFile(sharedImage('raw-synthetic-nikon-preview3000.nef'));
    const cut = path.join(tmp.dir, 'cut.nef');
    await fs.writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(detectFormat(cut)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/cut short/) });
  });
});
