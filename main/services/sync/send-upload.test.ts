import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../catalog';
import { manualClock, tempDir } from '../catalog/test-support';
import { createApiClient } from './api-client';
import { sendUpload } from './send-upload';
import { apiError, type Reply, type SeenRequest, scriptedFetch } from './test-support/scripted-fetch';

function setup(handler: (r: SeenRequest) => Reply) {
  const dir = tempDir();
  const catalog = openCatalog(dir, manualClock());
  const file = path.join(dir, 'proof.jpg');
  const bytes = Buffer.alloc(2500, 7);
  writeFileSync(file, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fetch = scriptedFetch(handler);
  const item = catalog.outbox.enqueueUpload({ file, sha256, size: bytes.length, label: 'Proof' });
  const send = () => {
    const current = catalog.outbox.get(item.seq);
    if (current?.kind !== 'upload') throw new Error('not an upload');
    return sendUpload({ api: createApiClient(fetch, 'http://s.test'), token: 't', catalog, chunkBytes: 1000 }, current);
  };
  return { catalog, fetch, file, item, send };
}

describe('upload sender', () => {
  it('starts, sends chunks at their offsets, and jumps to the offset the server names after a lost answer', async () => {
    let received = 0;
    const { fetch, send, catalog, item } = setup((r) => {
      if (r.path === '/v1/uploads') return { status: 200, body: { uploadId: 'u1', received: 0, complete: false } };
      if (r.path.endsWith('/finish')) return { status: 200, body: { uploadId: 'u1', received: 2500, complete: true } };
      const offset = Number(new URL(`http://x${r.path}`).searchParams.get('offset'));
      if (offset === 1000 && received === 1000) {
        received = 2000; // applied, but the studio's idea of the offset is stale: the server says where to go on
        return { status: 409, body: { error: { code: 'conflict', message: 'The server has 2000 bytes', expectedOffset: 2000 } } };
      }
      received = offset + (r.body as number);
      return { status: 200, body: { uploadId: 'u1', received, complete: false } };
    });
    expect(await send()).toEqual({ kind: 'done', response: { uploadId: 'u1', received: 2500, complete: true } });
    expect(fetch.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/uploads',
      'PUT /v1/uploads/u1?offset=0',
      'PUT /v1/uploads/u1?offset=1000',
      'PUT /v1/uploads/u1?offset=2000',
      'POST /v1/uploads/u1/finish',
    ]);
    expect(fetch.seen[0]?.headers['idempotency-key']).toBe(item.idempotencyKey);
    expect(catalog.outbox.get(item.seq)).toMatchObject({ uploadId: 'u1', uploadReceived: 2500 });
  });

  it('resumes a saved upload where it stopped, and sends nothing when the server already has the content', async () => {
    const resumed = setup((r) =>
      r.path.endsWith('/finish') ? { status: 200, body: {} } : { status: 200, body: { uploadId: 'u1', received: 2500, complete: false } },
    );
    resumed.catalog.outbox.saveUploadProgress(resumed.item.seq, 'u1', 2000);
    expect((await resumed.send()).kind).toBe('done');
    expect(resumed.fetch.seen.map((r) => r.path)).toEqual(['/v1/uploads/u1?offset=2000', '/v1/uploads/u1/finish']);

    const dedup = setup(() => ({ status: 200, body: { uploadId: 'u2', received: 2500, complete: true } }));
    expect((await dedup.send()).kind).toBe('done');
    expect(dedup.fetch.seen).toHaveLength(1);
  });

  it('refuses a file that changed since it was queued, stops when cancelled, and retries a dropped chunk', async () => {
    const changed = setup(() => ({ status: 200, body: {} }));
    writeFileSync(changed.file, 'different');
    expect(await changed.send()).toMatchObject({ kind: 'rejected', message: expect.stringMatching(/changed after it was queued/) });
    expect(changed.fetch.seen).toEqual([]);

    const cancelled = setup(() => ({ status: 200, body: { uploadId: 'u1', received: 0, complete: false } }));
    cancelled.catalog.outbox.cancel(cancelled.item.seq);
    expect(await cancelled.send()).toEqual({ kind: 'cancelled' });

    const dropped = setup((r) =>
      r.method === 'PUT' ? 'network-error' : { status: 200, body: { uploadId: 'u1', received: 0, complete: false } },
    );
    expect(await dropped.send()).toMatchObject({ kind: 'retry', offline: true });
    expect(dropped.catalog.outbox.get(dropped.item.seq)).toMatchObject({ uploadId: 'u1', uploadReceived: 0 });

    const gone = setup(() => apiError(413, 'Too large'));
    expect(await gone.send()).toMatchObject({ kind: 'rejected', message: 'Too large' });
  });
});
