import { describe, expect, it } from 'vitest';
import { catalogWithOnePhoto } from './test-support';

const setup = catalogWithOnePhoto;

describe('variants repository', () => {
  it('upserts one variant per photo and kind, replacing it when remade', () => {
    const { clock, catalog, photo } = setup();
    const thumb = {
      photoId: photo.id,
      kind: 'thumb' as const,
      contentHash: 'h1',
      relPath: 'ab/a-thumb.webp',
      width: 400,
      height: 300,
      bytes: 12_000,
    };
    catalog.variants.upsert(thumb);
    clock.advance(5000);
    catalog.variants.upsert({ ...thumb, contentHash: 'h2', bytes: 13_000 });
    catalog.variants.upsert({ ...thumb, kind: 'web', relPath: 'ab/a-web.jpg', width: 2048, height: 1536 });
    expect(catalog.variants.get(photo.id, 'thumb')).toEqual({
      ...thumb,
      contentHash: 'h2',
      bytes: 13_000,
      madeAt: '2025-06-01T10:00:05.000Z',
    });
    expect(catalog.variants.get(photo.id, 'web')?.width).toBe(2048);
    catalog.close();
  });

  it('refuses paths outside the cache, bad sizes and unknown photos', () => {
    const { catalog, photo } = setup();
    const base = { photoId: photo.id, kind: 'thumb' as const, contentHash: 'h', relPath: 'a.webp', width: 1, height: 1, bytes: 1 };
    for (const relPath of ['/abs/a.webp', '../a.webp', 'x/../../a.webp', '']) {
      expect(() => catalog.variants.upsert({ ...base, relPath })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    }
    expect(() => catalog.variants.upsert({ ...base, width: 0 })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => catalog.variants.upsert({ ...base, photoId: 'nope' })).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(catalog.variants.get(photo.id, 'thumb')).toBeNull();
    catalog.close();
  });
});
