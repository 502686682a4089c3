import { describe, expect, test } from 'vitest';
import { buildSelection } from './build-selection';
import { photo } from './test-support';

const photos = [
  photo('IMG_10.CR3', { orderNumbers: ['A-2'], favourite: true }),
  photo('IMG_2.CR3', { inBasket: true }),
  photo('IMG_1.CR3', { orderNumbers: ['A-1'] }),
  // the same photo again, as a second order lists it
  photo('IMG_1.CR3', { orderNumbers: ['A-3'], files: [{ path: '/shoot/IMG_1.JPG', role: 'jpeg' }] }),
];

describe('buildSelection', () => {
  test('orders: every photo of any order, once, with all its order numbers, in natural order', () => {
    const s = buildSelection(photos, 'orders');
    expect(s.names).toEqual(['IMG_1.CR3', 'IMG_10.CR3']);
    expect(s.stems).toEqual(['IMG_1', 'IMG_10']);
    expect(s.photos[0]?.orderNumbers).toEqual(['A-1', 'A-3']);
    expect(s.photos[0]?.files.map((f) => f.path)).toEqual(['/shoot/IMG_1.CR3', '/shoot/IMG_1.JPG']);
    expect(s.empty).toBeNull();
  });

  test('favourites and basket', () => {
    expect(buildSelection(photos, 'favourites').names).toEqual(['IMG_10.CR3']);
    expect(buildSelection(photos, 'basket').names).toEqual(['IMG_2.CR3']);
  });

  test('an empty source says so in a sentence', () => {
    expect(buildSelection([photo('IMG_1.CR3')], 'basket').empty).toBe("The client's basket is empty right now.");
  });
});
