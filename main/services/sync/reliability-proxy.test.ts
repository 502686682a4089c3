// Design §4 / issue 5 point 7: a network that drops every third request (closing the socket,
// half of them after the server already applied the change) still converges, and every
// change is applied exactly once — counted in the server's own database.
import { expect, it } from 'vitest';
import { createApiClient } from './api-client';
import { readCredentials } from './device-credentials';
import { serverBehindProxy } from './test-support/server-behind-proxy';
import { createStudio } from './test-support/server-process';
import { openStudio, queuePublish, untilDrained } from './test-support/studio-fixture';

const net = serverBehindProxy();

it('converges through a proxy that drops every third request, each change applied exactly once', async () => {
  const delivered: Record<string, unknown> = {};
  const studio = openStudio(net.proxy.url, {
    pageSize: 3,
    onDelivered: (item, response) => {
      delivered[item.label] = response;
    },
  });
  net.options.dropEvery = 0;
  await studio.sync.pair(net.proxy.url, await createStudio(net.server), 'Studio laptop');
  const credentials = await readCredentials(studio.secrets);
  const codes = () => net.server.count('SELECT count(*) FROM pairing_codes WHERE studio_id = ?', credentials?.studio.id);
  const codesBefore = codes();
  net.options.dropEvery = 3;

  // 30 non-idempotent POSTs (each makes a new row unless the key dedupes it) around a publish
  // with a 14-chunk upload: every kind of request meets dropped sockets.
  for (let i = 0; i < 15; i += 1) studio.catalog.outbox.enqueue({ method: 'POST', path: '/v1/pairing-codes', label: `Code ${i}` });
  const { sha256 } = queuePublish(studio.catalog, 'gal-flaky', 4);
  for (let i = 15; i < 30; i += 1) studio.catalog.outbox.enqueue({ method: 'POST', path: '/v1/pairing-codes', label: `Code ${i}` });
  await untilDrained(studio, 30_000);

  expect(net.proxy.dropped).toBeGreaterThanOrEqual(10);
  expect(studio.catalog.outbox.list('rejected')).toEqual([]);
  expect(codes() - codesBefore).toBe(30);
  expect(net.server.count("SELECT count(*) FROM uploads WHERE sha256 = ? AND state = 'complete'", sha256)).toBe(1);
  expect(net.server.count("SELECT count(*) FROM galleries WHERE id = 'gal-flaky' AND status = 'published'")).toBe(1);
  // Each row's answer is the server's (a replay when the first answer was lost), in queue order.
  const answers = studio.catalog.outbox.list('done', 100).filter((r) => r.label.startsWith('Code '));
  expect(answers.map((r) => r.label)).toEqual(Array.from({ length: 30 }, (_, i) => `Code ${i}`));
  expect(new Set(answers.map((r) => (r.response as { code: string }).code)).size).toBe(30);

  // The client acts (directly, not through the proxy); the studio pulls in pages of 3 through it.
  const { slug, accessCode } = delivered['Gallery “Nowak wedding”'] as { slug: string; accessCode: string };
  const api = createApiClient(fetch, net.server.url);
  const token = ((await api.request('POST', `/v1/galleries/${slug}/access`, { json: { code: accessCode } })).body as { token: string })
    .token;
  for (let i = 0; i < 3; i += 1) await api.request('GET', '/v1/client/gallery', { token });
  for (const id of ['p1', 'p2', 'p3', 'p4']) await api.request('PUT', `/v1/client/favourites/${id}`, { token });
  for (const id of ['p2', 'p4']) await api.request('DELETE', `/v1/client/favourites/${id}`, { token });
  for (const id of ['p1', 'p3']) await api.request('PUT', `/v1/client/basket/${id}`, { token });
  const serverChanges = net.server.count("SELECT count(*) FROM changes WHERE gallery_id = 'gal-flaky' AND type NOT LIKE 'gallery.updated'");
  expect(serverChanges).toBe(11);
  // The studio's own gallery and publish, through dropped sockets: recorded once each.
  expect(net.server.count("SELECT count(*) FROM changes WHERE gallery_id = 'gal-flaky' AND type = 'gallery.updated'")).toBe(2);

  const deadline = Date.now() + 15_000;
  while (
    studio.catalog.syncState.get().cursor < net.server.count('SELECT max(seq) FROM changes WHERE studio_id = ?', credentials?.studio.id)
  ) {
    if (Date.now() > deadline) throw new Error('The change feed did not converge.');
    await studio.sync.syncNow();
  }
  const { activity } = studio.catalog;
  expect(activity.timeline('gal-flaky')).toHaveLength(serverChanges + 2);
  expect(activity.views('gal-flaky')?.viewCount).toBe(3);
  expect(activity.favourites('gal-flaky').map((f) => f.photoId)).toEqual(['p1', 'p3']);
  expect(activity.basket('gal-flaky').map((f) => f.photoId)).toEqual(['p1', 'p3']);
});
