import { describe, expect, test } from 'vitest';
import { csvField, plainList, selectionCsv } from './csv';
import { photo } from './test-support';

describe('plain list and CSV', () => {
  test('one name a line, natural order, each once', () => {
    expect(plainList([photo('IMG_10.CR3'), photo('IMG_2.CR3'), photo('IMG_2.CR3')])).toBe('IMG_2.CR3\nIMG_10.CR3\n');
    expect(plainList([])).toBe('');
  });

  test('RFC 4180 quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' lead')).toBe('" lead"');
  });

  test('exact CSV: BOM, header, CRLF, orders joined with "; "', () => {
    const csv = selectionCsv([
      photo('Ślub, 002.jpg', { photoId: 'p2', favourite: true, rating: 3, colorLabel: 'red' }),
      photo('IMG_1.CR3', { photoId: 'p1', orderNumbers: ['B-10', 'B-2'], inBasket: true }),
    ]);
    expect(csv).toBe(
      '\uFEFFname,stem,photo id,ordered in,favourite,in basket,rating,label\r\n' +
        'IMG_1.CR3,IMG_1,p1,B-2; B-10,no,yes,0,\r\n' +
        '"Ślub, 002.jpg","Ślub, 002",p2,,yes,no,3,Red\r\n',
    );
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
