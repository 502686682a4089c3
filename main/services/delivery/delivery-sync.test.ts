// Delivery by drag and drop against the real hosted API (child process on loopback): a paid
// order's edited exports are matched, made into full and web files, uploaded with the delivery
// set and delivered; the client's download link serves a zip whose files are exactly what the
// studio sent; the studio sees the download after a sync, and a renewed link replaces the old.
import { createHash } from 'node:crypto';
import { copyFileSync, createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sharedImagesDir } from '../../../test/helpers/fixtures';
import { readZipDirectory, zipEntryDigest } from '../../../test/helpers/zip-reader';
import { tempDir } from '../catalog/test-support';
import { studioWithOrder } from '../orders/test-support/studio-with-order';
import { type ServerProcess, startServerProcess } from '../sync/test-support/server-process';
import { untilDrained } from '../sync/test-support/studio-fixture';
import { createDeliveryService } from './delivery-service';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(async () => {
  await server?.dispose();
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

it('delivers a paid order’s edited files: the client’s zip holds exactly what was sent, the download comes back, a new link replaces the old', async () => {
  const { studio, orders, orderId } = await studioWithOrder(server, { autoSendDownloadLinks: true, manualValidation: false });
  const order = orders.get(orderId);
  orders.act(orderId, { type: 'mark_paid', method: 'offline' });
  await untilDrained(studio);
  expect(orders.get(orderId).state).toBe('ready_to_deliver');

  // The editor's exports: each ordered photo as "<stem>-Edit.jpg" (the photos' web variants stand in for edits).
  const exportsDir = path.join(tempDir(), 'Nowak edited');
  mkdirSync(exportsDir);
  const sources = [
    'camera-canon-1300d-18mp-low-detail.jpg',
    'camera-nikon-d3100-14mp.jpg',
    'meta-xmp-rating4-red-copyright-gps.jpg',
    'orient-6-portrait.jpg',
    'png-alpha.png',
    'progressive.jpg',
  ];
  for (const [i, photo] of order.photos.entries()) {
    const source = sources[i] as string;
    copyFileSync(
      path.join(sharedImagesDir, source),
      path.join(exportsDir, `${photo.name.replace(/\.[^.]+$/, '')}-Edit${path.extname(source)}`),
    );
  }
  const delivery = createDeliveryService({
    catalog: studio.catalog,
    orders,
    storeDir: path.join(studio.dir, 'deliveries'),
    events: { job: () => {}, changed: () => {} },
  });
  const preview = await delivery.preview(orderId, [exportsDir]);
  expect(preview.summary).toMatchObject({ matched: order.photoCount, extra: 0, missing: 0, ambiguous: 0 });
  const pairs = preview.rows.flatMap((r) => (r.kind === 'matched' ? [{ photoId: r.photo.photoId, path: r.file.path }] : []));
  await delivery.prepare({ orderId, pairs, sets: ['full', 'web'] }).done;
  expect(orders.get(orderId).state).toBe('delivered'); // queued: the gallery sends links automatically
  await untilDrained(studio, 60_000);

  const delivered = orders.get(orderId);
  expect(delivered).toMatchObject({ state: 'delivered', pendingCount: 0, problem: null });
  expect(delivered.delivery).toMatchObject({ fileCount: 2 * order.photoCount, link: expect.stringMatching(/\/d\/[\w-]+$/) });
  expect(delivered.emails.map((e) => e.kind)).toContain('client_download_links');
  expect(server.count("SELECT count(*) FROM order_transitions WHERE order_id = ? AND event_type = 'deliver'", orderId)).toBe(1);

  // The client's side: the zip of the full-resolution set, entry by entry, is what the studio made.
  const token = delivered.delivery?.link?.split('/').pop() as string;
  const zipFile = path.join(tempDir(), 'full.zip');
  const answer = await fetch(`${server.url}/v1/downloads/${token}/zip?set=full`);
  expect(answer.status).toBe(200);
  await pipeline(Readable.fromWeb(answer.body as never), createWriteStream(zipFile));
  const zip = await readZipDirectory(zipFile);
  const made = studio.catalog.deliveries.files(orderId).filter((f) => f.set === 'full');
  expect(zip.entries.map((e) => e.name.split('/').pop()).sort()).toEqual(made.map((f) => f.name).sort());
  for (const entry of zip.entries) {
    const file = made.find((f) => f.name === entry.name.split('/').pop());
    const digest = await zipEntryDigest(zipFile, entry);
    expect(digest).toMatchObject({ sha256: sha(file?.file as string), crcOk: true });
  }
  // The upright sRGB camera JPEG was delivered byte for byte as the editor exported it.
  const asIs = made.find((f) => f.sourcePath.endsWith('.jpg') && f.file === f.sourcePath);
  expect(asIs).toBeDefined();

  await studio.sync.syncNow();
  expect(orders.get(orderId).delivery?.downloads.map((d) => d.what)).toContain('zip:full');

  orders.renewLink(orderId, 7);
  await untilDrained(studio);
  const renewed = orders.get(orderId).delivery;
  expect(renewed?.link).not.toBe(delivered.delivery?.link);
  expect(Date.parse(renewed?.linkExpiresAt as string) - Date.now()).toBeLessThan(8 * 86_400_000);
  expect((await fetch(`${server.url}/v1/downloads/${token}`)).status).toBe(410);
  expect((await fetch(`${server.url}/v1/downloads/${renewed?.link?.split('/').pop()}`)).status).toBe(200);
}, 60_000);
