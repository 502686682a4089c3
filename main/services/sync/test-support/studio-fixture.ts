// A studio library with a sync service in a temp folder, plus the changes the tests queue:
// the publish flow (client, proof upload, gallery, publish) exactly as the app will queue it,
// each inside the catalog transaction of its local change.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { sharedImagesDir } from '../../../../test/helpers/fixtures';
import { type Catalog, openCatalog } from '../../catalog';
import { TEST_GALLERY_SETTINGS } from '../../catalog/test-support';
import { createFileSecretStore, type SecretStore } from '../../secrets';
import { createSyncService, type SyncService, type SyncServiceOptions } from '../sync-service';

export const FIXTURE = path.join(sharedImagesDir, 'progressive.jpg');
export const fixtureSha256 = () => createHash('sha256').update(readFileSync(FIXTURE)).digest('hex');

export interface Studio {
  dir: string;
  catalog: Catalog;
  secrets: SecretStore;
  sync: SyncService;
}

/** Fast backoff so retries happen within the test's time; the real defaults are 1 s … 5 min. */
export const TEST_BACKOFF = { baseMs: 20, capMs: 200 };

export function openStudio(serverUrl: string | null, extra: Partial<SyncServiceOptions> = {}): Studio {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pd-sync-studio-'));
  const catalog = openCatalog(dir, { now: () => new Date() });
  const secrets = createFileSecretStore(path.join(dir, 'config'));
  const sync = createSyncService({
    catalog,
    secrets,
    serverUrl,
    fetch: (url, init) => fetch(url, init),
    now: () => new Date(),
    random: Math.random,
    backoff: TEST_BACKOFF,
    intervalMs: 100,
    chunkBytes: 64 * 1024,
    ...extra,
  });
  onTestFinished(async () => {
    await sync.stop();
    catalog.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, catalog, secrets, sync };
}

/** Queues client + proof upload + gallery + publish, in the order the server needs them. */
export function queuePublish(catalog: Catalog, galleryId: string, photoCount = 3) {
  const sha256 = fixtureSha256();
  const size = statSync(FIXTURE).size;
  const clientId = `client-${galleryId}`;
  catalog.transaction(() => {
    catalog.outbox.enqueue({
      method: 'PUT',
      path: `/v1/clients/${clientId}`,
      body: { name: 'Anna Nowak', email: 'anna@example.com', phone: null, language: 'pl' },
      label: 'Client Anna Nowak',
    });
    catalog.outbox.enqueueUpload({ file: FIXTURE, sha256, size, label: 'Proof progressive.jpg' });
    catalog.outbox.enqueue({
      method: 'PUT',
      path: `/v1/galleries/${galleryId}`,
      body: galleryBody(clientId, sha256, photoCount),
      label: 'Gallery “Nowak wedding”',
    });
    catalog.outbox.enqueue({ method: 'POST', path: `/v1/galleries/${galleryId}/publish`, body: {}, label: 'Publish “Nowak wedding”' });
  });
  return { sha256, size, clientId };
}

function galleryBody(clientId: string, sha256: string, photoCount: number) {
  return {
    clientId,
    title: 'Nowak wedding',
    settings: TEST_GALLERY_SETTINGS,
    deliveryMethods: [
      { id: 'web', kind: 'digital_web', label: 'Web size', priceMinor: 1000, currency: 'PLN', vatRateBp: 2300, pricing: 'per_photo' },
    ],
    photos: Array.from({ length: photoCount }, (_, i) => ({
      id: `p${i + 1}`,
      name: `IMG_${i + 1}.jpg`,
      proofSha256: sha256,
      width: 1200,
      height: 800,
    })),
  };
}

/** Runs the service until the outbox is empty (or fails the test after `timeoutMs`). */
export async function untilDrained(studio: Studio, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  studio.sync.start();
  while (studio.catalog.outbox.pendingCount() > 0) {
    if (Date.now() > deadline) {
      const head = studio.catalog.outbox.head();
      throw new Error(
        `Outbox not drained in ${timeoutMs} ms: ${studio.catalog.outbox.pendingCount()} left, head ${head?.label}: ${head?.lastError}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  // The outbox empties mid-round (before the pull and the status update): let the round finish.
  await studio.sync.syncNow();
}
