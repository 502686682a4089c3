import { describe, expect, it } from 'vitest';
import { hashOf, parseRoute, slugOf } from './route';

describe('gallery page addresses', () => {
  it('round-trips the order page through the hash', () => {
    const route = parseRoute('#order=ord_01J9');
    expect(route).toEqual({ kind: 'order', orderId: 'ord_01J9' });
    expect(hashOf(route)).toBe('#order=ord_01J9');
    expect(parseRoute('#checkout')).toEqual({ kind: 'checkout' });
  });

  it('falls back to the gallery for anything else', () => {
    for (const hash of ['', '#', '#order=', '#order=a/b', '#something']) expect(parseRoute(hash)).toEqual({ kind: 'gallery' });
  });

  it('reads the slug from /g/<slug>', () => {
    expect(slugOf('/g/ania-i-tomek')).toBe('ania-i-tomek');
    expect(slugOf('/g/ania-i-tomek/')).toBe('ania-i-tomek');
    expect(slugOf('/g/')).toBeNull();
    expect(slugOf('/g/Bad_Slug')).toBeNull();
  });
});
