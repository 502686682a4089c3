// Publishing on a real catalog with real sharp proofs: what is queued, in which order, and what
// is refused before anything is written. The server round trip is in publishing-sync.test.ts.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/schemas/jobs';
import { openCatalog } from '../catalog';
import { tempDir } from '../catalog/test-support';
import { createPublishingService } from './publishing-service';
import { FIXTURE_NAMES, shootWithVariants } from './test-support/shoot-with-variants';

const settings = {
  expiresAt: null,
  allowWebDownloads: false,
  watermark: true,
  manualValidation: false,
  retouchBeforeDelivery: false,
  autoSendDownloadLinks: true,
  saveDeterrent: true,
};
const deliveryMethods = [
  {
    id: 'full',
    kind: 'digital_full' as const,
    label: 'Full resolution',
    priceMinor: 2500,
    currency: 'PLN',
    vatRateBp: 2300,
    pricing: 'per_photo' as const,
  },
];
const newClient = { name: 'Anna Nowak', email: 'anna@example.com', phone: null, language: 'pl' as const };

async function setup() {
  const dir = tempDir();
  const catalog = openCatalog(dir, { now: () => new Date() });
  const mediaDir = path.join(dir, 'variants');
  const { shoot, photoIds } = await shootWithVariants(catalog, mediaDir);
  const jobs: JobProgress[] = [];
  const changed: string[] = [];
  const publishing = createPublishingService({
    catalog,
    mediaDir,
    proofsDir: path.join(dir, 'proofs'),
    serverUrl: () => 'http://127.0.0.1:4810',
    now: () => new Date(),
    events: { job: (p) => jobs.push(p), galleryChanged: (id, _client, kind) => changed.push(`${kind}:${id}`) },
  });
  return { dir, catalog, mediaDir, shoot, photoIds, publishing, jobs, changed, close: () => catalog.close() };
}

