// A 300 MB delivery as one zip: memory stays flat while it streams (the server runs in this test's
// process, so its heap and RSS are sampled here during the download), and every entry of the
// zip on disk is the stored bytes. The files are incompressible and deterministic (AES-256-CTR
// over zeros with a fixed key) and go into storage directly, streamed, never whole in memory.
// Multi-gigabyte zips (zip64) are measured by test/bench/zip-download.bench-run.mjs, not here.
import { createCipheriv, createHash } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readZipDirectory, zipEntryDigest } from '../../test/helpers/zip-reader';
import { describeOnEachDatabase } from '../test-support/test-server';

const FILES = 12;
const FILE_BYTES = 25 * 1024 * 1024;
const CHUNK = 1024 * 1024;
const MEMORY_GROWTH_LIMIT = 100 * 1024 * 1024;

/** FILE_BYTES of AES-CTR keystream: random-looking, the same on every run, one chunk at a time. */
function* incompressible(index: number): Generator<Buffer> {
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(index, 0);
  const cipher = createCipheriv('aes-256-ctr', Buffer.alloc(32, 7), iv);
  const zeros = Buffer.alloc(CHUNK);
  for (let sent = 0; sent < FILE_BYTES; sent += CHUNK) yield cipher.update(zeros);
}

let tempDir: string;
beforeAll(async () => {
  tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-large-zip-'));
});
afterAll(() => fs.rm(tempDir, { recursive: true, force: true }));

describeOnEachDatabase('a 300 MB delivery zip', (server) => {
  it('streams with bounded memory and holds every stored byte', { timeout: 120_000 }, async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio, { photoCount: FILES });
    const session = await server().openGallery(gallery);
    const placed = await server().request('POST', '/v1/client/orders', {
      token: session,
      body: {
        deliveryMethodId: 'full',
        photoIds: gallery.photos.map((p) => p.id),
        contact: { name: 'Anna Nowak', email: 'anna@example.com', phone: null },
        note: '',
      },
    });
    const orderId = placed.body.id as string;
    const files = [];
    for (const [i, photo] of gallery.photos.entries()) {
      const sha256 = await server().app.proofdesk.storage.put(Readable.from(incompressible(i)));
      files.push({ photoId: photo.id, set: 'full', name: photo.name, sha256, size: FILE_BYTES, width: 8000, height: 6000 });
    }
    const call = (method: string, url: string, body: unknown) =>
      server().request(method, url, { token: studio.token, body, headers: { 'idempotency-key': crypto.randomUUID() } });
    expect((await call('PUT', `/v1/orders/${orderId}/delivery`, { files })).status).toBe(200);
    expect((await call('POST', `/v1/orders/${orderId}/events`, { type: 'mark_paid', method: 'offline' })).status).toBe(200);
    const delivered = await call('POST', `/v1/orders/${orderId}/events`, { type: 'deliver', fileCount: FILES });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    const token = (delivered.body.delivery.link as string).split('/d/')[1];

    const zipFile = path.join(tempDir, `${server().kind}.zip`);
    const baseline = process.memoryUsage();
    const peak = { rss: baseline.rss, heapUsed: baseline.heapUsed };
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak.rss = Math.max(peak.rss, now.rss);
      peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
    }, 10);
    const started = performance.now();
    let contentLength = 0;
    try {
      const response = await fetch(`${server().baseUrl}/v1/downloads/${token}/zip?set=full`);
      expect(response.status).toBe(200);
      contentLength = Number(response.headers.get('content-length'));
      await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), createWriteStream(zipFile));
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    const growth = { rss: peak.rss - baseline.rss, heapUsed: peak.heapUsed - baseline.heapUsed };
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    console.log(
      `[${server().kind}] 300 MB zip: ${seconds.toFixed(2)} s, ${mb(contentLength / seconds)} MB/s; growth rss ${mb(growth.rss)} MB, heapUsed ${mb(growth.heapUsed)} MB (baseline rss ${mb(baseline.rss)} MB)`,
    );
    expect(growth.rss).toBeLessThan(MEMORY_GROWTH_LIMIT);
    expect(growth.heapUsed).toBeLessThan(MEMORY_GROWTH_LIMIT);

    expect((await fs.stat(zipFile)).size).toBe(contentLength);
    const directory = await readZipDirectory(zipFile);
    expect(directory.entries).toHaveLength(FILES);
    for (const [i, entry] of directory.entries.entries()) {
      const expected = createHash('sha256');
      for (const chunk of incompressible(i)) expected.update(chunk);
      expect(await zipEntryDigest(zipFile, entry)).toEqual({ sha256: expected.digest('hex'), size: FILE_BYTES, crcOk: true });
    }
    await fs.rm(zipFile, { force: true });
  });
});
