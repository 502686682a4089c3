import { describe, expect, it } from 'vitest';
import { openCatalog } from './open-catalog';
import { manualClock, tempDir } from './test-support';

function setup() {
  const clock = manualClock();
  return { clock, catalog: openCatalog(tempDir(), clock) };
}

describe('outbox repo', () => {
  it('queues a change in the transaction of the local change: a rollback leaves no outbox row', () => {
    const { catalog } = setup();
    expect(() =>
      catalog.transaction(() => {
        catalog.shoots.add({ path: '/shoots/a', name: 'A', kind: 'shoot' });
        catalog.outbox.enqueue({ method: 'POST', path: '/v1/galleries/g1/publish', body: {}, label: 'Publish A' });
        throw new Error('the local change failed');
      }),
    ).toThrow('the local change failed');
    expect(catalog.outbox.pendingCount()).toBe(0);
    expect(catalog.outbox.head()).toBeNull();
    expect(catalog.shoots.list()).toEqual([]);

    catalog.transaction(() => {
      catalog.shoots.add({ path: '/shoots/a', name: 'A', kind: 'shoot' });
      catalog.outbox.enqueue({ method: 'POST', path: '/v1/galleries/g1/publish', body: {}, label: 'Publish A' });
    });
    expect(catalog.outbox.pendingCount()).toBe(1);
  });

  it('hands rows out in order with increasing UUIDv7 keys; a failing head keeps its place', () => {
    const { catalog, clock } = setup();
    const items = [1, 2, 3].map((n) =>
      catalog.outbox.enqueue({ method: 'PUT', path: `/v1/clients/c${n}`, body: { n }, label: `Client ${n}` }),
    );
    expect(items.map((i) => i.idempotencyKey)).toEqual([...items.map((i) => i.idempotencyKey)].sort());
    expect(new Set(items.map((i) => i.idempotencyKey)).size).toBe(3);
    const [first, second] = items;
    if (!first || !second) throw new Error('not queued');
    expect(catalog.outbox.head()?.seq).toBe(first.seq);
    const retried = catalog.outbox.markRetry(first.seq, 'connection refused', new Date(clock.now().getTime() + 60_000));
    expect(retried).toMatchObject({ attempts: 1, lastError: 'connection refused', state: 'pending' });
    expect(catalog.outbox.head()?.seq).toBe(first.seq);
    catalog.outbox.markDone(first.seq, { ok: true });
    expect(catalog.outbox.get(first.seq)).toMatchObject({ state: 'done', response: { ok: true } });
    catalog.outbox.markRejected(second.seq, 'This gallery was deleted on another device.', { error: { code: 'not_found' } });
    expect(catalog.outbox.head()?.body).toEqual({ n: 3 });
    expect(catalog.outbox.pendingCount()).toBe(1);
    expect(catalog.outbox.list('rejected').map((r) => [r.label, r.lastError])).toEqual([
      ['Client 2', 'This gallery was deleted on another device.'],
    ]);
    expect(catalog.outbox.dismiss(second.seq)).toBe(true);
    expect(catalog.outbox.list('rejected')).toEqual([]);
    clock.advance(8 * 86_400_000);
    expect(catalog.outbox.pruneDone(new Date(clock.now().getTime() - 7 * 86_400_000))).toBe(1);
  });

  it('keeps an upload with its progress, cancels only pending rows, and tells listeners', () => {
    const { catalog } = setup();
    const seen: number[] = [];
    const off = catalog.outbox.onEnqueue((item) => seen.push(item.seq));
    const upload = catalog.outbox.enqueueUpload({ file: '/tmp/p.jpg', sha256: 'a'.repeat(64), size: 10, label: 'Proof p.jpg' });
    off();
    catalog.outbox.enqueue({ method: 'POST', path: '/v1/x', label: 'x' });
    expect(seen).toEqual([upload.seq]);
    catalog.outbox.saveUploadProgress(upload.seq, 'up1', 4);
    expect(catalog.outbox.get(upload.seq)).toMatchObject({ kind: 'upload', uploadId: 'up1', uploadReceived: 4, path: '/v1/uploads' });
    expect(catalog.outbox.cancel(upload.seq)).toBe(true);
    expect(catalog.outbox.cancel(upload.seq)).toBe(false);
    expect(catalog.outbox.head()?.path).toBe('/v1/x');
  });

  it('refuses a body that is not JSON and a relative path, writing nothing', () => {
    const { catalog } = setup();
    expect(() => catalog.outbox.enqueue({ method: 'POST', path: '/v1/x', body: { n: 1n }, label: 'x' })).toThrow(/not JSON/);
    expect(() => catalog.outbox.enqueue({ method: 'POST', path: 'v1/x', label: 'x' })).toThrow(/must start with/);
    expect(catalog.outbox.pendingCount()).toBe(0);
  });
});
