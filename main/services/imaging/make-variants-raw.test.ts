import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { makeVariants } from './make-variants';
import { rawFixture, sharedImage } from './test-paths';
import { printDistance, tinyPrint } from './test-picture';

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('imaging-raw-variants-');
});
afterEach(() => tmp.cleanup());

const inCache = (relPath: string) => path.join(tmp.dir, ...relPath.split('/'));

describe('makeVariants on RAW files: the largest embedded preview, turned by the RAW orientation', () => {
  test('NEF with a 160x120 TIFF thumbnail trap → web 2048x1536 from the 3000x2250 preview', async () => {
    const v = await makeVariants(sharedImage('raw-synthetic-nikon-preview3000.nef'), { cacheDir: tmp.dir });
    expect([v.web.width, v.web.height, v.thumb.width, v.thumb.height]).toEqual([2048, 1536, 400, 300]);
  });

  test('DNG → web 2048x1366 from the 4000x2667 preview', async () => {
    const v = await makeVariants(sharedImage('raw-dng-generated-preview-4000px.dng'), { cacheDir: tmp.dir });
    expect([v.web.width, v.web.height]).toEqual([2048, 1366]);
  });

  // Each synthetic RAW stores the orient-N pixels with orientation N, so upright it is orient-1.
  test.each([
    ['canon-cr2-orient8.cr2', 1200, 800],
    ['sony-arw-orient6.arw', 1616, 1077],
    ['pentax-pef-bigendian.pef', 1200, 800],
    ['olympus-iiro-orient3.orf', 1280, 853],
    ['panasonic-iiu.rw2', 1440, 960],
    ['canon-cr3-orient6.cr3', 1800, 1200],
    ['fujifilm-raf-orient8.raf', 1200, 800],
  ])('%s → upright web %ix%i showing the orient-1 picture', async (name, width, height) => {
    const v = await makeVariants(rawFixture(name), { cacheDir: tmp.dir });
    expect([v.web.width, v.web.height]).toEqual([width, height]);
    const upright = await tinyPrint(sharedImage('orient-1-landscape.jpg'));
    expect(printDistance(await tinyPrint(inCache(v.web.relPath)), upright)).toBeLessThan(4);
  });
});
