// Property test: random ordered stems in the shapes cameras and renaming presets write, and
// random stacks of editor suffixes on the files (random case, extension, folder, NFC or NFD).
// A seeded PRNG, so a failure replays from its seed.
import { describe, expect, it } from 'vitest';
import { randomInt as int, pick, seededRandom as prng, type Rand } from '../test-support/seeded-random';
import { editStem, matchDelivery, type OrderedPhotoInput } from './index';

const digits = (rand: Rand, n: number) => String(int(rand, 0, 10 ** n - 1)).padStart(n, '0');

const surnames = ['Kowalski', 'Nowak', 'Wiśniewska', 'Żółć', 'Łęcka', 'Dąbrowski', 'Müller', 'García'];
const events = ['Ślub Ani', 'Sesja Zoi', 'Chrzest Łucji', 'Wesele', 'Portret'];

const stemShapes: ((rand: Rand) => string)[] = [
  (r) => `IMG_${digits(r, 4)}`,
  (r) => `_MG_${digits(r, 4)}`,
  (r) => `DSC${digits(r, 5)}`,
  (r) => `_DSC${digits(r, 4)}`,
  (r) => `DSCF${digits(r, 4)}`,
  (r) => `P10${digits(r, 5)}`,
  (r) => `Z62_${digits(r, 4)}`,
  (r) => `2024${digits(r, 4)}-${pick(r, surnames)}-${digits(r, 4)}`,
  (r) => `${pick(r, events)} ${digits(r, 3)}`,
];

// Every decoration the README lists, as an exporter would write it.
const decorations = [
  '-Edit',
  '_edit',
  '-Edit-2',
  ' copy',
  ' copy 2',
  '-copy',
  ' - Copy',
  ' - Copy (2)',
  ' kopia',
  '-1',
  '-2',
  '_1',
  ' 2',
  '-HDR',
  '-Pano',
  '-Enhanced',
  '-Enhanced-NR',
  '-Enhanced-SR',
  '-SR',
  '-DxO',
  '_DxO_DeepPRIME',
  '_DxO_DeepPRIMEXD2s',
  '-topaz-denoise',
  '-gigapixel-standard-scale-2_00x',
  ' (1)',
  '(2)',
  '_web',
  '-web',
  '_2048',
  '-2048px',
  '_2048x1365',
  '_full',
  '_hires',
  '-hi-res',
  '-print',
  '-instagram',
  '_sRGB',
  '_v2',
  '_final',
  '.CR3',
];
const extensions = ['jpg', 'JPG', 'jpeg', 'tif', 'TIFF', 'png', 'dng', 'psd', 'heic', 'webp'];
const folders = ['Export/', 'Export/Web/', 'D:\\Klienci\\Kowalski\\', '/Volumes/Dysk/Delivery/', ''];

function randomCase(rand: Rand, s: string): string {
  const mode = int(rand, 0, 3);
  return mode === 0 ? s.toUpperCase() : mode === 1 ? s.toLowerCase() : s;
}

function decorate(rand: Rand, stem: string): string {
  let name = randomCase(rand, stem);
  const count = int(rand, 0, 3);
  for (let k = 0; k < count; k++) name += randomCase(rand, pick(rand, decorations));
  name = `${pick(rand, folders)}${name}.${pick(rand, extensions)}`;
  return rand() < 0.3 ? name.normalize('NFD') : name;
}

function randomOrder(rand: Rand, size: number): string[] {
  const stems = new Map<string, string>();
  while (stems.size < size) {
    const stem = pick(rand, stemShapes)(rand);
    stems.set(stem.toLowerCase(), stem);
  }
  return [...stems.values()];
}

describe('matchDelivery property: decorated files match their stems', () => {
  it('for 300 random orders, every decorated file matches its own photo and no other', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = prng(seed);
      const stems = randomOrder(rand, int(rand, 5, 40));
      const ordered: OrderedPhotoInput[] = stems.map((stem, i) => ({
        photoId: `p${i}`,
        name: `${stem}.${pick(rand, ['CR3', 'NEF', 'ARW', 'jpg'])}`,
      }));
      // Each ordered photo gets one decorated file, most of the time; the rest stay missing.
      const expected = new Map<string, string>();
      stems.forEach((stem, i) => {
        if (rand() < 0.85) expected.set(decorate(rand, stem), `p${i}`);
      });
      const result = matchDelivery({ ordered, files: [...expected.keys()].map((path) => ({ path, size: 1000 })) });
      const got = new Map(result.rows.flatMap((r) => (r.kind === 'matched' ? [[r.file.path, r.photo.photoId] as const] : [])));
      expect({ seed, got: Object.fromEntries(got) }).toEqual({ seed, got: Object.fromEntries(expected) });
      expect(result.summary.missing).toBe(stems.length - expected.size);
      expect(result.summary.extra + result.summary.ambiguous).toBe(0);
    }
  });

  it('a decorated file whose stem was not ordered never matches', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = prng(10_000 + seed);
      const stems = randomOrder(rand, 60);
      const ordered = stems.slice(0, 30).map((stem, i) => ({ photoId: `p${i}`, name: `${stem}.CR3` }));
      const files = stems.slice(30).map((stem) => ({ path: decorate(rand, stem) }));
      const result = matchDelivery({ ordered, files });
      expect({ seed, summary: result.summary }).toEqual({
        seed,
        summary: { matched: 0, extra: 30, missing: 30, ambiguous: 0, ignored: 0 },
      });
    }
  });

  it('editStem with the ordered stems known gives back the stem', () => {
    const rand = prng(99);
    for (let k = 0; k < 2000; k++) {
      const stem = pick(rand, stemShapes)(rand);
      const known = (s: string) => s.normalize('NFC').toLowerCase() === stem.toLowerCase();
      const name = decorate(rand, stem);
      expect([name, editStem(name, known).toLowerCase()]).toEqual([name, stem.toLowerCase()]);
    }
  });
});
