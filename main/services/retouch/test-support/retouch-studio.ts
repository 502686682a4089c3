// A studio laptop against the real server for the retouch tests: the retouch laptop plus the
// publishing and order services on the same catalog (wired as library-session.ts wires them), a
// shoot whose photo files are really on disk (so this laptop holds the originals), and a client's
// paid order of one photo in a gallery with "retouch before delivery": the server makes its task.
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { sharedImagesDir } from '../../../../test/helpers/fixtures';
import { createOrdersService } from '../../orders';
import { createPublishingService, createServerAnswers } from '../../publishing';
import { publishInputFor } from '../../publishing/test-support/publishing-studio';
import { shootWithVariants } from '../../publishing/test-support/shoot-with-variants';
import { createApiClient } from '../../sync/api-client';
import { readCredentials } from '../../sync/device-credentials';
import { createStudio, type ServerProcess } from '../../sync/test-support/server-process';
import { untilDrained } from '../../sync/test-support/studio-fixture';
import { type ExtraHooks, openRetouchLaptop, type RetouchLaptop } from './retouch-laptop';

export const SHOOT_FILES = ['orient-1-landscape.jpg', 'progressive.jpg'];

export async function openRetouchStudio(server: ServerProcess, person: string, now?: () => Date) {
  const late: { answers?: ReturnType<typeof createServerAnswers> } = {};
  const hooks: ExtraHooks = {
    onChange: (kind, galleryId) => late.answers?.activity(kind, galleryId),
    onDelivered: (item, response) => late.answers?.delivered(item, response),
    onRejected: (item, message) => late.answers?.rejected(item, message),
    onUploadProgress: (seq) => late.answers?.uploadProgress(seq),
  };
  const laptop = openRetouchLaptop(server.url, person, { hooks, ...(now ? { now } : {}) });
  const { catalog, dir, mediaDir } = laptop;
  late.answers = createServerAnswers(catalog, { galleryChanged: () => {}, notice: () => {} });
  const publishing = createPublishingService({
    catalog,
    mediaDir,
    proofsDir: path.join(dir, 'proofs'),
    serverUrl: () => laptop.sync.status().serverUrl,
    now: () => new Date(),
    events: { job: () => {}, galleryChanged: () => {} },
  });
  const orders = createOrdersService({ catalog, deviceName: () => 'Studio laptop' });
  return { ...laptop, publishing, orders };
}
export type RetouchStudio = Awaited<ReturnType<typeof openRetouchStudio>>;

/** Laptop A: a new studio account, a published gallery (retouch before delivery) and a paid order of its first photo. */
export async function studioWithRetouchOrder(server: ServerProcess, person = 'Anna', now?: () => Date) {
  const studio = await openRetouchStudio(server, person, now);
  await studio.sync.pair(server.url, await createStudio(server), 'Studio laptop');
  const { shoot, photoIds } = await shootWithVariants(studio.catalog, studio.mediaDir, SHOOT_FILES);
  mkdirSync(shoot.path, { recursive: true });
  for (const name of SHOOT_FILES) {
    const file = path.join(shoot.path, name);
    copyFileSync(path.join(sharedImagesDir, name), file);
    chmodSync(file, 0o644);
  }
  const base = publishInputFor({ ...studio, shootId: shoot.id, photoIds, notices: [], changes: [] }, 'Nowak wedding');
  const published = studio.publishing.publish({
    ...base,
    settings: { ...base.settings, manualValidation: false, retouchBeforeDelivery: true },
  });
  await published.done;
  await untilDrained(studio);
  const gallery = studio.publishing.get(published.galleryId);
  const api = createApiClient(fetch, server.url);
  const access = await api.request('POST', `/v1/galleries/${gallery.link?.split('/').pop()}/access`, {
    json: { code: gallery.accessCode },
  });
  const token = (access.body as { token: string }).token;
  const list = (await api.request('GET', '/v1/client/gallery', { token })).body as { photos: { id: string; name: string }[] };
  const ordered = list.photos.find((p) => p.name === SHOOT_FILES[0]);
  const placed = await api.request('POST', '/v1/client/orders', {
    token,
    json: {
      deliveryMethodId: 'web',
      photoIds: [ordered?.id],
      contact: { name: 'Anna Nowak', email: 'anna@example.com', phone: null },
      note: 'Remove the lamp post, please',
    },
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  const orderId = (placed.body as { id: string }).id;
  await studio.sync.syncNow();
  studio.orders.act(orderId, { type: 'mark_paid', method: 'offline', reference: 'Transfer' });
  await untilDrained(studio);
  return { studio, orderId, shootDir: shoot.path, photoIds };
}

/** Laptop B (or C): paired with A's studio through a pairing code A asks for. */
export async function secondLaptop(
  server: ServerProcess,
  first: RetouchLaptop,
  person: string,
  deviceName: string,
): Promise<RetouchLaptop> {
  const other = openRetouchLaptop(server.url, person);
  const token = (await readCredentials(first.secrets))?.token;
  const issued = await createApiClient(fetch, server.url).request('POST', '/v1/pairing-codes', { token });
  await other.sync.pair(server.url, (issued.body as { code: string }).code, deviceName);
  await other.sync.syncNow();
  return other;
}
