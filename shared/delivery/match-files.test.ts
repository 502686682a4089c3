import { describe, expect, it } from 'vitest';
import {
  type DeliveryMatch,
  type DeliveryRow,
  deliveryMatchTexts,
  editStem,
  type IgnoredFile,
  matchDelivery,
  matchedPairs,
  type OrderedPhotoInput,
  resolveAmbiguity,
} from './index';

const nfd = (s: string) => s.normalize('NFD');

// One order as the catalogue hands it over: RAW+JPEG pairs share a photoId, the same stem from
// two camera bodies sits in two folders, an HDR merge was ordered as a photo of its own.
const ordered: OrderedPhotoInput[] = [
  { photoId: 'p0412', name: 'IMG_0412.CR3', folder: '/Shoots/Kowalski/Canon' },
  { photoId: 'p0412', name: 'IMG_0412.JPG', folder: '/Shoots/Kowalski/Canon' },
  { photoId: 'p0413', name: 'IMG_0413.CR3', folder: '/Shoots/Kowalski/Canon' },
  { photoId: 'p1234', name: '_MG_1234.CR2', folder: '/Shoots/Kowalski/Canon' },
  { photoId: 'pDSC', name: 'DSC00012.ARW', folder: '/Shoots/Kowalski/Sony' },
  { photoId: 'pSony', name: '_DSC7777.ARW', folder: '/Shoots/Kowalski/Sony' },
  { photoId: 'pKow', name: '20240601-Kowalski-0042.NEF', folder: '/Shoots/Kowalski/Nikon' },
  { photoId: 'pZ', name: 'Z62_1234.NEF', folder: '/Shoots/Kowalski/Nikon' },
  { photoId: 'pFuji', name: 'DSCF5678.RAF', folder: '/Shoots/Kowalski/Fuji' },
  { photoId: 'pPana', name: 'P1010123.RW2', folder: '/Shoots/Kowalski/Lumix' },
  { photoId: 'pSlub', name: 'Ślub Ani 001.jpg', folder: '/Shoots/Ślub Ani' },
  { photoId: 'pSlub2', name: 'Ślub Ani 002.jpg', folder: '/Shoots/Ślub Ani' },
  { photoId: 'pSesja', name: 'Sesja Kowalskich 12.jpg', folder: '/Shoots/Sesja' },
  { photoId: 'p0500', name: 'IMG_0500.CR3', folder: '/Shoots/Kowalski/Canon' },
  { photoId: 'p0500hdr', name: 'IMG_0500-HDR.dng', folder: '/Shoots/Kowalski/Canon' },
  { photoId: 'pCamA', name: 'DSC_0001.NEF', folder: '/Shoots/Wesele/Camera A' },
  { photoId: 'pCamB', name: 'DSC_0001.NEF', folder: '/Shoots/Wesele/Camera B' },
  { photoId: 'p9001cr3', name: 'IMG_9001.CR3', folder: '/Shoots/Wesele/Main' },
  { photoId: 'p9001jpg', name: 'IMG_9001.JPG', folder: '/Shoots/Wesele/Main' },
];

type Expect =
  | { kind: 'matched'; photoId: string; via: string; suffix: string }
  | { kind: 'extra'; hint: string | null; key: string }
  | { kind: 'ambiguous'; photos: string[]; key: string }
  | { kind: 'ignored'; why: string };

const matched = (photoId: string, suffix: string, via = suffix ? 'edited' : 'exact'): Expect => ({ kind: 'matched', photoId, via, suffix });
const extra = (hint: string | null = null): Expect => ({
  kind: 'extra',
  hint,
  key: hint ? 'delivery.match.extra.near' : 'delivery.match.extra.no_match',
});
const ignored = (why: string): Expect => ({ kind: 'ignored', why });