describe('publishing a shoot', () => {
  it('makes watermarked proofs, leaves the web variants clean, and queues client → proofs → gallery → publish in one go', async () => {
    const s = await setup();
    const web = (id: string) => readFileSync(path.join(s.mediaDir, s.catalog.variants.get(id, 'web')?.relPath ?? ''));
    const webBefore = new Map(s.photoIds.map((id) => [id, web(id)]));
    const { galleryId, jobId, done } = s.publishing.publish({
      shootId: s.shoot.id,
      client: newClient,
      title: 'Nowak wedding',
      selection: { kind: 'all' },
      settings,
      deliveryMethods,
      watermarkText: '© Studio Nowak',
    });
    await done;
    for (const id of s.photoIds) expect(web(id).equals(webBefore.get(id) as Buffer)).toBe(true);

    const photos = s.catalog.galleries.photos(galleryId);
    // In grid order (no capture times here: by name), each under its file name.
    expect(photos.map((p) => p.name)).toEqual([...FIXTURE_NAMES].sort());
    expect(new Set(photos.map((p) => p.photoId))).toEqual(new Set(s.photoIds));
    for (const p of photos) {
      expect(p.proofFile.startsWith(path.join(s.dir, 'proofs'))).toBe(true);
      expect(readFileSync(p.proofFile).equals(webBefore.get(p.photoId) as Buffer)).toBe(false); // watermarked, not the web variant
    }
    const pending = s.catalog.outbox.list('pending');
    expect(pending.map((r) => `${r.method} ${r.kind === 'upload' ? 'upload' : r.path}`)).toEqual([
      `PUT /v1/clients/${s.catalog.galleries.require(galleryId).clientId}`,
      ...photos.map(() => 'POST upload'),
      `PUT /v1/galleries/${galleryId}`,
      `POST /v1/galleries/${galleryId}/publish`,
    ]);
    expect(pending.slice(1).every((r) => r.topic === `gallery:${galleryId}`)).toBe(true);
    const put = pending.at(-2);
    expect(put?.kind === 'request' && (put.body as { photos: unknown[] }).photos).toHaveLength(photos.length);

    expect(s.jobs.at(0)).toMatchObject({ jobId, state: 'running', done: 0, total: photos.length });
    expect(s.jobs.at(-1)).toMatchObject({ jobId, state: 'done', done: photos.length, total: photos.length });
    expect(s.publishing.client(s.catalog.galleries.require(galleryId).clientId).galleries).toEqual([
      expect.objectContaining({ id: galleryId, state: 'sending', photoCount: photos.length, link: null, firstViewedAt: null }),
    ]);
    const progress = s.publishing.forShoot(s.shoot.id)[0]?.upload;
    expect(progress?.pendingChanges).toBe(photos.length + 2);
    expect(progress?.totalBytes).toBe(photos.reduce((n, p) => n + p.proofBytes, 0));
    expect(progress?.sentBytes).toBe(0);
    s.close();
  });

  it('without a watermark the proof is the web variant itself, and the same content is queued for upload once', async () => {
    const s = await setup();
    const { galleryId, done } = s.publishing.publish({
      shootId: s.shoot.id,
      client: newClient,
      title: 'Twice',
      selection: { kind: 'selected', photoIds: [s.photoIds[0] as string, s.photoIds[1] as string] },
      settings: { ...settings, watermark: false },
      deliveryMethods,
    });
    await done;
    const photos = s.catalog.galleries.photos(galleryId);
    const first = photos.find((p) => p.photoId === s.photoIds[0]);
    expect(first?.proofFile).toBe(
      path.join(s.mediaDir, ...(s.catalog.variants.get(s.photoIds[0] as string, 'web')?.relPath ?? '').split('/')),
    );
    // A second gallery of the same photos: new upload rows (the server dedupes by sha256), one per distinct proof.
    const again = s.publishing.publish({
      shootId: s.shoot.id,
      client: { id: s.catalog.galleries.require(galleryId).clientId },
      title: 'Twice again',
      selection: { kind: 'selected', photoIds: [s.photoIds[0] as string, s.photoIds[0] as string] },
      settings: { ...settings, watermark: false },
      deliveryMethods,
    });
    await again.done;
    expect(s.catalog.galleries.photos(again.galleryId)).toHaveLength(1);
    expect(s.catalog.outbox.list('pending').filter((r) => r.topic === `gallery:${again.galleryId}` && r.kind === 'upload')).toHaveLength(1);
    expect(s.catalog.clients.list()).toHaveLength(1);
    s.close();
  });

  it('refuses, with a sentence and nothing written, what cannot become a gallery', async () => {
    const s = await setup();
    const base = { shootId: s.shoot.id, client: newClient, title: 'T', settings, deliveryMethods };
    expect(() => s.publishing.publish({ ...base, selection: { kind: 'picks' } })).toThrow(/No photo of this shoot is marked as a pick/);
    s.catalog.photos.markNeedsAttention(s.photoIds[2] as string, 'Damaged file');
    expect(() => s.publishing.publish({ ...base, selection: { kind: 'all' } })).toThrow(
      /1 of the 6 photos are not ready.*orient-6-portrait/,
    );
    expect(() => s.publishing.publish({ ...base, selection: { kind: 'selected', photoIds: ['nope'] } })).toThrow(
      /not in this shoot any more/,
    );
    expect(() => s.publishing.publish({ ...base, client: { id: 'gone' }, selection: { kind: 'picks' } })).toThrow(
      /client is not in the library/,
    );
    expect(() => s.publishing.publish({ ...base, title: ' ', selection: { kind: 'all' } })).toThrow(/Give the gallery a title/);
    expect(() => s.publishing.publish({ ...base, client: { ...newClient, email: 'anna' }, selection: { kind: 'all' } })).toThrow(
      /valid e-mail/,
    );

    // A web variant that vanished from disk: the proof job fails and no row of any kind is left.
    s.catalog.photos.markReady(s.photoIds[2] as string);
    rmSync(path.join(s.mediaDir, s.catalog.variants.get(s.photoIds[3] as string, 'web')?.relPath ?? ''));
    const { jobId, done } = s.publishing.publish({ ...base, settings: { ...settings, watermark: true }, selection: { kind: 'all' } });
    await expect(done).rejects.toThrow(/The proof of progressive.jpg could not be made/);
    expect(s.jobs.at(-1)).toMatchObject({ jobId, state: 'failed', error: expect.stringMatching(/progressive.jpg/) });
    expect(s.catalog.outbox.pendingCount()).toBe(0);
    expect(s.catalog.clients.list()).toEqual([]);
    expect(s.publishing.forShoot(s.shoot.id)).toEqual([]);
    s.close();
  });

  it('unpublish, publish again, new expiry and new code are queued for the server; cancel stops a gallery still uploading', async () => {
    const s = await setup();
    const { galleryId, done } = s.publishing.publish({
      shootId: s.shoot.id,
      client: newClient,
      title: 'Nowak wedding',
      selection: { kind: 'all' },
      settings,
      deliveryMethods,
    });
    await done;
    expect(() => s.publishing.republish(galleryId)).toThrow(/already published/);
    const cancelled = s.publishing.cancel(galleryId);
    expect(cancelled).toMatchObject({ state: 'cancelled', upload: { pendingChanges: 0 } });
    expect(s.catalog.outbox.pendingCount()).toBe(1); // the client itself still goes out
    expect(() => s.publishing.unpublish(galleryId)).toThrow(/not published/);
    expect(s.publishing.republish(galleryId)).toMatchObject({ state: 'sending' });
    const topicRows = () => s.catalog.outbox.list('pending').filter((r) => r.topic === `gallery:${galleryId}`);
    expect(topicRows().map((r) => r.path.split('/').pop())).toEqual([...Array(6).fill('uploads'), galleryId, 'publish']);

    expect(() => s.publishing.extendExpiry(galleryId, '2001-01-01T00:00:00.000Z')).toThrow(/in the future/);
    const later = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect(s.publishing.extendExpiry(galleryId, later).expiresAt).toBe(later);
    s.publishing.regenerateCode(galleryId);
    expect(
      topicRows()
        .slice(-2)
        .map((r) => [r.method, r.path.split('/').pop()]),
    ).toEqual([
      ['PUT', galleryId],
      ['POST', 'code'],
    ]);
    expect((topicRows().at(-2)?.body as { settings: { expiresAt: string } } | undefined)?.settings.expiresAt).toBe(later);
    expect(s.changed.filter((c) => c === `state:${galleryId}`).length).toBeGreaterThanOrEqual(4);
    expect(existsSync(path.join(s.dir, 'proofs'))).toBe(true);
    s.close();
  });
});
