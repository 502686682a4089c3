import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { exifr } from './exifr-module';
import { makeVariants } from './make-variants';
import { readPhotoMetadata } from './photo-metadata';
import { sharedImage } from './test-paths';

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('imaging-web-meta-');
});
afterEach(() => tmp.cleanup());

const inCache = (relPath: string) => path.join(tmp.dir, ...relPath.split('/'));
const everything = { tiff: true, exif: true, gps: true, iptc: true, xmp: true, icc: false, mergeOutput: false } as const;

describe('makeVariants: what metadata the web proof keeps', () => {
  test('creator and copyright stay (EXIF + exact XMP); GPS, rating, keywords, camera data go', async () => {
    const input = sharedImage('meta-xmp-rating4-red-copyright-gps.jpg');
    const before = await exifr.parse(input, everything);
    expect(before.gps).toBeDefined(); // the source does have GPS and a rating: the test has teeth
    expect(before.xmp?.Rating).toBe(4);

    const v = await makeVariants(input, { cacheDir: tmp.dir });
    const web = await exifr.parse(inCache(v.web.relPath), everything);
    expect(web.ifd0).toMatchObject({ Artist: 'Anna Kowalska', Copyright: '(C) 2026 Anna Kowalska Studio' });
    expect(web.ifd0.Make).toBeUndefined();
    expect(web.exif?.DateTimeOriginal).toBeUndefined();
    expect(web.gps).toBeUndefined();
    expect(web.iptc).toBeUndefined();
    expect(web.dc).toMatchObject({ creator: 'Anna Kowalska', rights: { value: '© 2026 Anna Kowalska Studio' } });
    expect(web.xmp?.Rating).toBeUndefined();
    expect(web.dc.subject).toBeUndefined();
    expect((await sharp(inCache(v.web.relPath)).metadata()).icc).toBeDefined();

    const thumb = await sharp(inCache(v.thumb.relPath)).metadata();
    expect([thumb.exif, thumb.xmp, thumb.iptc]).toEqual([undefined, undefined, undefined]);
  });

  test('IPTC/XMP creator of a Lightroom export is kept when EXIF has no Artist', async () => {
    const v = await makeVariants(sharedImage('camera-canon-1dm3-iptc-copyright.jpg'), { cacheDir: tmp.dir });
    const web = await exifr.parse(inCache(v.web.relPath), everything);
    expect(web.ifd0).toMatchObject({ Artist: 'iptc creator-creator', Copyright: 'iptc copyright-copyright' });
  });

  test('a credit passed in wins, and non-ASCII names survive in XMP', async () => {
    const credit = { creator: 'Paweł Wójcik', copyright: '© 2026 Studio Łódź & Co <pl>' };
    const v = await makeVariants(sharedImage('meta-xmp-rating4-red-copyright-gps.jpg'), { cacheDir: tmp.dir, credit });
    const web = await exifr.parse(inCache(v.web.relPath), everything);
    expect(web.ifd0.Artist).toBe('Pawel Wojcik'); // EXIF is ASCII only…
    const read = await readPhotoMetadata(inCache(v.web.relPath)); // …XMP keeps the exact text
    expect([read.creator, read.copyright]).toEqual([credit.creator, credit.copyright]);
  });

  test('a photo with no credit gets no EXIF or XMP at all', async () => {
    const v = await makeVariants(sharedImage('orient-6-landscape.jpg'), { cacheDir: tmp.dir });
    const meta = await sharp(inCache(v.web.relPath)).metadata();
    expect([meta.exif, meta.xmp, meta.orientation]).toEqual([undefined, undefined, undefined]);
  });
});