// [what it is, the dropped path, its size (undefined: unknown), the row expected]
const table: [string, string, number | undefined, Expect][] = [
  // Lightroom Classic exports
  ['Lightroom export, JPEG of a RAW+JPEG pair', 'Export/IMG_0412.jpg', 4_200_000, matched('p0412', '')],
  ['Lightroom export in lower case as TIFF', 'Export/img_0412.tif', 80_000_000, matched('p0412', '')],
  ['Lightroom virtual copy exported (-2)', 'Export/IMG_0412-2.jpg', 4_000_000, matched('p0412', '-2')],
  ['Lightroom HDR merge edited in Photoshop', 'Export/IMG_0412-HDR-Edit.jpg', undefined, matched('p0412', '-HDR-Edit')],
  ['Lightroom panorama merge', 'Export/IMG_0412-Pano.dng', undefined, matched('p0412', '-Pano')],
  ['Lightroom Enhance (denoise)', 'Export/IMG_0412-Enhanced-NR.dng', undefined, matched('p0412', '-Enhanced-NR')],
  ['Lightroom Enhance (super resolution)', 'Export/IMG_0412-Enhanced-SR.jpg', undefined, matched('p0412', '-Enhanced-SR')],
  ['Lightroom web preset', 'Export/IMG_0412_web.jpg', undefined, matched('p0412', '_web')],
  ['Lightroom web preset, hyphen', 'Export/IMG_0412-web.jpg', undefined, matched('p0412', '-web')],
  ['Lightroom long-edge preset (bare size)', 'Export/IMG_0412_2048.jpg', undefined, matched('p0412', '_2048')],
  ['Lightroom long-edge preset (px)', 'Export/IMG_0412-2048px.jpg', undefined, matched('p0412', '-2048px')],
  ['export preset with pixel dimensions', 'Export/IMG_0412_2048x1365.jpg', undefined, matched('p0412', '_2048x1365')],
  ['full resolution preset', 'Export/IMG_0412_full.jpg', undefined, matched('p0412', '_full')],
  ['hi-res preset', 'Export/IMG_0412_hires.jpg', undefined, matched('p0412', '_hires')],
  ['print preset', 'Export/IMG_0412-print.tif', undefined, matched('p0412', '-print')],
  ['Instagram preset', 'Export/IMG_0412-instagram.jpg', undefined, matched('p0412', '-instagram')],
  ['colour-space preset', 'Export/IMG_0412_sRGB.jpg', undefined, matched('p0412', '_sRGB')],
  ['stacked presets: web, then size', 'Export/IMG_0412_web_2048.jpg', undefined, matched('p0412', '_web_2048')],
  ['original extension kept in the name', 'Export/IMG_0412.CR3.jpg', undefined, matched('p0412', '.CR3')],
  ['Canon Adobe RGB prefix, exact', 'Export/_MG_1234.jpg', undefined, matched('p1234', '')],
  ['Canon Adobe RGB prefix, virtual copy', 'Export/_MG_1234-2.jpg', undefined, matched('p1234', '-2')],
  ['Sony, Lightroom edit', 'Export/DSC00012-Edit.jpg', undefined, matched('pDSC', '-Edit')],
  ['Nikon, renamed on import, exact', 'Export/20240601-Kowalski-0042.jpg', undefined, matched('pKow', '')],
  ['Nikon, renamed, Photoshop edit of a virtual copy', 'Export/20240601-Kowalski-0042-Edit-2.jpg', undefined, matched('pKow', '-Edit-2')],
  ['Nikon Z, web export', 'Export/Z62_1234_web.jpg', undefined, matched('pZ', '_web')],
  ['Fujifilm, edit', 'Export/DSCF5678-Edit.jpg', undefined, matched('pFuji', '-Edit')],
  ['Lumix, HDR', 'Export/P1010123-HDR.jpg', undefined, matched('pPana', '-HDR')],
  // Photoshop
  ['Photoshop "Edit in" from Lightroom', 'Export/IMG_0412-Edit.jpg', undefined, matched('p0412', '-Edit')],
  ['Photoshop PSD', 'Export/IMG_0412-Edit.psd', undefined, matched('p0412', '-Edit')],
  ['Photoshop second edit', 'Export/IMG_0412-Edit-2.jpg', undefined, matched('p0412', '-Edit-2')],
  ['Photoshop "Save a Copy"', 'Export/IMG_0412 copy.jpg', undefined, matched('p0412', ' copy')],
  ['Photoshop "Save a Copy", second', 'Export/IMG_0412 copy 2.jpg', undefined, matched('p0412', ' copy 2')],
  // Capture One, Photo Mechanic
  ['Capture One variant (_1)', 'Output/IMG_0413_1.jpg', undefined, matched('p0413', '_1')],
  ['Capture One variant (_2), TIFF', 'Output/IMG_0413_2.tif', undefined, matched('p0413', '_2')],
  ['Photo Mechanic duplicate (-1)', 'Selects/IMG_0413-1.jpg', undefined, matched('p0413', '-1')],
  ['Photo Mechanic copy with its original name', 'Selects/IMG_0413.JPG', undefined, matched('p0413', '')],
  // DxO and Topaz
  ['DxO PureRAW DeepPRIME', 'PureRAW/IMG_0412_DxO_DeepPRIME.dng', undefined, matched('p0412', '_DxO_DeepPRIME')],
  ['DxO PureRAW DeepPRIME XD2s', 'PureRAW/IMG_0412_DxO_DeepPRIMEXD2s.dng', undefined, matched('p0412', '_DxO_DeepPRIMEXD2s')],
  ['DxO PhotoLab export', 'DxO/IMG_0412_DxO.jpg', undefined, matched('p0412', '_DxO')],
  ['Topaz Photo AI', 'Topaz/IMG_0412-topaz-denoise-enhance-4x.jpg', undefined, matched('p0412', '-topaz-denoise-enhance-4x')],
  ['Topaz Gigapixel', 'Topaz/IMG_0412-gigapixel-standard-scale-2_00x.jpg', undefined, matched('p0412', '-gigapixel-standard-scale-2_00x')],
  ['Topaz Sharpen', 'Topaz/_DSC7777-sharpen.jpg', undefined, matched('pSony', '-sharpen')],
  // Operating systems and browsers
  ['macOS Finder " copy"', 'Desktop/_DSC7777 copy.jpg', undefined, matched('pSony', ' copy')],
  ['macOS Finder duplicate " 2"', 'Desktop/IMG_0412 2.jpg', undefined, matched('p0412', ' 2')],
  ['macOS in Polish " kopia"', 'Desktop/IMG_0412 kopia.jpg', undefined, matched('p0412', ' kopia')],
  ['Windows " - Copy"', 'Pulpit\\IMG_0412 - Copy.jpg', undefined, matched('p0412', ' - Copy')],
  ['Windows " - Copy (2)"', 'Pulpit\\IMG_0412 - Copy (2).jpg', undefined, matched('p0412', ' - Copy (2)')],
  ['Chrome download " (1)"', 'Downloads/IMG_0412 (1).jpg', undefined, matched('p0412', ' (1)')],
  ['Firefox download "(2)"', 'Downloads/IMG_0412(2).jpg', undefined, matched('p0412', '(2)')],
  // Unicode: macOS hands out NFD names
  ['Polish name, NFD from macOS', nfd('Ślub/Ślub Ani 001.jpg'), undefined, matched('pSlub', '')],
  ['Polish name in capitals, edited', 'Ślub/ŚLUB ANI 002-Edit.jpg', undefined, matched('pSlub2', '-Edit')],
  ['Polish name, NFD, browser duplicate', nfd('Ślub/Ślub Ani 001 (1).jpg'), undefined, matched('pSlub', ' (1)')],
  ['Polish name without accents, underscores', 'Web/Slub_Ani_001.jpg', undefined, matched('pSlub', '', 'loose')],
  // A name that itself ends in a counter-like number
  ['name ending in a number, exact', 'Sesja/Sesja Kowalskich 12.jpg', undefined, matched('pSesja', '')],
  ['name ending in a number, virtual copy', 'Sesja/Sesja Kowalskich 12-2.jpg', undefined, matched('pSesja', '-2')],
  ['name ending in another number is not cut to its prefix', 'Sesja/Sesja Kowalskich 13.jpg', undefined, extra()],
  // The longest ordered stem wins
  ['edit of an HDR merge that was ordered itself', 'Export/IMG_0500-HDR-Edit.jpg', undefined, matched('p0500hdr', '-Edit')],
  ['edit of its source frame', 'Export/IMG_0500-Edit.jpg', undefined, matched('p0500', '-Edit')],
  // Nothing ordered by that name
  ['another frame: no hint (frame numbers differ)', 'Export/IMG_0414.jpg', undefined, extra()],
  ['separator lost: hint', 'Export/IMG0412.jpg', undefined, extra('IMG_0412.CR3')],
  ['a typo in the renamed name: hint', 'Export/20240601-Kowalsky-0042.jpg', undefined, extra('20240601-Kowalski-0042.NEF')],
  ['Canon sRGB prefix for an Adobe RGB frame: hint', 'Export/IMG_1234.jpg', undefined, extra('_MG_1234.CR2')],
  // The same stem twice in the order
  [
    'same stem from two camera bodies (two folders)',
    'Export/DSC_0001-Edit.jpg',
    undefined,
    { kind: 'ambiguous', photos: ['pCamA', 'pCamB'], key: 'delivery.match.ambiguous.same_stem' },
  ],
  ['same stem, the file’s folder names the camera', 'Export/Camera B/DSC_0001-Edit.jpg', undefined, matched('pCamB', '-Edit', 'folder')],
  [
    'same stem, two photoIds in one folder (two cameras)',
    'Export/IMG_9001-Edit.jpg',
    undefined,
    { kind: 'ambiguous', photos: ['p9001cr3', 'p9001jpg'], key: 'delivery.match.ambiguous.same_stem' },
  ],
  // Junk: listed, never a row
  ['Finder metadata', 'Export/.DS_Store', 6148, ignored('system_file')],
  ['Windows thumbnails', 'Export\\Thumbs.db', 12_000, ignored('system_file')],
  ['Windows folder settings', 'Export\\desktop.ini', 282, ignored('system_file')],
  ['AppleDouble resource fork', 'Export/._IMG_0412.jpg', 4096, ignored('apple_double')],
  ['zip made on a Mac', 'Export/__MACOSX/Export/IMG_0412.jpg', 4096, ignored('apple_double')],
  ['XMP sidecar', 'Export/IMG_0412.xmp', 9000, ignored('sidecar')],
  ['darktable sidecar', 'Export/IMG_0412.CR3.xmp', 9000, ignored('sidecar')],
  ['Apple Photos edits', 'Export/IMG_0412.AAE', 1200, ignored('sidecar')],
  ['DxO sidecar', 'Export/IMG_0412.CR3.dop', 1200, ignored('sidecar')],
  ['unfinished Chrome download', 'Downloads/IMG_0412.jpg.crdownload', 100_000, ignored('incomplete')],
  ['zero-byte file', 'Export/IMG_0413-Edit.jpg', 0, ignored('empty')],
  ['other hidden file', 'Export/.picasa.ini', 100, ignored('hidden')],
];

