import { describe, expect, it } from 'vitest';
import { catalogWithOnePhoto, TEST_GALLERY_SETTINGS } from './test-support';

const settings = TEST_GALLERY_SETTINGS;
const proof = { position: 0, name: 'a.jpg', proofSha256: 'a'.repeat(64), proofFile: '/p/a.jpg', proofBytes: 10, width: 4, height: 3 };

function withGallery() {
  const fixture = catalogWithOnePhoto();
  const { catalog, photo } = fixture;
  const client = catalog.clients.save({ name: 'Anna Nowak', email: ' anna@example.com ', phone: ' ', language: 'pl' });
  const gallery = catalog.galleries.create({
    id: 'g1',
    clientId: client.id,
    shootId: photo.shootId,
    title: 'Nowak',
    settings,
    deliveryMethods: [],
    watermarkText: '',
    photos: [{ ...proof, photoId: photo.id }],
  });
  return { ...fixture, client, gallery };
}

describe('clients and galleries', () => {
  it('stores a client tidied up, and corrects them in place', () => {
    const { catalog, client } = withGallery();
    expect(client).toMatchObject({ name: 'Anna Nowak', email: 'anna@example.com', phone: null, language: 'pl' });
    const corrected = catalog.clients.save({ ...client, email: 'anna.nowak@example.com' });
    expect(corrected).toMatchObject({ id: client.id, email: 'anna.nowak@example.com', createdAt: client.createdAt });
    expect(catalog.clients.list()).toEqual([
      expect.objectContaining({ id: client.id, galleryCount: 1, notViewedCount: 0, orderCount: 0, basketCount: 0, lastActivityAt: null }),
    ]);
    expect(() => catalog.clients.save({ ...client, email: 'nope' })).toThrow(/not an e-mail address/);
  });

  it('counts published galleries nobody opened, and activity from the change feed', () => {
    const { catalog, client, gallery } = withGallery();
    catalog.galleries.recordServerState(gallery.id, { slug: 's1', status: 'published', accessCode: 'ABCD-EFGH' });
    expect(catalog.clients.list()[0]).toMatchObject({ notViewedCount: 1 });
    catalog.activity.applyPage([{ seq: 1, type: 'gallery.viewed', galleryId: 'g1', at: '2025-06-01T11:00:00.000Z', payload: {} }], 1);
    catalog.activity.applyPage(
      [{ seq: 2, type: 'basket.added', galleryId: 'g1', at: '2025-06-01T11:01:00.000Z', payload: { photoId: 'x' } }],
      2,
    );
    expect(catalog.clients.list()[0]).toMatchObject({
      id: client.id,
      notViewedCount: 0,
      basketCount: 1,
      lastActivityAt: '2025-06-01T11:01:00.000Z',
    });
  });

  it('keeps the server’s slug and code; a later answer without a code keeps the one shown before', () => {
    const { catalog, gallery } = withGallery();
    expect(gallery).toMatchObject({ state: 'sending', slug: null, accessCode: null, photoCount: 1, publishedAt: null });
    catalog.galleries.recordServerState('g1', { slug: 's1', status: 'draft', accessCode: 'ABCD-EFGH' });
    expect(catalog.galleries.get('g1')).toMatchObject({ state: 'sending', slug: 's1', accessCode: 'ABCD-EFGH' });
    const published = catalog.galleries.recordServerState('g1', { slug: 's1', status: 'published', accessCode: null });
    expect(published).toMatchObject({ state: 'published', accessCode: 'ABCD-EFGH', publishedAt: expect.any(String) });
    // Cancelled locally: a late answer does not bring it back.
    catalog.galleries.setState('g1', 'cancelled');
    expect(catalog.galleries.recordServerState('g1', { slug: 's1', status: 'published', accessCode: null })?.state).toBe('cancelled');
  });

  it('a photo in a gallery is never deleted: not on its own, and not when its shoot is removed', () => {
    const { catalog, photo } = withGallery();
    expect(() => catalog.photos.remove(photo.id)).toThrow(/in a client gallery/);
    catalog.shoots.remove(photo.shootId as string);
    expect(catalog.photos.get(photo.id)).toMatchObject({ shootId: null, status: 'missing' });
    expect(catalog.galleries.get('g1')).toMatchObject({ shootId: null, photoCount: 1 });
  });

  it('refuses an empty gallery and writes nothing of it', () => {
    const { catalog, client } = withGallery();
    expect(() =>
      catalog.galleries.create({
        id: 'g2',
        clientId: client.id,
        shootId: null,
        title: 'E',
        settings,
        deliveryMethods: [],
        watermarkText: '',
        photos: [],
      }),
    ).toThrow(/at least one photo/);
    expect(catalog.galleries.get('g2')).toBeNull();
  });
});
