import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range';
import { attachment } from './content-disposition';

describe('attachment (Content-Disposition)', () => {
  it('gives browsers the UTF-8 name (RFC 5987) and others an ASCII one', () => {
    expect(attachment('IMG_0412.jpg')).toBe(`attachment; filename="IMG_0412.jpg"; filename*=UTF-8''IMG_0412.jpg`);
    expect(attachment('Żółć ślub (1).jpg')).toBe(
      `attachment; filename="Zo_c slub (1).jpg"; filename*=UTF-8''%C5%BB%C3%B3%C5%82%C4%87%20%C5%9Blub%20%281%29.jpg`,
    );
  });

  it('never lets a quote, a backslash, a line break or a folder through', () => {
    const header = attachment('a"b\\c/d\r\ne%.jpg');
    expect(header).toBe(`attachment; filename="a_b_c_de_.jpg"; filename*=UTF-8''a%22b_c_de%25.jpg`);
    expect(header).not.toMatch(/[\r\n]/);
  });
});

describe('parseByteRange', () => {
  it('reads the three forms of one range', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseByteRange('bytes=900-', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(parseByteRange('bytes=500-5000', 1000)).toEqual({ kind: 'partial', start: 500, end: 999 });
  });

  it('answers the whole file for no range, several ranges or nonsense, and unsatisfiable past the end', () => {
    expect(parseByteRange(undefined, 1000)).toEqual({ kind: 'whole' });
    expect(parseByteRange('bytes=0-1,5-9', 1000)).toEqual({ kind: 'whole' });
    expect(parseByteRange('items=0-1', 1000)).toEqual({ kind: 'whole' });
    expect(parseByteRange('bytes=9-3', 1000)).toEqual({ kind: 'whole' });
    expect(parseByteRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
  });
});
