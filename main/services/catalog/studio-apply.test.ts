// Other studio devices' changes from the feed, applied to this catalog (studio-apply.ts).
import { describe, expect, it } from 'vitest';
import type { FeedChange } from './activity-rows';
import { catalogWithOnePhoto, TEST_GALLERY_SETTINGS } from './test-support';

const settings = TEST_GALLERY_SETTINGS;
const client = { id: 'c1', name: 'Anna Nowak', email: 'anna@example.com', phone: null, language: 'pl' as const };
const imac = { deviceId: 'dev-imac', deviceName: 'Studio iMac' };
const laptop = { deviceId: 'dev-laptop', deviceName: 'Studio laptop' };

let seq = 0;
function galleryChange(action: string, status: string, by = imac, extra: Partial<{ title: string; photoIds: string[] }> = {}): FeedChange {
  seq += 1;
  return {
    seq,
    type: 'gallery.updated',
    galleryId: 'g1',
    at: `2025-06-01T12:00:${String(seq).padStart(2, '0')}.000Z`,
    payload: {
      action,
      by,
      gallery: {
        id: 'g1',
        slug: 'nowak-x1',
        status,
        title: extra.title ?? 'Nowak wedding',
        client,
        settings,
        deliveryMethods: [],
        photos: (extra.photoIds ?? ['p1', 'p2']).map((id) => ({ id, name: `${id}.jpg`, proofSha256: 'b'.repeat(64), width: 3, height: 2 })),
      },
    },
  };
}

function paired() {
  const fixture = catalogWithOnePhoto();
  fixture.catalog.syncState.bindServer('http://127.0.0.1:4810', laptop.deviceId);
  return fixture;
}
const apply = (catalog: ReturnType<typeof paired>['catalog'], ...changes: FeedChange[]) => catalog.activity.applyPage(changes, seq);

describe('changes of other studio devices', () => {
  it('a gallery published on another laptop appears here with its client and photos, and the user is told', () => {
    const { catalog } = paired();
    const page = apply(catalog, galleryChange('saved', 'draft'), galleryChange('published', 'published'));
    expect(page.remarks).toEqual(['“Nowak wedding” was added on Studio iMac.', '“Nowak wedding” was published on Studio iMac.']);
    expect(page.touched).toEqual([{ kind: 'galleries', galleryId: 'g1' }]);
    expect(catalog.clients.get('c1')).toMatchObject({ name: 'Anna Nowak', email: 'anna@example.com' });
    expect(catalog.galleries.get('g1')).toMatchObject({
      state: 'published',
      slug: 'nowak-x1',
      shootId: null,
      accessCode: null,
      photoCount: 2,
    });
    expect(catalog.galleries.photos('g1').map((p) => [p.photoId, p.proofFile, p.proofBytes])).toEqual([
      ['p1', '', 0],
      ['p2', '', 0],
    ]);
    // The log keeps who and what, not the whole photo list.
    expect(catalog.activity.timeline('g1')[0]?.payload).toEqual({ action: 'published', by: imac });
  });

  it('this laptop’s own changes come back without remarks, and a local change still queued wins until it is sent', () => {
    const { catalog } = paired();
    catalog.clients.save(client);
    catalog.galleries.create({
      id: 'g1',
      clientId: 'c1',
      shootId: null,
      title: 'Nowak wedding',
      settings,
      deliveryMethods: [],
      watermarkText: '',
      photos: [
        {
          photoId: 'p1',
          position: 0,
          name: 'p1.jpg',
          proofSha256: 'b'.repeat(64),
          proofFile: '/proofs/p1.jpg',
          proofBytes: 9,
          width: 3,
          height: 2,
        },
      ],
    });
    catalog.galleries.recordServerState('g1', { slug: 'nowak-x1', status: 'published', accessCode: 'MINE-CODE' });
    expect(apply(catalog, galleryChange('published', 'published', laptop, { photoIds: ['p1'] })).remarks).toEqual([]);
    expect(catalog.galleries.photos('g1')[0]).toMatchObject({ proofFile: '/proofs/p1.jpg', proofBytes: 9 });

    catalog.transaction(() => {
      catalog.outbox.enqueue({ method: 'POST', path: '/v1/galleries/g1/unpublish', body: {}, label: 'Unpublish', topic: 'gallery:g1' });
      catalog.galleries.setState('g1', 'unpublished');
    });
    apply(catalog, galleryChange('saved', 'published', imac, { title: 'Renamed elsewhere' }));
    expect(catalog.galleries.get('g1')).toMatchObject({ state: 'unpublished', title: 'Nowak wedding' });

    catalog.outbox.markDone(catalog.outbox.head()?.seq as number, null);
    const page = apply(catalog, galleryChange('code_regenerated', 'unpublished', imac, { title: 'Renamed elsewhere' }));
    expect(page.remarks).toEqual(['A new access code for “Renamed elsewhere” was made on Studio iMac; the old one no longer works.']);
    expect(catalog.galleries.get('g1')).toMatchObject({ state: 'unpublished', title: 'Renamed elsewhere', accessCode: null });
  });

  it('flags land on this computer’s photo, or in the remote flags of a photo it does not hold; a queued local flag wins', () => {
    const { catalog, photo } = paired();
    const flagged = (photoId: string, rating: number, by = imac): FeedChange => {
      seq += 1;
      return {
        seq,
        type: 'photo.flagged',
        galleryId: 'g1',
        at: '2025-06-01T13:00:00.000Z',
        payload: { photoId, rating, pick: 'pick', colorLabel: 'red', by },
      };
    };
    expect(apply(catalog, flagged(photo.id, 4), flagged('elsewhere', 2)).touched).toEqual([{ kind: 'flags', galleryId: 'g1' }]);
    expect(catalog.flags.get(photo.id)).toMatchObject({ rating: 4, pick: 'pick', colorLabel: 'red' });

    catalog.transaction(() => {
      catalog.flags.setRating(photo.id, 1);
      catalog.outbox.enqueue({
        method: 'PUT',
        path: `/v1/galleries/g1/photos/${photo.id}/flags`,
        body: {},
        label: 'Flags',
        topic: `flags:${photo.id}`,
      });
    });
    apply(catalog, flagged(photo.id, 5));
    expect(catalog.flags.get(photo.id).rating).toBe(1);

    const remote = catalog.activity.timeline('g1').filter((e) => e.type === 'photo.flagged');
    expect(remote).toHaveLength(3);
  });

  it('a client corrected on another laptop is corrected here', () => {
    const { catalog } = paired();
    catalog.clients.save(client);
    seq += 1;
    const page = apply(catalog, {
      seq,
      type: 'client.updated',
      galleryId: '',
      at: '2025-06-01T14:00:00.000Z',
      payload: { client: { ...client, email: 'anna.nowak@example.com' }, by: imac },
    });
    expect(page.touched).toEqual([{ kind: 'clients', galleryId: '' }]);
    expect(catalog.clients.get('c1')?.email).toBe('anna.nowak@example.com');
  });
});
