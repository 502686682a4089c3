import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { parseXmp, xmpValue } from '../imaging/xmp-fields';
import { exiftool, exiftoolTags, hasExiftool, photo, rawFixturesDir, sharedImagesDir } from './test-support';
import { readRatingLabel, XAP_NS } from './xmp-merge';
import { planSidecars, writeXmpSidecars } from './xmp-sidecars';

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('export-xmp-');
});
afterEach(() => tmp.cleanup());

const at = (name: string) => path.join(tmp.dir, name);
const copyRaw = (name: string) => fs.copyFile(path.join(rawFixturesDir, 'canon-cr3-orient6.cr3'), at(name));

/** exiftool's tags without the two we set: what must not change. */
async function foreignTags(file: string): Promise<Record<string, unknown>> {
  const tags = await exiftoolTags(file);
  delete tags['XMP-xmp:Rating'];
  delete tags['XMP-xmp:Label'];
  return tags;
}

async function expectReadBack(file: string, rating: number | undefined, label: string | undefined) {
  const text = await fs.readFile(file, 'utf8');
  const xmp = await parseXmp(text);
  if (rating !== undefined) expect(Number(xmpValue(xmp, XAP_NS, 'Rating'))).toBe(rating);
  if (label !== undefined) expect(xmpValue(xmp, XAP_NS, 'Label')).toBe(label);
  // npm test installs exiftool (scripts/ensure-system-deps.mjs): a second, independent reader.
  expect(await hasExiftool(), 'exiftool is needed: apt-get install libimage-exiftool-perl').toBe(true);
  const tags = await exiftoolTags(file);
  if (rating !== undefined) expect(tags['XMP-xmp:Rating']).toBe(rating);
  if (label !== undefined) expect(tags['XMP-xmp:Label']).toBe(label);
}

async function leftovers(): Promise<string[]> {
  return (await fs.readdir(tmp.dir)).filter((n) => n.includes('proofdesk-partial'));
}

describe('writeXmpSidecars merges into a Lightroom sidecar', () => {
  test('only Rating and Label change; dc:creator, crs: develop settings, regions… read back the same; .bak once', async () => {
    await copyRaw('IMG_5910.CR3');
    await fs.copyFile(path.join(sharedImagesDir, 'sidecar-IMG_5910.xmp'), at('IMG_5910.xmp'));
    const original = await fs.readFile(at('IMG_5910.xmp'));
    const before = (await hasExiftool()) ? await foreignTags(at('IMG_5910.xmp')) : null;

    const [first] = await writeXmpSidecars([{ photoId: 'p1', rawPath: at('IMG_5910.CR3'), rating: 5, label: 'green' }]);
    expect(first).toEqual({ photoId: 'p1', path: at('IMG_5910.xmp'), status: 'updated', backup: at('IMG_5910.xmp.bak') });
    await expectReadBack(at('IMG_5910.xmp'), 5, 'Green');
    if (before) {
      expect(await foreignTags(at('IMG_5910.xmp'))).toEqual(before);
      expect(before['XMP-dc:Creator']).toEqual(['Patrik']);
      expect(before['XMP-crs:Exposure2012']).toBe('+0.12');
    }
    expect(await fs.readFile(at('IMG_5910.xmp.bak'))).toEqual(original);

    const [second] = await writeXmpSidecars([{ photoId: 'p1', rawPath: at('IMG_5910.CR3'), label: 'red' }]);
    expect(second).toEqual({ photoId: 'p1', path: at('IMG_5910.xmp'), status: 'updated' });
    await expectReadBack(at('IMG_5910.xmp'), 5, 'Red');
    expect(await fs.readFile(at('IMG_5910.xmp.bak'))).toEqual(original); // the first original, not the intermediate

    const [third] = await writeXmpSidecars([{ photoId: 'p1', rawPath: at('IMG_5910.CR3'), label: 'red' }]);
    expect(third?.status).toBe('unchanged');
    expect(await leftovers()).toEqual([]);
  });
});

