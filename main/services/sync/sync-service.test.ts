import { describe, expect, it } from 'vitest';
import { openCatalog } from '../catalog';
import { manualClock, tempDir } from '../catalog/test-support';
import { createFileSecretStore, FILE_NOTICE } from '../secrets';
import { createSyncService } from './sync-service';
import type { SyncStatus } from './sync-status';
import { apiError, type Reply, type SeenRequest, scriptedFetch } from './test-support/scripted-fetch';

const SERVER = 'http://sync.test';
const paired: Reply = { status: 201, body: { token: 'tok', device: { id: 'd1', name: 'Laptop' }, studio: { id: 's1', name: 'Studio' } } };
const emptyFeed: Reply = { status: 200, body: { changes: [], cursor: 0, more: false } };

function setup(handler: (request: SeenRequest) => Reply, intervalMs = 60_000) {
  const clock = manualClock();
  const dir = tempDir();
  const catalog = openCatalog(dir, clock);
  const fetch = scriptedFetch((r) => (r.path === '/v1/devices/pair' ? paired : handler(r)));
  const statuses: SyncStatus[] = [];
  const sync = createSyncService({
    catalog,
    secrets: createFileSecretStore(`${dir}/config`),
    serverUrl: SERVER,
    fetch,
    now: clock.now,
    random: () => 0.5,
    intervalMs,
    onStatus: (s) => statuses.push(s),
  });
  return { clock, catalog, fetch, sync, statuses };
}

describe('sync service', () => {
  it('works offline: nothing is lost, online=false, and it all goes out once the network is back', async () => {
    let network = false;
    const { catalog, sync, clock, fetch } = setup((r) =>
      !network ? 'network-error' : r.path.startsWith('/v1/changes') ? emptyFeed : { status: 200, body: {} },
    );
    await sync.pair(SERVER, 'ABCD-EFGH', 'Laptop');
    for (const n of [1, 2, 3]) {
      catalog.transaction(() => {
        catalog.shoots.add({ path: `/shoots/${n}`, name: `Shoot ${n}`, kind: 'shoot' });
        catalog.outbox.enqueue({ method: 'PUT', path: `/v1/clients/c${n}`, body: { n }, label: `Client ${n}` });
      });
    }
    const offline = await sync.syncNow();
    expect(offline).toMatchObject({
      paired: true,
      online: false,
      pendingCount: 3,
      lastError: expect.stringMatching(/cannot be reached/),
      lastSuccessAt: null,
    });
    network = true;
    // No waiting out the backoff: a person pressed Sync now, so the waiting row goes at once.
    expect(catalog.outbox.head()?.nextAttemptAt).not.toBe(clock.now().toISOString());
    clock.advance(1);
    const online = await sync.syncNow();
    expect(online).toMatchObject({
      online: true,
      pendingCount: 0,
      lastError: null,
      lastSuccessAt: clock.now().toISOString(),
      syncing: false,
    });
    expect(fetch.seen.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([
      '/v1/clients/c1',
      '/v1/clients/c1',
      '/v1/clients/c2',
      '/v1/clients/c3',
    ]);
  });

  it('when started, a queued change goes out at once (no waiting for the interval); a rolled-back one never does', async () => {
    const { catalog, sync, fetch } = setup((r) => (r.path.startsWith('/v1/changes') ? emptyFeed : { status: 200, body: {} }), 3_600_000);
    await sync.pair(SERVER, 'ABCD-EFGH', 'Laptop');
    sync.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const requestsBefore = fetch.seen.length;
    expect(() =>
      catalog.transaction(() => {
        catalog.outbox.enqueue({ method: 'POST', path: '/v1/galleries/g1/unpublish', label: 'Unpublish' });
        throw new Error('local change failed');
      }),
    ).toThrow();
    catalog.transaction(() => catalog.outbox.enqueue({ method: 'POST', path: '/v1/galleries/g1/publish', label: 'Publish' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sync.stop();
    expect(fetch.seen.slice(requestsBefore).map((r) => r.path)).toContain('/v1/galleries/g1/publish');
    expect(fetch.seen.map((r) => r.path)).not.toContain('/v1/galleries/g1/unpublish');
    expect(sync.status().pendingCount).toBe(0);
  });

  it('is not paired until pair(), nor for another server; reports the token notice; unpair forgets the token', async () => {
    const { sync, fetch, statuses } = setup(() => emptyFeed);
    expect(await sync.syncNow()).toMatchObject({ paired: false, secretsNotice: null });
    expect(fetch.seen).toEqual([]);
    await sync.pair(SERVER, 'ABCD-EFGH', 'Laptop');
    expect(sync.status()).toMatchObject({ paired: true, secretsNotice: FILE_NOTICE });
    sync.setServerUrl('http://other.test');
    expect(await sync.syncNow()).toMatchObject({ paired: false, serverUrl: 'http://other.test' });
    sync.setServerUrl(`${SERVER}/`);
    expect(await sync.syncNow()).toMatchObject({ paired: true });
    await sync.unpair();
    expect(await sync.syncNow()).toMatchObject({ paired: false });
    // onStatus fires on changes only: no two consecutive identical statuses.
    for (let i = 1; i < statuses.length; i += 1) expect(statuses[i]).not.toEqual(statuses[i - 1]);
  });

  it('tells the user about a refused change and a feed error, and a 401 on the feed pauses sync', async () => {
    let feed: Reply = apiError(500, 'Database is locked', 'internal');
    const { catalog, sync } = setup((r) =>
      r.path.startsWith('/v1/changes') ? feed : apiError(409, 'This gallery was unpublished on another laptop.', 'conflict'),
    );
    const service = sync;
    await service.pair(SERVER, 'ABCD-EFGH', 'Laptop');
    catalog.outbox.enqueue({ method: 'POST', path: '/v1/galleries/g1/code', label: 'New code' });
    const status = await service.syncNow();
    expect(status).toMatchObject({ rejectedCount: 1, pendingCount: 0, lastError: 'Database is locked', online: true });
    expect(catalog.outbox.list('rejected')[0]?.lastError).toBe('This gallery was unpublished on another laptop.');
    feed = apiError(401, 'Unknown device token', 'unauthorized');
    expect(await service.syncNow()).toMatchObject({ revoked: true });
    await service.pair(SERVER, 'ABCD-EFGH', 'Laptop');
    expect(service.status()).toMatchObject({ revoked: false, lastError: null });
  });
});
