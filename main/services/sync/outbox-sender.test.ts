import { describe, expect, it } from 'vitest';
import { openCatalog } from '../catalog';
import { manualClock, tempDir } from '../catalog/test-support';
import { createApiClient } from './api-client';
import { drainOutbox } from './outbox-sender';
import { apiError, type Reply, type SeenRequest, scriptedFetch } from './test-support/scripted-fetch';

function setup(handler: (request: SeenRequest) => Reply) {
  const clock = manualClock();
  const catalog = openCatalog(tempDir(), clock);
  const fetch = scriptedFetch(handler);
  const drain = () =>
    drainOutbox({
      catalog,
      api: createApiClient(fetch, 'http://studio.test'),
      token: 'tok',
      now: clock.now,
      random: () => 0.5,
      backoff: { baseMs: 1000, capMs: 300_000 },
      chunkBytes: 1024,
    });
  const queue = (...names: string[]) =>
    names.map((n) => catalog.outbox.enqueue({ method: 'POST', path: `/v1/things/${n}`, body: { n }, label: `Thing ${n}` }));
  return { clock, catalog, fetch, drain, queue };
}

describe('outbox sender', () => {
  it('sends in order with the row key as Idempotency-Key and the token', async () => {
    const { fetch, drain, queue, catalog } = setup(() => ({ status: 201, body: { ok: true } }));
    const items = queue('a', 'b', 'c');
    expect(await drain()).toEqual({ kind: 'idle', sent: 3, rejected: 0 });
    expect(fetch.seen.map((r) => r.path)).toEqual(['/v1/things/a', '/v1/things/b', '/v1/things/c']);
    expect(fetch.seen.map((r) => r.headers['idempotency-key'])).toEqual(items.map((i) => i.idempotencyKey));
    expect(fetch.seen[0]?.headers.authorization).toBe('Bearer tok');
    expect(catalog.outbox.get(items[0]?.seq ?? 0)).toMatchObject({ state: 'done', response: { ok: true } });
  });

  it('a failing head blocks the rest (strict FIFO) and is retried after a jittered backoff with the same key', async () => {
    let down = true;
    const { fetch, drain, queue, clock, catalog } = setup(() =>
      down ? apiError(503, 'Server is restarting', 'offline') : { status: 200, body: {} },
    );
    const [a] = queue('a', 'b');
    const first = await drain();
    expect(first).toMatchObject({ kind: 'waiting', offline: false, message: 'Server is restarting' });
    // attempt 1, random 0.5 → half of base.
    expect(first.kind === 'waiting' && first.until.getTime() - clock.now().getTime()).toBe(500);
    expect(await drain()).toMatchObject({ kind: 'waiting', sent: 0 }); // not due yet: nothing sent
    expect(fetch.seen).toHaveLength(1);
    clock.advance(500);
    expect(await drain()).toMatchObject({ kind: 'waiting' });
    expect(catalog.outbox.get(a?.seq ?? 0)?.attempts).toBe(2);
    clock.advance(1000); // attempt 2: half of 2 s
    down = false;
    expect(await drain()).toEqual({ kind: 'idle', sent: 2, rejected: 0 });
    expect(fetch.seen.map((r) => r.path)).toEqual(['/v1/things/a', '/v1/things/a', '/v1/things/a', '/v1/things/b']);
    expect(new Set(fetch.seen.slice(0, 3).map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it('records a 4xx as a rejection with the server message and carries on', async () => {
    const { drain, queue, catalog } = setup((r) =>
      r.path.endsWith('/b') ? apiError(404, 'This gallery was deleted on another laptop.') : { status: 200, body: {} },
    );
    queue('a', 'b', 'c');
    expect(await drain()).toEqual({ kind: 'idle', sent: 2, rejected: 1 });
    expect(catalog.outbox.list('rejected').map((r) => [r.label, r.lastError])).toEqual([
      ['Thing b', 'This gallery was deleted on another laptop.'],
    ]);
  });

  it('treats 409 with Retry-After (key still being processed), 429 and network errors as retries', async () => {
    const replies: Reply[] = [
      {
        status: 409,
        body: { error: { code: 'conflict', message: 'A request with this Idempotency-Key is still being processed.' } },
        headers: { 'retry-after': '2' },
      },
      apiError(429, 'Too many requests', 'rate_limited'),
      'network-error',
      { status: 200, body: {} },
    ];
    const { drain, queue, clock } = setup(() => replies.shift() ?? { status: 200 });
    queue('a');
    const first = await drain();
    expect(first).toMatchObject({ kind: 'waiting', offline: false });
    expect(first.kind === 'waiting' && first.until.getTime() - clock.now().getTime()).toBe(2000); // Retry-After wins over a shorter jitter
    clock.advance(2000);
    expect(await drain()).toMatchObject({ kind: 'waiting', offline: false });
    clock.advance(300_000);
    expect(await drain()).toMatchObject({
      kind: 'waiting',
      offline: true,
      message: expect.stringMatching(/cannot be reached \(ECONNREFUSED\)/),
    });
    clock.advance(300_000);
    expect(await drain()).toMatchObject({ kind: 'idle', sent: 1 });
  });

  it('stops on 401 without using up an attempt: the row waits for the device to be paired again', async () => {
    const { drain, queue, catalog } = setup(() => apiError(401, 'This device was disconnected.', 'unauthorized'));
    const [a] = queue('a', 'b');
    expect(await drain()).toMatchObject({ kind: 'unauthorized', message: expect.stringMatching(/no longer connected/) });
    expect(catalog.outbox.get(a?.seq ?? 0)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(catalog.outbox.pendingCount()).toBe(2);
  });
});