function projectRow(row: DeliveryRow): Expect {
  switch (row.kind) {
    case 'matched':
      return { kind: 'matched', photoId: row.photo.photoId, via: row.via, suffix: row.suffix };
    case 'extra':
      return { kind: 'extra', hint: row.hint?.name ?? null, key: row.key };
    case 'ambiguous':
      return { kind: 'ambiguous', photos: row.photos.map((p) => p.photoId), key: row.key };
    case 'missing':
      throw new Error('a missing row has no file');
  }
}

function rowOf(result: DeliveryMatch, path: string): Expect | undefined {
  const ign = result.ignored.find((i) => i.file.path === path);
  if (ign) return { kind: 'ignored', why: ign.why };
  const row = result.rows.find(
    (r) =>
      ((r.kind === 'matched' || r.kind === 'extra') && r.file.path === path) ||
      (r.kind === 'ambiguous' && r.files.some((f) => f.file.path === path)),
  );
  return row ? projectRow(row) : undefined;
}

describe('matchDelivery: real-world names, one file at a time', () => {
  it('has a table of at least 40 cases', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  it.each(table)('%s: %s', (_what, path, size, expected) => {
    const result = matchDelivery({ ordered, files: [{ path, size }] });
    expect(rowOf(result, path)).toEqual(expected);
    // Exactly one row or ignored entry for the file; every other distinct photo is missing.
    const fileRows = result.rows.filter((r) => r.kind !== 'missing').length + result.ignored.length;
    expect(fileRows).toBe(1);
  });
});

describe('matchDelivery: whole drops', () => {
  it('matches a RAW+JPEG pair as one photo and lists the rest as missing, in order position', () => {
    const result = matchDelivery({ ordered: ordered.slice(0, 4), files: [{ path: 'Export/IMG_0412-Edit.jpg', size: 5_000_000 }] });
    expect(result.rows).toEqual([
      {
        kind: 'matched',
        photo: { photoId: 'p0412', name: 'IMG_0412.CR3', stem: 'IMG_0412', folder: '/Shoots/Kowalski/Canon', position: 0 },
        file: { path: 'Export/IMG_0412-Edit.jpg', name: 'IMG_0412-Edit.jpg', size: 5_000_000 },
        via: 'edited',
        suffix: '-Edit',
        key: 'delivery.match.matched.edited',
        params: { photo: 'IMG_0412.CR3', stem: 'IMG_0412', suffix: '-Edit', folder: '' },
        reason: 'Edited or exported copy of IMG_0412.CR3 (the name adds “-Edit”).',
      },
      {
        kind: 'missing',
        photo: { photoId: 'p0413', name: 'IMG_0413.CR3', stem: 'IMG_0413', folder: '/Shoots/Kowalski/Canon', position: 1 },
        key: 'delivery.match.missing.no_file',
        params: { photo: 'IMG_0413.CR3' },
        reason: 'No file was dropped for IMG_0413.CR3.',
      },
      {
        kind: 'missing',
        photo: { photoId: 'p1234', name: '_MG_1234.CR2', stem: '_MG_1234', folder: '/Shoots/Kowalski/Canon', position: 2 },
        key: 'delivery.match.missing.no_file',
        params: { photo: '_MG_1234.CR2' },
        reason: 'No file was dropped for _MG_1234.CR2.',
      },
    ]);
    expect(result.summary).toEqual({ matched: 1, extra: 0, missing: 2, ambiguous: 0, ignored: 0 });
  });

  it('makes two files for one photo one ambiguous row the user resolves', () => {
    const result = matchDelivery({
      ordered: ordered.slice(0, 1),
      files: [{ path: 'Export/IMG_0412-Edit-2.jpg' }, { path: 'Export/IMG_0412-Edit.jpg' }],
    });
    expect(result.rows).toHaveLength(1);
    const row = result.rows[0];
    expect(row?.kind).toBe('ambiguous');
    if (row?.kind !== 'ambiguous') return;
    expect(row.group).toBe('p0412');
    expect(row.key).toBe('delivery.match.ambiguous.several_files');
    expect(row.reason).toBe('2 files could be IMG_0412.CR3. Choose the one to send.');
    expect(row.files.map((f) => [f.file.path, f.candidates, f.suffix])).toEqual([
      ['Export/IMG_0412-Edit-2.jpg', ['p0412'], '-Edit-2'],
      ['Export/IMG_0412-Edit.jpg', ['p0412'], '-Edit'],
    ]);

    const resolved = resolveAmbiguity(result, [
      { path: 'Export/IMG_0412-Edit.jpg', photoId: 'p0412' },
      { path: 'Export/IMG_0412-Edit-2.jpg', photoId: null },
    ]);
    expect(resolved.rows.map((r) => [r.kind, r.key, 'file' in r ? r.file.path : null])).toEqual([
      ['matched', 'delivery.match.matched.chosen', 'Export/IMG_0412-Edit.jpg'],
      ['extra', 'delivery.match.extra.not_chosen', 'Export/IMG_0412-Edit-2.jpg'],
    ]);
    expect(resolved.summary).toEqual({ matched: 1, extra: 1, missing: 0, ambiguous: 0, ignored: 0 });
    expect(matchedPairs(resolved)).toEqual([{ photoId: 'p0412', path: 'Export/IMG_0412-Edit.jpg' }]);
    // Pure: the input result is untouched.
    expect(result.rows).toHaveLength(1);
    expect(result.summary.ambiguous).toBe(1);
  });

  it('resolves the same stem from two folders by the files’ folder names, else asks', () => {
    const twoBodies = ordered.filter((o) => o.photoId === 'pCamA' || o.photoId === 'pCamB');
    const byFolder = matchDelivery({
      ordered: twoBodies,
      files: [{ path: 'Delivery/Camera A/DSC_0001.jpg' }, { path: 'Delivery/Camera B/DSC_0001.jpg' }],
    });
    expect(byFolder.rows.map((r) => (r.kind === 'matched' ? [r.photo.photoId, r.file.path, r.via, r.reason] : r.kind))).toEqual([
      [
        'pCamA',
        'Delivery/Camera A/DSC_0001.jpg',
        'folder',
        'Several ordered photos are called DSC_0001; this is the one from the folder “Camera A”, like the file.',
      ],
      [
        'pCamB',
        'Delivery/Camera B/DSC_0001.jpg',
        'folder',
        'Several ordered photos are called DSC_0001; this is the one from the folder “Camera B”, like the file.',
      ],
    ]);

    const flat = matchDelivery({ ordered: twoBodies, files: [{ path: 'Delivery/DSC_0001.jpg' }, { path: 'Delivery/DSC_0001-Edit.jpg' }] });
    expect(flat.summary).toEqual({ matched: 0, extra: 0, missing: 0, ambiguous: 1, ignored: 0 });
    const row = flat.rows[0];
    if (row?.kind !== 'ambiguous') throw new Error('expected an ambiguous row');
    expect(row.key).toBe('delivery.match.ambiguous.mixed');
    expect(row.reason).toBe('2 files could be any of 2 ordered photos called DSC_0001. Choose which photo each file is.');
    expect(row.photos.map((p) => p.photoId)).toEqual(['pCamA', 'pCamB']);
    expect(row.files.map((f) => f.candidates)).toEqual([
      ['pCamA', 'pCamB'],
      ['pCamA', 'pCamB'],
    ]);

    // One answer at a time: the other file stays ambiguous with both photos still possible.
    const half = resolveAmbiguity(flat, [{ path: 'Delivery/DSC_0001.jpg', photoId: 'pCamB' }]);
    expect(half.rows.map((r) => r.kind)).toEqual(['ambiguous', 'matched']);
    expect(half.summary).toEqual({ matched: 1, extra: 0, missing: 0, ambiguous: 1, ignored: 0 });
    const done = resolveAmbiguity(half, [{ path: 'Delivery/DSC_0001-Edit.jpg', photoId: 'pCamA' }]);
    expect(matchedPairs(done)).toEqual([
      { photoId: 'pCamA', path: 'Delivery/DSC_0001-Edit.jpg' },
      { photoId: 'pCamB', path: 'Delivery/DSC_0001.jpg' },
    ]);
    expect(done.summary).toEqual({ matched: 2, extra: 0, missing: 0, ambiguous: 0, ignored: 0 });
  });

  it('turns a photo nobody can be any more into a missing row, and ignores choices that do not fit', () => {
    const twoBodies = ordered.filter((o) => o.photoId === 'pCamA' || o.photoId === 'pCamB');
    const result = matchDelivery({ ordered: twoBodies, files: [{ path: 'Delivery/DSC_0001-Edit.jpg' }] });
    const same = resolveAmbiguity(result, [
      { path: 'Delivery/DSC_0001-Edit.jpg', photoId: 'p0412' },
      { path: 'Delivery/nope.jpg', photoId: 'pCamA' },
    ]);
    expect(same).toEqual(result);
    const done = resolveAmbiguity(result, [{ path: 'Delivery/DSC_0001-Edit.jpg', photoId: 'pCamA' }]);
    expect(done.rows.map((r) => [r.kind, r.kind === 'extra' ? r.file.path : r.kind === 'ambiguous' ? r.group : r.photo.photoId])).toEqual([
      ['matched', 'pCamA'],
      ['missing', 'pCamB'],
    ]);
    // The last answer for a file wins.
    const changed = resolveAmbiguity(result, [
      { path: 'Delivery/DSC_0001-Edit.jpg', photoId: 'pCamA' },
      { path: 'Delivery/DSC_0001-Edit.jpg', photoId: 'pCamB' },
    ]);
    expect(matchedPairs(changed)).toEqual([{ photoId: 'pCamB', path: 'Delivery/DSC_0001-Edit.jpg' }]);
  });

  it('orders rows by ordered position then path, extras last, and lists junk apart with reasons', () => {
    const result = matchDelivery({
      ordered: ordered.slice(0, 4),
      files: [
        { path: 'Export/zzz.jpg', size: 10 },
        { path: 'Export/_MG_1234-Edit.jpg', size: 10 },
        { path: 'Export/.DS_Store', size: 6148 },
        { path: 'Export/IMG_0412.jpg', size: 10 },
        { path: 'Export/IMG_0412.jpg', size: 10 },
        { path: 'Export/aaa.jpg', size: 10 },
        { path: 'Export/IMG_0412.xmp', size: 10 },
      ],
    });
    expect(
      result.rows.map(
        (r) => `${r.kind} ${r.kind === 'matched' || r.kind === 'extra' ? r.file.name : r.kind === 'missing' ? r.photo.name : ''}`,
      ),
    ).toEqual(['matched IMG_0412.jpg', 'missing IMG_0413.CR3', 'matched _MG_1234-Edit.jpg', 'extra aaa.jpg', 'extra zzz.jpg']);
    expect(result.ignored.map((i: IgnoredFile) => [i.file.name, i.why, i.key, i.reason])).toEqual([
      ['.DS_Store', 'system_file', 'delivery.match.ignored.system_file', 'A file the computer keeps for itself, not a photo.'],
      ['IMG_0412.jpg', 'duplicate', 'delivery.match.ignored.duplicate', 'The same file was dropped twice.'],
      ['IMG_0412.xmp', 'sidecar', 'delivery.match.ignored.sidecar', 'Editing settings (.xmp) that go with a photo, not a photo.'],
    ]);
    expect(result.summary).toEqual({ matched: 2, extra: 2, missing: 1, ambiguous: 0, ignored: 3 });
    // The files in another order give the same result.
    const files = [
      { path: 'Export/IMG_0412.xmp', size: 10 },
      { path: 'Export/aaa.jpg', size: 10 },
      { path: 'Export/IMG_0412.jpg', size: 10 },
      { path: 'Export/IMG_0412.jpg', size: 10 },
      { path: 'Export/.DS_Store', size: 6148 },
      { path: 'Export/_MG_1234-Edit.jpg', size: 10 },
      { path: 'Export/zzz.jpg', size: 10 },
    ];
    expect(matchDelivery({ ordered: ordered.slice(0, 4), files })).toEqual(result);
  });

  it('gives every row and ignored file an English reason and a known key', () => {
    const result = matchDelivery({ ordered, files: table.map(([, path, size]) => ({ path, size })) });
    for (const item of [...result.rows, ...result.ignored]) {
      expect(Object.keys(deliveryMatchTexts)).toContain(item.key);
      expect(item.reason).not.toMatch(/[{}]/);
      expect(item.reason.length).toBeGreaterThan(10);
    }
    const { summary } = result;
    expect(summary.matched + summary.extra + summary.ambiguous + summary.missing).toBe(result.rows.length);
  });
});

describe('editStem', () => {
  it.each([
    ['IMG_0412.jpg', 'IMG_0412'],
    ['IMG_1234.jpg', 'IMG_1234'],
    ['_MG_1234.CR2', '_MG_1234'],
    ['IMG_0412-2.jpg', 'IMG_0412-2'],
    ['IMG_0412-Edit-2.jpg', 'IMG_0412'],
    ['C:\\Export\\IMG_0412-HDR-Edit copy.jpg', 'IMG_0412'],
    ['/Volumes/Card/DCIM/IMG_0412 copy 2.jpg', 'IMG_0412'],
    ['IMG_0412_web_2048.jpg', 'IMG_0412'],
    ['IMG_0412_DxO_DeepPRIME XD2s.dng', 'IMG_0412'],
    ['IMG_0412 (1).jpg', 'IMG_0412'],
    ['Wesele 2024-Edit.jpg', 'Wesele 2024'],
    ['20240601-Kowalski-0042-Enhanced-NR.dng', '20240601-Kowalski-0042'],
    [nfd('Ślub Ani 001-Edit.jpg'), 'Ślub Ani 001'],
  ])('%s → %s', (name, stem) => {
    expect(editStem(name)).toBe(stem);
  });

  it('cuts a bare counter only when the stem left is known', () => {
    const known = (s: string) => s.toLowerCase() === 'img_0412';
    expect(editStem('IMG_0412-2.jpg', known)).toBe('IMG_0412');
    expect(editStem('IMG_0412_1.jpg', known)).toBe('IMG_0412');
    expect(editStem('IMG_0413-2.jpg', known)).toBe('IMG_0413-2');
    expect(editStem('IMG_0412.jpg', (s) => s === 'IMG')).toBe('IMG_0412');
  });
});

describe('matchDelivery at studio scale', () => {
  it('matches 5,000 ordered photos against 5,000 files', () => {
    const n = 5000;
    const decorations = ['', '-Edit', '_web', '-2', ' copy', '-HDR-Edit', '_2048', ' (1)', '_DxO_DeepPRIME', '-Enhanced-NR'];
    const big: OrderedPhotoInput[] = [];
    for (let i = 0; i < n; i++) {
      const num = String(i + 1).padStart(4, '0');
      big.push({ photoId: `p${i}`, name: `IMG_${num}.CR3`, folder: `/Shoots/Big/${i % 3}` });
      if (i % 2 === 0) big.push({ photoId: `p${i}`, name: `IMG_${num}.JPG`, folder: `/Shoots/Big/${i % 3}` });
    }
    // Photos 0..4899 get one decorated file each (in reverse order), 4900..4999 none; 100 extras.
    const files = [];
    for (let i = n - 101; i >= 0; i--) {
      files.push({ path: `Export/IMG_${String(i + 1).padStart(4, '0')}${decorations[i % decorations.length]}.jpg`, size: 1000 });
    }
    for (let i = 0; i < 100; i++) files.push({ path: `Export/DSC_${String(i).padStart(5, '0')}.jpg`, size: 1000 });
    expect(files).toHaveLength(n);

    const result = matchDelivery({ ordered: big, files });
    expect(result.summary).toEqual({ matched: 4900, extra: 100, missing: 100, ambiguous: 0, ignored: 0 });
    const pairs = matchedPairs(result);
    pairs.forEach((p, k) => {
      expect(p.photoId).toBe(`p${k}`);
      expect(p.path.startsWith(`Export/IMG_${String(k + 1).padStart(4, '0')}`)).toBe(true);
    });
    const missing = result.rows.filter((r) => r.kind === 'missing').map((r) => r.photo.photoId);
    expect(missing).toEqual(Array.from({ length: 100 }, (_, k) => `p${4900 + k}`));
    expect(result.rows.at(-1)).toMatchObject({ kind: 'extra', file: { path: 'Export/DSC_00099.jpg' } });
  });
});
