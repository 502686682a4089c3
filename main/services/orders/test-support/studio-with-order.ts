// A studio laptop against the real server with a client's order in its catalog: published,
// ordered by the client through the API, pulled in by a sync. For the order and delivery tests.
import { expect } from 'vitest';
import type { PublishInput } from '../../../../shared/schemas/galleries';
import { openPublishingStudio, pairNewStudio, publishInputFor } from '../../publishing/test-support/publishing-studio';
import { createApiClient } from '../../sync/api-client';
import type { ServerProcess } from '../../sync/test-support/server-process';
import { untilDrained } from '../../sync/test-support/studio-fixture';
import { createOrdersService } from '../orders-service';

/** A paired studio laptop with a published gallery and one client order (4 photos) synced in. */
export async function studioWithOrder(server: ServerProcess, settings: Partial<PublishInput['settings']> = {}) {
  const studio = await openPublishingStudio(server.url);
  await pairNewStudio(studio, server);
  const base = publishInputFor(studio, 'Nowak wedding');
  const published = studio.publishing.publish({ ...base, settings: { ...base.settings, ...settings } });
  await published.done;
  await untilDrained(studio);
  const gallery = studio.publishing.get(published.galleryId);
  const api = createApiClient(fetch, server.url);
  const access = await api.request('POST', `/v1/galleries/${gallery.link?.split('/').pop()}/access`, {
    json: { code: gallery.accessCode },
  });
  const token = (access.body as { token: string }).token;
  const list = (await api.request('GET', '/v1/client/gallery', { token })).body as { photos: { id: string }[] };
  const placed = await api.request('POST', '/v1/client/orders', {
    token,
    json: {
      deliveryMethodId: 'web',
      photoIds: list.photos.slice(0, 4).map((p) => p.id),
      contact: { name: 'Anna Nowak', email: 'anna@exmaple.com', phone: null },
      note: '',
    },
  });
  expect(placed.status).toBe(201);
  await studio.sync.syncNow();
  const orders = createOrdersService({ catalog: studio.catalog, deviceName: () => 'Studio laptop' });
  return { studio, orders, orderId: (placed.body as { id: string }).id, galleryId: published.galleryId, api, token };
}
