import { describe, expect, it } from 'vitest';
import { catalogWithOnePhoto } from './test-support';
import type { ColorLabel, PickState } from './types';

const setup = catalogWithOnePhoto;

describe('flags repository', () => {
  it('sets rating, pick and label independently and stamps the change time', () => {
    const { clock, catalog, photo } = setup();
    expect(catalog.flags.get(photo.id)).toEqual({ photoId: photo.id, rating: 0, pick: 'none', colorLabel: null, updatedAt: '' });
    catalog.flags.setRating(photo.id, 5);
    clock.advance(1000);
    catalog.flags.setPick(photo.id, 'pick');
    const flags = catalog.flags.setLabel(photo.id, 'purple');
    expect(flags).toEqual({ photoId: photo.id, rating: 5, pick: 'pick', colorLabel: 'purple', updatedAt: '2025-06-01T10:00:01.000Z' });
    catalog.close();
  });

  it('rejects values outside the allowed sets and leaves the flags as they were', () => {
    const { catalog, photo } = setup();
    catalog.flags.setRating(photo.id, 2);
    for (const bad of [-1, 6, 2.5, Number.NaN]) {
      expect(() => catalog.flags.setRating(photo.id, bad)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    }
    expect(() => catalog.flags.setPick(photo.id, 'maybe' as PickState)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => catalog.flags.setLabel(photo.id, 'orange' as ColorLabel)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => catalog.flags.setRating('nope', 1)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(catalog.flags.get(photo.id)).toMatchObject({ rating: 2, pick: 'none', colorLabel: null });
    catalog.close();
  });

  it('protects a flagged photo from deletion until every flag is cleared', () => {
    const { catalog, photo } = setup();
    catalog.flags.setRating(photo.id, 1);
    catalog.flags.setLabel(photo.id, 'red');
    catalog.flags.setRating(photo.id, 0);
    expect(() => catalog.photos.remove(photo.id)).toThrow(expect.objectContaining({ code: 'conflict' }));
    catalog.flags.setLabel(photo.id, null);
    catalog.photos.remove(photo.id);
    expect(catalog.photos.get(photo.id)).toBeNull();
    catalog.close();
  });
});
