import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { readPhotoMetadata } from './photo-metadata';
import { rawFixture, sharedImage } from './test-paths';

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('imaging-meta-');
});
afterEach(() => tmp.cleanup());

describe('readPhotoMetadata: embedded EXIF / IPTC / XMP', () => {
  test('XMP rating 4, label Red, keywords, creator/rights, EXIF date and GPS', async () => {
    const m = await readPhotoMetadata(sharedImage('meta-xmp-rating4-red-copyright-gps.jpg'));
    expect(m).toMatchObject({
      captureTime: { local: '2026-06-14T16:02:11', offset: null, source: 'exif' },
      make: 'Canon',
      model: 'Canon EOS 1300D',
      rating: 4,
      label: 'Red',
      keywords: ['wedding', 'ceremony'],
      creator: 'Anna Kowalska',
      copyright: '© 2026 Anna Kowalska Studio', // the XMP spelling, not EXIF's "(c)"
      sidecarPath: null,
    });
    expect(m.gps?.latitude).toBeCloseTo(52 + 13 / 60 + 5 / 3600, 6);
    expect(m.gps?.longitude).toBeCloseTo(21 + 42 / 3600, 6);
  });

  test('Canon 1D Mk III via Lightroom: IPTC/XMP credit, exposure, lens, and the offset from XMP', async () => {
    const m = await readPhotoMetadata(sharedImage('camera-canon-1dm3-iptc-copyright.jpg'));
    expect(m).toMatchObject({
      captureTime: { local: '2008-09-20T09:01:07.09', offset: '+01:00', source: 'exif' },
      make: 'Canon',
      model: 'Canon EOS-1D Mark III',
      lens: 'EF70-200mm f/2.8L IS USM',
      exposureTime: 1 / 640,
      aperture: 5.6,
      iso: 100,
      focalLength: 200,
      creator: 'iptc creator-creator',
      copyright: 'iptc copyright-copyright',
      label: 'label',
      gps: null,
      rating: null,
    });
    expect(m.keywords).toContain('Brands Hatch');
    expect(m.keywords).toHaveLength(17); // XMP dc:subject and IPTC Keywords, merged without repeats
  });

  test('iPhone: GPS below sea level, lens model, XMP rating 2', async () => {
    const m = await readPhotoMetadata(sharedImage('camera-iphone6plus-portrait-rating2.jpg'));
    expect(m).toMatchObject({ make: 'Apple', model: 'iPhone 6 Plus', rating: 2, iso: 32, aperture: 2.2 });
    expect(m.lens).toBe('iPhone 6 Plus back camera 4.15mm f/2.2');
    expect(m.gps?.longitude).toBeLessThan(0);
    expect(m.gps?.altitude).toBeCloseTo(-166.309, 2);
    expect(m.captureTime).toEqual({ local: '2014-10-31T13:32:37.539', offset: null, source: 'exif' });
  });
});

describe('readPhotoMetadata: XMP sidecar', () => {
  async function copyPair(xmpName = 'IMG_5910.xmp') {
    const jpg = path.join(tmp.dir, 'IMG_5910.jpg');
    await fs.copyFile(sharedImage('sidecar-IMG_5910.jpg'), jpg);
    await fs.copyFile(sharedImage('sidecar-IMG_5910.xmp'), path.join(tmp.dir, xmpName));
    return jpg;
  }

  test('IMG_5910.xmp next to IMG_5910.jpg is read: rating 3, keywords, creator', async () => {
    const jpg = await copyPair();
    const m = await readPhotoMetadata(jpg);
    expect(m).toMatchObject({ rating: 3, keywords: ['Alvin the Squirrel', 'Berkley', 'USA'], creator: 'Patrik' });
    expect(m.sidecarPath).toBe(path.join(tmp.dir, 'IMG_5910.xmp'));
    expect(m.lens).toBe('EF-S15-85mm f/3.5-5.6 IS USM');
  });

  test('the sidecar wins over the XMP inside the file (an editor changed the rating)', async () => {
    const jpg = await copyPair('IMG_5910.XMP');
    const xmpPath = path.join(tmp.dir, 'IMG_5910.XMP');
    const edited = (await fs.readFile(xmpPath, 'utf8')).replace('xmp:Rating="3"', 'xmp:Rating="5" xmp:Label="Green"');
    await fs.writeFile(xmpPath, edited);
    const m = await readPhotoMetadata(jpg);
    expect(m).toMatchObject({ rating: 5, label: 'Green', sidecarPath: xmpPath });
  });

  test('without a sidecar, the embedded values are used and sidecarPath is null', async () => {
    const m = await readPhotoMetadata(sharedImage('camera-nikon-d3100-14mp.jpg'));
    expect(m.sidecarPath).toBeNull();
    expect(m.make).toBe('NIKON CORPORATION');
  });
});

describe('readPhotoMetadata: RAW files', () => {
  test('NEF: the Exif IFD stored after the preview is still found', async () => {
    const m = await readPhotoMetadata(sharedImage('raw-synthetic-nikon-preview3000.nef'));
    expect(m).toMatchObject({ make: 'NIKON CORPORATION', model: 'NIKON D850', captureTime: { local: '2026-06-14T16:02:11' } });
  });

  test('CR3: IFD0/Exif read from the CMT1/CMT2 boxes, with the EXIF offset', async () => {
    const m = await readPhotoMetadata(rawFixture('canon-cr3-orient6.cr3'));
    expect(m).toMatchObject({
      make: 'Canon',
      model: 'Canon EOS R5',
      creator: 'Anna Kowalska',
      exposureTime: 1 / 250,
      aperture: 2.8,
      iso: 400,
      focalLength: 85,
      lens: 'RF85mm F1.2 L USM',
      captureTime: { local: '2026-06-14T16:02:11', offset: '+02:00', source: 'exif' },
    });
  });

  test.each([
    ['fujifilm-raf-orient8.raf', 'FUJIFILM', 'X-T3'],
    ['olympus-iiro-orient3.orf', 'OLYMPUS IMAGING CORP.', 'E-M1MarkII'],
    ['canon-cr2-orient8.cr2', 'Canon', 'Canon EOS 5D Mark IV'],
    ['pentax-pef-bigendian.pef', 'PENTAX', 'PENTAX K-1'],
  ])('%s: make %s, model %s', async (name, make, model) => {
    expect(await readPhotoMetadata(rawFixture(name))).toMatchObject({ make, model });
  });

  test('a text file named .cr2 is refused like everywhere else', async () => {
    await expect(readPhotoMetadata(sharedImage('broken-text-as.cr2'))).rejects.toMatchObject({ code: 'unsupported' });
  });
});
