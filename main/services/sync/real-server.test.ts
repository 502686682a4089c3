// Against the real hosted API (server/, SQLite) in a child process on loopback: pairing,
// the publish flow with a real chunked upload, idempotent replay, the change feed, revocation.
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityKind } from '../catalog';
import { FILE_NOTICE } from '../secrets';
import { createApiClient } from './api-client';
import { readCredentials } from './device-credentials';
import { createStudio, type ServerProcess, startServerProcess } from './test-support/server-process';
import { FIXTURE, openStudio, queuePublish, untilDrained } from './test-support/studio-fixture';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(async () => {
  await server?.dispose();
});

async function pairedStudio(extra: Parameters<typeof openStudio>[1] = {}) {
  const studio = openStudio(server.url, extra);
  const code = await createStudio(server);
  await studio.sync.pair(server.url, code, 'Studio laptop');
  return studio;
}

/** A client of the gallery, in the browser: open it with the code, heart, basket, order. */
async function clientSession(slug: string, accessCode: string) {
  const api = createApiClient(fetch, server.url);
  const access = await api.request('POST', `/v1/galleries/${slug}/access`, { json: { code: accessCode } });
  expect(access.status).toBe(200);
  const token = (access.body as { token: string }).token;
  return (method: string, path: string, json?: unknown) => api.request(method, path, { token, json });
}

