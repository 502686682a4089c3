import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { findSidecar } from './sidecar';

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('imaging-sidecar-');
});
afterEach(() => tmp.cleanup());

const touch = (name: string) => fs.writeFile(path.join(tmp.dir, name), '');

describe('findSidecar', () => {
  test('Lightroom style: IMG_1.xmp for IMG_1.CR3, whatever the case', async () => {
    await touch('IMG_1.CR3');
    await touch('img_1.XMP');
    expect(await findSidecar(path.join(tmp.dir, 'IMG_1.CR3'))).toBe(path.join(tmp.dir, 'img_1.XMP'));
  });

  test('darktable style: IMG_2.NEF.xmp', async () => {
    await touch('IMG_2.NEF');
    await touch('IMG_2.NEF.xmp');
    expect(await findSidecar(path.join(tmp.dir, 'IMG_2.NEF'))).toBe(path.join(tmp.dir, 'IMG_2.NEF.xmp'));
  });

  test("another photo's sidecar is not ours", async () => {
    await touch('IMG_3.jpg');
    await touch('IMG_30.xmp');
    expect(await findSidecar(path.join(tmp.dir, 'IMG_3.jpg'))).toBeNull();
  });
});
