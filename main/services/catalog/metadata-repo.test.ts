import { describe, expect, it } from 'vitest';
import type { PhotoMetadata } from './metadata-repo';
import { catalogWithOnePhoto } from './test-support';

const sample: PhotoMetadata = {
  cameraMake: 'Canon',
  cameraModel: 'EOS R5',
  lens: 'RF 85mm F1.2L',
  exposureTime: 1 / 250,
  aperture: 1.8,
  iso: 400,
  focalLength: 85,
  gpsLat: 52.2297,
  gpsLon: 21.0122,
  copyright: '© Anna Nowak',
  creator: 'Anna Nowak',
  keywords: ['wedding', 'ślub'],
  embeddedRating: 3,
  embeddedLabel: 'Red',
};

describe('metadata repository', () => {
  it('stores, reads back and replaces a photo’s metadata, keywords included', () => {
    const { catalog, photo } = catalogWithOnePhoto();
    expect(catalog.metadata.get(photo.id)).toBeNull();
    catalog.metadata.upsert(photo.id, sample);
    expect(catalog.metadata.get(photo.id)).toEqual(sample);
    catalog.metadata.upsert(photo.id, { ...sample, keywords: [], lens: null });
    expect(catalog.metadata.get(photo.id)).toMatchObject({ keywords: [], lens: null, cameraModel: 'EOS R5' });
    catalog.close();
  });

  it('refuses an impossible GPS position and an unknown photo', () => {
    const { catalog, photo } = catalogWithOnePhoto();
    expect(() => catalog.metadata.upsert(photo.id, { ...sample, gpsLat: 123 })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => catalog.metadata.upsert('nope', sample)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(catalog.metadata.get(photo.id)).toBeNull();
    catalog.close();
  });
});
