import { describe, expect, test } from 'vitest';
import { baseName, extensionOf, naturalCompare, stemOf, uniqueNatural } from './names';

describe('names', () => {
  test('stem and extension', () => {
    expect(stemOf('IMG_0412.CR3')).toBe('IMG_0412');
    expect(stemOf('IMG_0412.CR3.xmp')).toBe('IMG_0412.CR3');
    expect(stemOf('.hidden')).toBe('.hidden');
    expect(stemOf('README')).toBe('README');
    expect(extensionOf('IMG_0412.CR3')).toBe('.CR3');
    expect(baseName('C:\\Shoots\\Anna\\IMG_1.NEF')).toBe('IMG_1.NEF');
    expect(baseName('/shoots/anna/IMG_1.NEF')).toBe('IMG_1.NEF');
  });

  test('natural order: IMG_2 before IMG_10, case-insensitive de-duplication keeps the first spelling', () => {
    expect(['IMG_10', 'IMG_2', 'IMG_1'].sort(naturalCompare)).toEqual(['IMG_1', 'IMG_2', 'IMG_10']);
    expect(uniqueNatural(['IMG_10', 'img_2', 'IMG_2', 'IMG_1', 'IMG_10'])).toEqual(['IMG_1', 'img_2', 'IMG_10']);
  });
});
