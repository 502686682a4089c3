import { describe, expect, test } from 'vitest';
import { lightroomFilterText, lightroomSmartCollection, prefixWarnings, smartCollectionFileName } from './lightroom';

describe('lightroomFilterText', () => {
  test('stems, each once, natural order, comma + space', () => {
    expect(lightroomFilterText(['IMG_1.CR3', 'IMG_10.CR3', 'IMG_2.CR3', 'IMG_1.JPG'])).toBe('IMG_1, IMG_2, IMG_10');
  });

  test('with extensions, the full names', () => {
    expect(lightroomFilterText(['IMG_10.CR3', 'IMG_1.CR3'], { withExtension: true })).toBe('IMG_1.CR3, IMG_10.CR3');
  });
});

describe('prefixWarnings', () => {
  test('IMG_1 also finds IMG_10 in the list', () => {
    expect(prefixWarnings(['IMG_1', 'IMG_10', 'IMG_2'])).toEqual([
      {
        stem: 'IMG_1',
        inSelection: ['IMG_10'],
        outsideSelection: [],
        key: 'export.lightroom.prefixWarning',
        text: 'IMG_1 also finds IMG_10.',
      },
    ]);
  });

  test('photos of the shoot the client did not pick, which would show up too', () => {
    const shoot = ['IMG_1', 'IMG_2', 'IMG_10', 'IMG_11', 'IMG_12', 'IMG_13', 'IMG_14', 'IMG_15', 'IMG_1-Edit'];
    const [w] = prefixWarnings(['IMG_1', 'IMG_10'], shoot);
    expect(w?.outsideSelection).toEqual(['IMG_1-Edit', 'IMG_11', 'IMG_12', 'IMG_13', 'IMG_14', 'IMG_15']);
    expect(w?.text).toBe('IMG_1 also finds IMG_10, IMG_1-Edit, IMG_11, IMG_12, IMG_13 and 2 more (6 of them not picked by the client).');
  });

  test('fixed-width camera names need no warning', () => {
    expect(prefixWarnings(['IMG_0001', 'IMG_0010', 'DSC_0412'], ['IMG_0002', 'IMG_0100'])).toEqual([]);
  });
});

describe('lightroomSmartCollection', () => {
  test('one filename rule per file, combined with union, in the .lrsmcol Lua shape', () => {
    const text = lightroomSmartCollection('Anna – order “A-1”', ['IMG_10.CR3', 'IMG_1.CR3', 'IMG_1.JPG', 'Wedding 001.jpg'], {
      id: 'd7b14054-ae5e-4fc8-8e16-fc0eaa9b9581',
    });
    expect(text).toBe(
      [
        's = {',
        '\tid = "D7B14054-AE5E-4FC8-8E16-FC0EAA9B9581",',
        '\tinternalName = "Anna – order “A-1”",',
        '\ttitle = "Anna – order “A-1”",',
        '\ttype = "LibrarySmartCollection",',
        '\tvalue = {',
        ...['IMG_1.CR3', 'IMG_1.JPG', 'IMG_10.CR3'].flatMap((n) => [
          '\t\t{',
          '\t\t\tcriteria = "filename",',
          '\t\t\toperation = "any",',
          `\t\t\tvalue = "${n}",`,
          '\t\t\tvalue2 = "",',
          '\t\t},',
        ]),
        '\t\t{',
        '\t\t\tcriteria = "filename",',
        '\t\t\toperation = "all",',
        '\t\t\tvalue = "Wedding 001.jpg",',
        '\t\t\tvalue2 = "",',
        '\t\t},',
        '\t\tcombine = "union",',
        '\t},',
        '\tversion = 0,',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('exact match uses operation "=="; Lua strings are escaped', () => {
    const text = lightroomSmartCollection('Say "hi"\\\n', ['a"b.CR3'], { id: 'x', match: 'exact' });
    expect(text).toContain('\ttitle = "Say \\"hi\\"\\\\",');
    expect(text).toContain('\t\t\toperation = "==",\n\t\t\tvalue = "a\\"b.CR3",');
    expect(() => lightroomSmartCollection('t', [])).toThrow('at least one file name');
  });

  test('a fresh upper-case UUID by default; a safe file name', () => {
    expect(lightroomSmartCollection('t', ['a.CR3'])).toMatch(/\tid = "[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}",/);
    expect(smartCollectionFileName('Anna: picks / 2026?')).toBe('Anna picks 2026.lrsmcol');
  });
});
