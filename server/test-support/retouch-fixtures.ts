// What the retouch suites share: a studio device's calls to the retouch queue (each mutation with
// its own Idempotency-Key unless one is given), an upload through /v1/uploads, an order waiting to
// retouch, and the studio's feed of retouch.task.updated.
import { createHash, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { UPLOAD_CHUNK_MAX_BYTES } from '../../shared/schemas/hosted-api';
import { type RetouchTaskView, retouchTaskUpdatedPayload } from '../../shared/schemas/retouch-api';
import type { ApiResponse, GalleryOptions, TestGallery, TestServer, TestStudio } from './test-server';

export const sha256Of = (data: Buffer) => createHash('sha256').update(data).digest('hex');
export const MINUTE = 60_000;
const contact = { name: 'Anna Nowak', email: 'anna@example.com', phone: null };

export function retouchCalls(server: () => TestServer, studio: TestStudio, person = 'Anna') {
  const send = (method: string, url: string, body?: unknown, key: string = randomUUID()) =>
    server().request(method, url, { token: studio.token, body, headers: { 'idempotency-key': key } });
  const get = (url: string, headers: Record<string, string> = {}) => server().request('GET', url, { token: studio.token, headers });
  return {
    studio,
    person,
    list: (orderId?: string) => get(`/v1/retouch/tasks${orderId ? `?orderId=${encodeURIComponent(orderId)}` : ''}`),
    get: (taskId: string) => get(`/v1/retouch/tasks/${taskId}`),
    /** A task by hand; answers the response. */
    create: (body: Record<string, unknown>, key?: string) =>
      send(
        'POST',
        '/v1/retouch/tasks',
        { taskId: randomUUID(), name: 'IMG_0001.jpg', brief: 'Remove the exit sign', by: person, ...body },
        key,
      ),
    plan: (taskId: string, body: unknown) => send('PATCH', `/v1/retouch/tasks/${taskId}`, body),
    /** An event as `person` (override with body.by). */
    event: (taskId: string, body: Record<string, unknown>, key?: string) =>
      send('POST', `/v1/retouch/tasks/${taskId}/events`, { by: person, ...body }, key),
    claim: (taskId: string, leaseMinutes = 30) =>
      send('POST', `/v1/retouch/tasks/${taskId}/events`, { type: 'claim', by: person, leaseMinutes }),
    putOriginal: (photoId: string, body: unknown) => send('PUT', `/v1/retouch/photos/${photoId}/original`, body),
    file: (sha256: string, headers: Record<string, string> = {}) => get(`/v1/retouch/files/${sha256}`, headers),
  };
}
export type RetouchCalls = ReturnType<typeof retouchCalls>;

/** Uploads bytes through /v1/uploads as the studio; answers their sha256. */
export async function uploadBytes(server: TestServer, studio: TestStudio, bytes: Buffer): Promise<string> {
  const digest = sha256Of(bytes);
  const started = await server.request('POST', '/v1/uploads', { token: studio.token, body: { sha256: digest, size: bytes.length } });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  if (started.body.complete) return digest;
  for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_MAX_BYTES) {
    const res = await server.request('PUT', `/v1/uploads/${started.body.uploadId}?offset=${offset}`, {
      token: studio.token,
      body: bytes.subarray(offset, offset + UPLOAD_CHUNK_MAX_BYTES),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const done = await server.request('POST', `/v1/uploads/${started.body.uploadId}/finish`, { token: studio.token });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return digest;
}

export async function placeOrder(
  server: TestServer,
  gallery: TestGallery,
  photoCount: number,
  note = '',
): Promise<{ id: string; number: string; session: string }> {
  const session = await server.openGallery(gallery);
  const res = await server.request('POST', '/v1/client/orders', {
    token: session,
    body: { deliveryMethodId: 'full', photoIds: gallery.photos.slice(0, photoCount).map((p) => p.id), contact, note },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id, number: res.body.number, session };
}

export function orderEvent(
  server: TestServer,
  studio: TestStudio,
  orderId: string,
  body: unknown,
  key: string = randomUUID(),
): Promise<ApiResponse> {
  return server.request('POST', `/v1/orders/${orderId}/events`, { token: studio.token, body, headers: { 'idempotency-key': key } });
}

/** A studio, a gallery with retouch before delivery, an order of `photoCount` photos marked as paid: waiting to retouch. */
export async function orderWaitingToRetouch(
  server: TestServer,
  options: { photoCount?: number; note?: string; gallery?: GalleryOptions } = {},
) {
  const studio = await server.newStudio('Studio Nowak');
  const gallery = await server.newGallery(studio, {
    ...options.gallery,
    settings: { retouchBeforeDelivery: true, ...options.gallery?.settings },
  });
  const order = await placeOrder(server, gallery, options.photoCount ?? 2, options.note ?? '');
  const paid = await orderEvent(server, studio, order.id, { type: 'mark_paid', method: 'offline' });
  expect(paid.body.state).toBe('waiting_to_retouch');
  return { studio, gallery, order };
}

export interface RetouchChange {
  seq: number;
  galleryId: string;
  view: RetouchTaskView;
  by: { deviceId: string; deviceName: string };
}

/** The studio's retouch.task.updated entries, checked against the contract. */
export async function retouchFeed(server: TestServer, studio: TestStudio): Promise<RetouchChange[]> {
  const res = await server.request('GET', '/v1/changes?limit=1000', { token: studio.token });
  expect(res.status).toBe(200);
  return (res.body.changes as { seq: number; type: string; galleryId: string; payload: unknown }[])
    .filter((c) => c.type === 'retouch.task.updated')
    .map((c) => ({ seq: c.seq, galleryId: c.galleryId, ...retouchTaskUpdatedPayload.parse(c.payload) }));
}