describe('sync against the real server', () => {
  it('pairs with a code from the server, keeps the token in the 0600 file, and refuses a wrong code with the server’s sentence', async () => {
    const studio = openStudio(server.url);
    await expect(studio.sync.pair(server.url, 'WRONG-CODE-1', 'Laptop')).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/pairing code/),
    });
    const code = await createStudio(server, 'Nowak Studio');
    const paired = await studio.sync.pair(`${server.url}/`, code, 'Studio laptop');
    expect(paired.studio.name).toBe('Nowak Studio');
    const saved = await readCredentials(studio.secrets);
    expect(saved).toMatchObject({ serverUrl: server.url, deviceId: paired.deviceId });
    expect(statSync(`${studio.dir}/config/secrets/device-secrets.json`).mode & 0o777).toBe(0o600);
    const me = await createApiClient(fetch, server.url).request('GET', '/v1/me', { token: saved?.token });
    expect(me.status).toBe(200);
    expect(studio.sync.status()).toMatchObject({ paired: true, revoked: false, secretsNotice: FILE_NOTICE, serverUrl: server.url });
    // The code is single-use.
    await expect(openStudio(server.url).sync.pair(server.url, code, 'Other')).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('publishes a gallery: client, a chunked upload of a real JPEG, gallery, publish — in order, each once', async () => {
    const delivered: unknown[] = [];
    const progress: number[] = [];
    const studio = await pairedStudio({
      onDelivered: (item, response) => delivered.push([item.label, response]),
      onUploadProgress: (_seq, sent) => progress.push(sent),
    });
    const { sha256, size } = queuePublish(studio.catalog, 'gal-publish');
    await Promise.resolve();
    expect(studio.sync.status().pendingCount).toBe(4);
    await untilDrained(studio);
    expect(studio.catalog.outbox.list('rejected')).toEqual([]);
    expect(progress.at(-1)).toBe(size);
    expect(progress.length).toBe(Math.ceil(size / (64 * 1024)));
    expect(server.count("SELECT count(*) FROM uploads WHERE sha256 = ? AND state = 'complete'", sha256)).toBe(1);
    expect(server.count("SELECT count(*) FROM galleries WHERE id = 'gal-publish' AND status = 'published'")).toBe(1);
    const gallery = delivered.find((d) => (d as [string])[0].startsWith('Gallery')) as [string, { accessCode: string; slug: string }];
    expect(gallery[1].accessCode).toEqual(expect.any(String));
    expect(studio.sync.status()).toMatchObject({ online: true, pendingCount: 0, lastError: null, lastSuccessAt: expect.any(String) });

    // The same proof again (another gallery) is deduplicated: the server already has it.
    studio.catalog.outbox.enqueueUpload({ file: FIXTURE, sha256, size, label: 'Proof again' });
    const before = progress.length;
    await untilDrained(studio);
    expect(progress.length).toBe(before);
  });

  it('gives out a code for another laptop of the studio, which pairs with it once', async () => {
    const studio = await pairedStudio();
    const { code, expiresAt } = await studio.sync.newPairingCode();
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const other = openStudio(server.url);
    const paired = await other.sync.pair(server.url, code, 'Studio iMac');
    expect(paired.studio.id).toBe((await readCredentials(studio.secrets))?.studio.id);
    await expect(openStudio(server.url).sync.pair(server.url, code, 'Third')).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(openStudio(server.url).sync.newPairingCode()).rejects.toThrow(/Pair this computer with the hosted service first/);
  });

  it('a replayed idempotency key gets the stored answer and changes nothing', async () => {
    const studio = await pairedStudio();
    const item = studio.catalog.outbox.enqueue({ method: 'POST', path: '/v1/pairing-codes', label: 'New pairing code' });
    await untilDrained(studio);
    const token = (await readCredentials(studio.secrets))?.token;
    const studioId = (await readCredentials(studio.secrets))?.studio.id;
    const codes = () => server.count('SELECT count(*) FROM pairing_codes WHERE studio_id = ?', studioId);
    const before = codes();
    const api = createApiClient(fetch, server.url);
    for (let i = 0; i < 5; i += 1) {
      const again = await api.request('POST', '/v1/pairing-codes', { token, idempotencyKey: item.idempotencyKey });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(studio.catalog.outbox.get(item.seq)?.response);
    }
    expect(codes()).toBe(before);
  });

  it('pulls what the client did into the local tables, with onChange events, and a second pull changes nothing', async () => {
    const events: [ActivityKind, string][] = [];
    const delivered: Record<string, unknown> = {};
    const studio = await pairedStudio({
      onChange: (kind, galleryId) => events.push([kind, galleryId]),
      onDelivered: (item, response) => {
        delivered[item.label] = response;
      },
    });
    queuePublish(studio.catalog, 'gal-activity', 6);
    await untilDrained(studio);
    const { slug, accessCode } = delivered['Gallery “Nowak wedding”'] as { slug: string; accessCode: string };
    const client = await clientSession(slug, accessCode);
    expect((await client('GET', '/v1/client/gallery')).status).toBe(200);
    for (const id of ['p1', 'p2', 'p3']) expect((await client('PUT', `/v1/client/favourites/${id}`)).status).toBe(200);
    await client('DELETE', '/v1/client/favourites/p3');
    for (const id of ['p1', 'p2', 'p4', 'p5', 'p6']) await client('PUT', `/v1/client/basket/${id}`);
    const order = await client('POST', '/v1/client/orders', {
      deliveryMethodId: 'web',
      photoIds: ['p1', 'p2', 'p4', 'p5', 'p6'],
      contact: { name: 'Anna Nowak', email: 'anna@example.com', phone: null },
      note: 'Thank you!',
    });
    expect(order.status).toBe(201);

    await studio.sync.syncNow();
    const { activity } = studio.catalog;
    expect(activity.views('gal-activity')).toMatchObject({ viewCount: 1, firstViewedAt: expect.any(String) });
    expect(activity.favourites('gal-activity').map((f) => f.photoId)).toEqual(['p1', 'p2']);
    // The ordered photos left the basket with the order.
    expect(activity.basket('gal-activity')).toEqual([]);
    expect(activity.timeline('gal-activity').filter((e) => e.type === 'basket.removed' && e.payload.reason === 'ordered')).toHaveLength(5);
    const orders = activity.orders('gal-activity');
    expect(orders).toHaveLength(1);
    expect(orders[0]?.data).toMatchObject({
      id: (order.body as { id: string }).id,
      photoIds: ['p1', 'p2', 'p4', 'p5', 'p6'],
      note: 'Thank you!',
    });
    // The client's activity, and this laptop's own client and gallery coming back through the feed.
    expect(new Set(events.map(([kind]) => kind))).toEqual(new Set(['views', 'favourites', 'basket', 'orders', 'clients', 'galleries']));
    expect(events.filter(([kind]) => kind !== 'clients').every(([, galleryId]) => galleryId === 'gal-activity')).toBe(true);

    // Pulled again: nothing already applied is applied twice. Only news may arrive meanwhile: the
    // server tells the outcome of the order's e-mails (order.updated) when its sender gets to them.
    const before = activity.timeline('gal-activity');
    const views = activity.views('gal-activity');
    events.length = 0;
    await studio.sync.syncNow();
    const after = activity.timeline('gal-activity');
    expect(after.slice(after.length - before.length)).toEqual(before);
    expect(after.slice(0, after.length - before.length).every((e) => e.type === 'order.updated')).toBe(true);
    expect(events.every(([kind]) => kind === 'orders')).toBe(true);
    expect(activity.views('gal-activity')).toEqual(views);
    expect(activity.favourites('gal-activity').map((f) => f.photoId)).toEqual(['p1', 'p2']);
  });

  it('a device disconnected from another laptop pauses with revoked=true and keeps its queued changes', async () => {
    const studio = await pairedStudio();
    const credentials = await readCredentials(studio.secrets);
    const api = createApiClient(fetch, server.url);
    const issued = await api.request('POST', '/v1/pairing-codes', { token: credentials?.token });
    const other = openStudio(server.url);
    await other.sync.pair(server.url, (issued.body as { code: string }).code, 'Second laptop');
    const otherToken = (await readCredentials(other.secrets))?.token;
    expect((await api.request('POST', `/v1/devices/${credentials?.deviceId}/revoke`, { token: otherToken })).status).toBe(200);

    studio.catalog.outbox.enqueue({ method: 'POST', path: '/v1/pairing-codes', label: 'New pairing code' });
    const status = await studio.sync.syncNow();
    expect(status).toMatchObject({ revoked: true, pendingCount: 1, lastError: expect.stringMatching(/no longer connected/) });
    expect(studio.catalog.syncState.get().revokedAt).not.toBeNull();
    // Paused: no further requests while revoked.
    expect((await studio.sync.syncNow()).pendingCount).toBe(1);
  });
});
