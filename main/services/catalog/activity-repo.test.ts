import { describe, expect, it } from 'vitest';
import type { FeedChange } from './activity-rows';
import { openCatalog } from './open-catalog';
import { manualClock, tempDir } from './test-support';

const order = { id: 'o1', number: 'PD-1', galleryId: 'g1', state: 'placed', placedAt: '2025-06-02T12:00:00.000Z', photoIds: ['p1', 'p2'] };
const page: FeedChange[] = [
  { seq: 1, type: 'gallery.viewed', galleryId: 'g1', at: '2025-06-02T10:00:00.000Z', payload: {} },
  { seq: 2, type: 'favourite.added', galleryId: 'g1', at: '2025-06-02T10:01:00.000Z', payload: { photoId: 'p1' } },
  { seq: 3, type: 'favourite.added', galleryId: 'g1', at: '2025-06-02T10:02:00.000Z', payload: { photoId: 'p2' } },
  { seq: 4, type: 'favourite.removed', galleryId: 'g1', at: '2025-06-02T10:03:00.000Z', payload: { photoId: 'p1' } },
  { seq: 5, type: 'basket.added', galleryId: 'g1', at: '2025-06-02T10:04:00.000Z', payload: { photoId: 'p2' } },
  { seq: 6, type: 'gallery.viewed', galleryId: 'g1', at: '2025-06-02T11:00:00.000Z', payload: {} },
  { seq: 7, type: 'order.placed', galleryId: 'g1', at: '2025-06-02T12:00:00.000Z', payload: { order } },
  { seq: 8, type: 'retouch.claimed', galleryId: 'g2', at: '2025-06-02T12:05:00.000Z', payload: { photoId: 'p9' } },
];

describe('activity repo', () => {
  it('applies a page and the cursor together; applying it again changes nothing', () => {
    const catalog = openCatalog(tempDir(), manualClock());
    const first = catalog.activity.applyPage(page, 8);
    expect(first.applied).toBe(8);
    expect(first.touched).toEqual([
      { kind: 'views', galleryId: 'g1' },
      { kind: 'favourites', galleryId: 'g1' },
      { kind: 'basket', galleryId: 'g1' },
      { kind: 'orders', galleryId: 'g1' },
      { kind: 'other', galleryId: 'g2' },
    ]);
    const snapshot = () => ({
      views: catalog.activity.views('g1'),
      favourites: catalog.activity.favourites('g1'),
      basket: catalog.activity.basket('g1'),
      orders: catalog.activity.orders('g1'),
      timeline: catalog.activity.timeline('g1').map((e) => e.seq),
      cursor: catalog.syncState.get().cursor,
    });
    const before = snapshot();
    expect(before).toEqual({
      views: { galleryId: 'g1', firstViewedAt: '2025-06-02T10:00:00.000Z', lastViewedAt: '2025-06-02T11:00:00.000Z', viewCount: 2 },
      favourites: [{ photoId: 'p2', addedAt: '2025-06-02T10:02:00.000Z' }],
      basket: [{ photoId: 'p2', addedAt: '2025-06-02T10:04:00.000Z' }],
      orders: [expect.objectContaining({ id: 'o1', state: 'placed', placedAt: order.placedAt, data: order })],
      timeline: [7, 6, 5, 4, 3, 2, 1],
      cursor: 8,
    });
    expect(catalog.activity.applyPage(page, 8)).toEqual({ applied: 0, skipped: 8, touched: [], remarks: [] });
    expect(snapshot()).toEqual(before);
    expect(catalog.activity.timeline('g2')[0]).toMatchObject({ type: 'retouch.claimed', photoId: 'p9' });
  });

  it('counts a change once even when the cursor does not protect it (the seq log does)', () => {
    const catalog = openCatalog(tempDir(), manualClock());
    // A cursor of 0 leaves every seq "after the cursor": only the client_activity log can tell.
    catalog.activity.applyPage(page, 0);
    expect(catalog.activity.applyPage(page, 0)).toMatchObject({ applied: 0, skipped: 8 });
    expect(catalog.activity.views('g1')?.viewCount).toBe(2);
  });

  it('rolls the whole page back, cursor included, when one change cannot be applied', () => {
    const catalog = openCatalog(tempDir(), manualClock());
    const bad = [page[0], { ...page[1], at: undefined }] as unknown as FeedChange[];
    expect(() => catalog.activity.applyPage(bad, 2)).toThrow();
    expect(catalog.activity.views('g1')).toBeNull();
    expect(catalog.syncState.get().cursor).toBe(0);
  });

  it('an order update replaces the stored order; a new server clears the mirror and restarts the feed', () => {
    const catalog = openCatalog(tempDir(), manualClock());
    catalog.syncState.bindServer('http://one');
    catalog.activity.applyPage(page, 8);
    const paid = { ...order, state: 'paid' };
    catalog.activity.applyPage([{ seq: 9, type: 'order.updated', galleryId: 'g1', at: '2025-06-03T09:00:00.000Z', payload: paid }], 9);
    expect(catalog.activity.order('o1')).toMatchObject({ state: 'paid', placedAt: order.placedAt });
    catalog.syncState.bindServer('http://two');
    expect(catalog.syncState.get()).toMatchObject({ serverUrl: 'http://two', cursor: 0 });
    expect(catalog.activity.orders('g1')).toEqual([]);
    expect(catalog.activity.timeline('g1')).toEqual([]);
  });

  it('a download is kept with its order, newest first, and names the order in the timeline', () => {
    const catalog = openCatalog(tempDir(), manualClock());
    catalog.activity.applyPage(page, 8);
    const delivered = { ...order, state: 'delivered', delivery: { files: [], link: 'x', linkExpiresAt: null, downloads: [] } };
    catalog.activity.applyPage(
      [{ seq: 9, type: 'order.updated', galleryId: 'g1', at: '2025-06-03T09:00:00.000Z', payload: { order: delivered } }],
      9,
    );
    const downloaded = (seq: number, what: string) => ({
      seq,
      type: 'order.downloaded',
      galleryId: 'g1',
      at: `2025-06-03T10:0${seq - 10}:00.000Z`,
      payload: { orderId: 'o1', what },
    });
    const applied = catalog.activity.applyPage([downloaded(10, 'zip:full'), downloaded(11, 'IMG_1.jpg')], 11);
    expect(applied.touched).toEqual([{ kind: 'orders', galleryId: 'g1' }]);
    expect((catalog.activity.order('o1')?.data.delivery as { downloads: unknown[] } | undefined)?.downloads).toEqual([
      { at: '2025-06-03T10:01:00.000Z', what: 'IMG_1.jpg' },
      { at: '2025-06-03T10:00:00.000Z', what: 'zip:full' },
    ]);
    expect(catalog.activity.timeline('g1')[0]).toMatchObject({ type: 'order.downloaded', orderId: 'o1' });
  });
});
