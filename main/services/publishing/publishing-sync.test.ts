// A shoot published from a real catalog to the real hosted API (child process on loopback):
// the gallery gets its slug and one-time code, the client's activity comes back into the
// client page's read model, each new order is announced once, and the later actions
// (unpublish, new code, new expiry) reach the server.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiClient } from '../sync/api-client';
import { type ServerProcess, startServerProcess } from '../sync/test-support/server-process';
import { untilDrained } from '../sync/test-support/studio-fixture';
import { openPublishingStudio, pairNewStudio, publishInputFor } from './test-support/publishing-studio';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(async () => {
  await server?.dispose();
});

async function publishedStudio() {
  const studio = await openPublishingStudio(server.url);
  await pairNewStudio(studio, server);
  const { galleryId, done } = studio.publishing.publish(publishInputFor(studio, 'Nowak wedding'));
  await done;
  await untilDrained(studio);
  return { studio, publishing: studio.publishing, galleryId, photoIds: studio.photoIds, notices: studio.notices, changes: studio.changes };
}

async function clientOf(slug: string, code: string) {
  const api = createApiClient(fetch, server.url);
  const access = await api.request('POST', `/v1/galleries/${slug}/access`, { json: { code } });
  expect(access.status).toBe(200);
  const token = (access.body as { token: string }).token;
  return (method: string, p: string, json?: unknown) => api.request(method, p, { token, json });
}

it('publishes, then shows the client’s views, hearts, basket and order, and announces the order once', async () => {
  const { studio, publishing, galleryId, photoIds, notices, changes } = await publishedStudio();
  const published = publishing.get(galleryId);
  expect(published).toMatchObject({ state: 'published', problem: null, firstViewedAt: null, viewCount: 0 });
  expect(published.link).toMatch(new RegExp(`^${server.url}/g/[\\w-]+$`));
  expect(published.accessCode).toEqual(expect.any(String));
  expect(published.upload).toEqual({ pendingChanges: 0, sentBytes: published.upload.totalBytes, totalBytes: expect.any(Number) });
  expect(changes).toContain(`upload:${galleryId}`);
  expect(server.count("SELECT count(*) FROM galleries WHERE id = ? AND status = 'published'", galleryId)).toBe(1);
  expect(server.count('SELECT count(*) FROM gallery_photos WHERE gallery_id = ?', galleryId)).toBe(photoIds.length);

  const slug = published.link?.split('/').pop() as string;
  const client = await clientOf(slug, published.accessCode as string);
  const list = (await client('GET', '/v1/client/gallery')).body as { photos: { id: string; name: string }[] };
  const ids = list.photos.map((p) => p.id);
  for (const id of ids.slice(0, 3)) await client('PUT', `/v1/client/favourites/${id}`);
  for (const id of ids.slice(0, 5)) await client('PUT', `/v1/client/basket/${id}`);
  await studio.sync.syncNow();
  const basketBefore = publishing.get(galleryId).basket;
  expect(basketBefore).toHaveLength(5);
  expect(basketBefore.every((b) => b.thumb !== null)).toBe(true);
  const placed = await client('POST', '/v1/client/orders', {
    deliveryMethodId: 'web',
    photoIds: ids.slice(0, 5),
    contact: { name: 'Anna Nowak', email: 'anna@example.com', phone: null },
    note: 'Two prints for grandma too, please.',
  });
  expect(placed.status).toBe(201);

  await studio.sync.syncNow();
  const detail = publishing.get(galleryId);
  expect(detail.firstViewedAt).toEqual(expect.any(String));
  expect(detail.viewCount).toBe(1);
  expect(detail.favourites.map((f) => f.name)).toEqual(list.photos.slice(0, 3).map((p) => p.name));
  // The ordered photos left the basket with the order.
  expect(detail.basket).toEqual([]);
  expect(detail.orders).toEqual([
    expect.objectContaining({
      photoCount: 5,
      deliveryLabel: 'Web size',
      state: 'awaiting_validation',
      totalMinor: 5 * 1500,
      currency: 'PLN',
      note: 'Two prints for grandma too, please.',
      contactName: 'Anna Nowak',
    }),
  ]);
  expect(detail.orders[0]?.photos.map((p) => p.name)).toEqual(list.photos.slice(0, 5).map((p) => p.name));
  expect(detail.timeline.map((t) => t.type).reverse()).toEqual([
    'gallery.viewed',
    ...Array(3).fill('favourite.added'),
    ...Array(5).fill('basket.added'),
    // The photos leaving the basket with the order are not listed again: the order tells it.
    'order.placed',
  ]);
  expect(detail.timeline.find((t) => t.type === 'order.placed')?.orderNumber).toBe(detail.orders[0]?.number);
  expect(notices).toEqual([`New order ${detail.orders[0]?.number} from Anna Nowak: 5 photos in “Nowak wedding”.`]);
  const summary = studio.catalog.clients.list()[0];
  expect(summary).toMatchObject({ name: 'Anna Nowak', galleryCount: 1, notViewedCount: 0, orderCount: 1, basketCount: 0 });

  // Another sync, and a restart of the catalog's reader of unnotified orders: no second notice.
  await client('PUT', `/v1/client/favourites/${ids[4]}`);
  await studio.sync.syncNow();
  expect(notices).toHaveLength(1);
  expect(publishing.get(galleryId).favourites).toHaveLength(4);
});

it('unpublish, a new code and a new expiry reach the server; the old code stops working', async () => {
  const { studio, publishing, galleryId } = await publishedStudio();
  const first = publishing.get(galleryId);
  const slug = first.link?.split('/').pop() as string;

  publishing.unpublish(galleryId);
  await untilDrained(studio);
  expect(publishing.get(galleryId).state).toBe('unpublished');
  expect(server.count("SELECT count(*) FROM galleries WHERE id = ? AND status = 'unpublished'", galleryId)).toBe(1);

  publishing.republish(galleryId);
  publishing.regenerateCode(galleryId);
  const expiresAt = new Date(Date.now() + 14 * 86_400_000).toISOString();
  publishing.extendExpiry(galleryId, expiresAt);
  await untilDrained(studio);
  const after = publishing.get(galleryId);
  expect(after).toMatchObject({ state: 'published', expiresAt, link: first.link });
  expect(after.accessCode).not.toBe(first.accessCode);
  expect(server.count('SELECT count(*) FROM galleries WHERE id = ? AND expires_at = ?', galleryId, Date.parse(expiresAt))).toBe(1);

  const api = createApiClient(fetch, server.url);
  expect((await api.request('POST', `/v1/galleries/${slug}/access`, { json: { code: first.accessCode } })).status).toBe(401);
  await clientOf(slug, after.accessCode as string);
});