describe('writeXmpSidecars on other sidecars', () => {
  test('element form written by exiftool: the rating stays, the label is added, the rest reads back the same', async () => {
    expect(await hasExiftool(), 'exiftool is needed: apt-get install libimage-exiftool-perl').toBe(true);
    await copyRaw('IMG_2.CR3');
    await exiftool(
      '-q',
      '-o',
      at('IMG_2.xmp'),
      '-XMP-xmp:Rating=2',
      '-XMP-dc:Creator=Anna Nowak',
      '-XMP-crs:Exposure2012=+0.5',
      '-XMP-photoshop:City=Kraków',
      path.join(sharedImagesDir, 'orient-1-landscape.jpg'),
    );
    expect(await fs.readFile(at('IMG_2.xmp'), 'utf8')).toContain('<xmp:Rating>2</xmp:Rating>');
    const before = await foreignTags(at('IMG_2.xmp'));
    const [result] = await writeXmpSidecars([{ photoId: 'p2', rawPath: at('IMG_2.CR3'), label: 'purple' }]);
    expect(result?.status).toBe('updated');
    await expectReadBack(at('IMG_2.xmp'), 2, 'Purple');
    expect(await foreignTags(at('IMG_2.xmp'))).toEqual(before);
    expect(before['XMP-photoshop:City']).toBe('Kraków');
  });

  test('no sidecar yet: a new one; IMG_4.XMP in another case is the same sidecar', async () => {
    await copyRaw('IMG_3.NEF');
    await copyRaw('IMG_4.CR3');
    await fs.writeFile(
      at('IMG_4.XMP'),
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>',
    );
    const results = await writeXmpSidecars([
      { photoId: 'p3', rawPath: at('IMG_3.NEF'), rating: 4, label: 'yellow' },
      { photoId: 'p4', rawPath: at('IMG_4.CR3'), rating: 1 },
    ]);
    expect(results.map((r) => [r.status, r.path && path.basename(r.path)])).toEqual([
      ['created', 'IMG_3.xmp'],
      ['updated', 'IMG_4.XMP'],
    ]);
    await expectReadBack(at('IMG_3.xmp'), 4, 'Yellow');
    await expectReadBack(at('IMG_4.XMP'), 1, undefined);
    expect((await fs.readdir(tmp.dir)).sort()).toEqual(['IMG_3.NEF', 'IMG_3.xmp', 'IMG_4.CR3', 'IMG_4.XMP', 'IMG_4.XMP.bak']);
  });

  test('a sidecar that is not XMP is refused with a sentence and left byte for byte', async () => {
    await copyRaw('IMG_5.CR3');
    await fs.writeFile(at('IMG_5.xmp'), 'rating=5\n');
    await fs.copyFile(path.join(sharedImagesDir, 'orient-1-landscape.jpg'), at('IMG_6.xmp')); // binary
    await copyRaw('IMG_6.CR3');
    const results = await writeXmpSidecars([
      { photoId: 'p5', rawPath: at('IMG_5.CR3'), rating: 2 },
      { photoId: 'p6', rawPath: at('IMG_6.CR3'), rating: 2 },
    ]);
    expect(results).toEqual([
      {
        photoId: 'p5',
        path: at('IMG_5.xmp'),
        status: 'refused',
        message: 'IMG_5.xmp is not an XMP sidecar: it holds no XML at all. Proofdesk left it as it is.',
      },
      {
        photoId: 'p6',
        path: at('IMG_6.xmp'),
        status: 'refused',
        message: 'IMG_6.xmp is not an XMP sidecar: it is not UTF-8 text. Proofdesk left it as it is.',
      },
    ]);
    expect(await fs.readFile(at('IMG_5.xmp'), 'utf8')).toBe('rating=5\n');
    expect(await fs.readFile(at('IMG_6.xmp'))).toEqual(await fs.readFile(path.join(sharedImagesDir, 'orient-1-landscape.jpg')));
    expect((await fs.readdir(tmp.dir)).filter((n) => n.endsWith('.bak'))).toEqual([]);
  });

  test('into a chosen folder; a second photo with the same name is refused, not mixed up', async () => {
    await fs.mkdir(at('card1'));
    await fs.mkdir(at('card2'));
    await copyRaw('card1/IMG_7.CR3');
    await copyRaw('card2/IMG_7.CR3');
    const results = await writeXmpSidecars(
      [
        { photoId: 'a', rawPath: at('card1/IMG_7.CR3'), rating: 3 },
        { photoId: 'b', rawPath: at('card2/IMG_7.CR3'), rating: 4 },
      ],
      { folder: at('out') },
    );
    expect(results.map((r) => r.status)).toEqual(['created', 'refused']);
    expect(results[1]?.message).toBe(
      "IMG_7.xmp was already written in this folder for another photo called IMG_7 (IMG_7.CR3); a sidecar has to carry its RAW file's name, so this one was not written.",
    );
    expect(readRatingLabel(await fs.readFile(at('out/IMG_7.xmp'), 'utf8'))).toEqual({ Rating: '3' });
    expect(await fs.readdir(at('card1'))).toEqual(['IMG_7.CR3']);
  });
});

describe('planSidecars', () => {
  const raw = (name: string, over = {}) =>
    photo(`${name}.CR3`, {
      files: [
        { path: `/s/${name}.CR3`, role: 'primary' },
        { path: `/s/${name}.CR3`, role: 'raw' },
      ],
      ...over,
    });

  test("each photo's own flags; unrated or unlabelled leaves the sidecar's value alone; JPEG-only skipped", () => {
    const { items, skipped } = planSidecars([raw('A', { rating: 4, colorLabel: 'red' }), raw('B'), photo('C.jpg', { photoId: 'c' })], {
      rating: 'photo',
      label: 'photo',
    });
    expect(items).toEqual([
      { photoId: 'id-A.CR3', rawPath: '/s/A.CR3', rating: 4, label: 'red' },
      { photoId: 'id-B.CR3', rawPath: '/s/B.CR3', rating: undefined, label: undefined },
    ]);
    expect(skipped).toEqual([
      {
        photoId: 'c',
        path: null,
        status: 'skipped',
        message: 'C.jpg has no RAW file: a JPEG keeps its rating and label inside the file, so no sidecar was written for it.',
      },
    ]);
  });

  test('one value for all', () => {
    expect(planSidecars([raw('A', { rating: 2 })], { rating: 5, label: 'keep' }).items).toEqual([
      { photoId: 'id-A.CR3', rawPath: '/s/A.CR3', rating: 5, label: undefined },
    ]);
  });
});
