import { describe, expect, it } from 'vitest';
import { compareSize, sameAspect } from './diff-geometry';

const s = (width: number, height: number) => ({ width, height });

describe('sameAspect', () => {
  it('accepts the same picture at another size, with the rounding editors do', () => {
    expect(sameAspect(s(6000, 4000), s(6000, 4000))).toBe(true);
    expect(sameAspect(s(6000, 4000), s(3000, 2000))).toBe(true);
    expect(sameAspect(s(4608, 3072), s(2304, 1536))).toBe(true);
    expect(sameAspect(s(6001, 4001), s(1500, 1000))).toBe(true);
    expect(sameAspect(s(5184, 3456), s(2048, 1365))).toBe(true);
    expect(sameAspect(s(2448, 3264), s(1536, 2048))).toBe(true);
    expect(sameAspect(s(3000, 2000), s(6000, 4000))).toBe(true);
  });

  it('calls a crop of 2 px or more, or a turn, another shape', () => {
    expect(sameAspect(s(6000, 4000), s(6000, 3998))).toBe(false);
    expect(sameAspect(s(6000, 4000), s(5600, 4000))).toBe(false);
    expect(sameAspect(s(6000, 4000), s(3000, 1990))).toBe(false);
    expect(sameAspect(s(6000, 4000), s(4000, 6000))).toBe(false);
    expect(sameAspect(s(6000, 4000), s(4000, 4000))).toBe(false);
  });
});

describe('compareSize', () => {
  it('is the smaller of the two', () => {
    expect(compareSize(s(6000, 4000), s(3000, 2000))).toEqual(s(3000, 2000));
    expect(compareSize(s(3000, 2000), s(6000, 4000))).toEqual(s(3000, 2000));
    expect(compareSize(s(6000, 4000), s(6000, 4000))).toEqual(s(6000, 4000));
  });
});
