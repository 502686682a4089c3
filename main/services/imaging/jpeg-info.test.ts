import { promises as fs } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bufferSource } from './byte-source';
import { readJpegInfo } from './jpeg-info';
import { sharedImage } from './test-paths';

const whole = async (name: string) => {
  const bytes = await fs.readFile(sharedImage(name));
  return { src: bufferSource(bytes), length: bytes.length };
};

describe('readJpegInfo', () => {
  test('reads the frame size of baseline and progressive JPEGs, past APP segments', async () => {
    const progressive = await whole('progressive.jpg');
    expect(await readJpegInfo(progressive.src, 0, progressive.length)).toMatchObject({ width: 2400, height: 1800 });
    const camera = await whole('camera-nikon-d3100-14mp.jpg');
    expect(await readJpegInfo(camera.src, 0, camera.length)).toMatchObject({ width: 4608, height: 3072 });
  });

  test('finds the EXIF TIFF header inside APP1', async () => {
    const camera = await whole('camera-nikon-d3100-14mp.jpg');
    const info = await readJpegInfo(camera.src, 0, camera.length);
    expect(info?.exifTiffAt).not.toBeNull();
    const head = await camera.src.read(info?.exifTiffAt ?? 0, 4);
    expect(['II*\0', 'MM\0*']).toContain(head.toString('latin1'));
  });

  test('a lossless (SOF3) stream, as CR2/DNG raw data is stored, is not a preview', async () => {
    const sof3 = Buffer.from([0xff, 0xd8, 0xff, 0xc3, 0, 11, 14, 0x0d, 0x80, 0x14, 0x40, 1, 1, 0x11, 0, 0xff, 0xd9]);
    expect(await readJpegInfo(bufferSource(sof3), 0, sof3.length)).toBeNull();
  });

  test('not a JPEG, or a header that runs past the stated length, gives null', async () => {
    const png = await whole('png-alpha.png');
    expect(await readJpegInfo(png.src, 0, png.length)).toBeNull();
    const camera = await whole('camera-nikon-d3100-14mp.jpg');
    expect(await readJpegInfo(camera.src, 0, 100)).toBeNull();
  });
});
