import { expect, it } from 'vitest';
import { openCatalog } from '../catalog';
import { manualClock, tempDir } from '../catalog/test-support';
import { createApiClient } from './api-client';
import { pullChanges } from './change-puller';
import { type Reply, scriptedFetch } from './test-support/scripted-fetch';

const change = (seq: number, type: string, payload: Record<string, unknown> = {}) => ({
  seq,
  type,
  galleryId: 'g1',
  at: `2025-06-02T10:0${seq}:00.000Z`,
  payload,
});

it('pulls page after page from the stored cursor, keeps unknown change types, and stops at a malformed page', async () => {
  const pages: Record<string, Reply> = {
    '0': {
      status: 200,
      body: { changes: [change(1, 'gallery.viewed'), change(2, 'favourite.added', { photoId: 'p1' })], cursor: 2, more: true },
    },
    '2': { status: 200, body: { changes: [change(3, 'payment.received', { orderId: 'o1' })], cursor: 3, more: false } },
    '3': { status: 200, body: { changes: [{ seq: 'four' }], cursor: 4, more: false } },
  };
  const fetch = scriptedFetch((r) => pages[new URL(`http://x${r.path}`).searchParams.get('after') ?? ''] ?? { status: 500 });
  const catalog = openCatalog(tempDir(), manualClock());
  const events: string[] = [];
  const pull = () =>
    pullChanges({
      catalog,
      api: createApiClient(fetch, 'http://s'),
      token: 't',
      pageSize: 2,
      maxPages: 10,
      onChange: (kind, g) => events.push(`${kind}:${g}`),
    });
  expect(await pull()).toEqual({ kind: 'ok', applied: 3 });
  expect(fetch.seen.map((r) => r.path)).toEqual(['/v1/changes?after=0&limit=2', '/v1/changes?after=2&limit=2']);
  expect(events).toEqual(['views:g1', 'favourites:g1', 'other:g1']);
  expect(catalog.activity.timeline('g1')[0]).toMatchObject({ type: 'payment.received' });
  expect(await pull()).toMatchObject({ kind: 'retry', message: expect.stringMatching(/does not understand/) });
  expect(catalog.syncState.get().cursor).toBe(3);
});
