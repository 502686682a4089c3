// Publishing a shoot as a client gallery, and the gallery's life after (issue 5 point 3): proofs
// are made on this computer (watermarked when asked), then the client, the proofs, the gallery
// and its publish request go into the outbox in one transaction with the local rows. Offline
// this is all there is to do; the sync service sends it when the network is back.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ClientDetail, GalleryDetail, GallerySummary, PublishInput } from '../../../shared/schemas/galleries';
import { publishInput } from '../../../shared/schemas/galleries';
import type { JobProgress } from '../../../shared/schemas/jobs';
import type { Catalog, ClientRow, GalleryPhotoRow, GalleryRow } from '../catalog';
import { queueClient, queueFlags, queueGalleryAction, queueGalleryPut, queueGalleryUpload } from './gallery-requests';
import { galleryDetail, gallerySummary, type ViewContext } from './gallery-views';
import { makeProof } from './make-proof';
import { resolveSelection } from './resolve-selection';

export interface PublishingEvents {
  job(progress: JobProgress): void;
  galleryChanged(galleryId: string, clientId: string | null, kind: 'state' | 'upload'): void;
}

export interface PublishingOptions {
  catalog: Catalog;
  /** The library's variant cache (web variants are read from here). */
  mediaDir: string;
  /** Where watermarked proofs are kept (content-addressed). */
  proofsDir: string;
  serverUrl: () => string | null;
  now: () => Date;
  events: PublishingEvents;
  /** How many proofs are made at once (sharp itself is multi-threaded). */
  concurrency?: number;
}

export interface PublishingService {
  publish(input: PublishInput): { galleryId: string; jobId: string; done: Promise<void> };
  forShoot(shootId: string): GallerySummary[];
  get(galleryId: string): GalleryDetail;
  client(clientId: string): ClientDetail;
  unpublish(galleryId: string): GallerySummary;
  republish(galleryId: string): GallerySummary;
  extendExpiry(galleryId: string, expiresAt: string | null): GallerySummary;
  regenerateCode(galleryId: string): GallerySummary;
  cancel(galleryId: string): GallerySummary;
  saveClient(contact: Parameters<Catalog['clients']['save']>[0]): ClientRow;
  /** Call inside the transaction that changed the photos' flags. */
  queueFlagChanges(photoIds: readonly string[]): number;
}

export function createPublishingService(options: PublishingOptions): PublishingService {
  const { catalog, events } = options;
  const views: ViewContext = { catalog, serverUrl: options.serverUrl };
  const summary = (g: GalleryRow) => gallerySummary(views, g);
  const changed = (g: GalleryRow) => {
    events.galleryChanged(g.id, g.clientId, 'state');
    return summary(g);
  };

  function requireState(g: GalleryRow, allowed: GalleryRow['state'][], sentence: string): void {
    if (!allowed.includes(g.state)) throw new AppError('conflict', sentence);
  }

  async function makeProofs(input: ReturnType<typeof publishInput.parse>, jobId: string, photos: ReturnType<typeof resolveSelection>) {
    const watermark = input.settings.watermark ? input.watermarkText || '© Proof' : null;
    const rows: GalleryPhotoRow[] = new Array(photos.length);
    let done = 0;
    let next = 0;
    const report = (state: JobProgress['state'], error?: string) =>
      events.job({ jobId, kind: 'gallery.proofs', state, done, total: photos.length, label: input.title, ...(error ? { error } : {}) });
    report('running');
    const worker = async () => {
      while (next < photos.length) {
        const index = next++;
        const photo = photos[index];
        if (!photo) break;
        const proof = await makeProof({
          webVariantFile: path.join(options.mediaDir, ...photo.webRelPath.split('/')),
          proofsDir: options.proofsDir,
          watermark,
        }).catch((error: unknown) => {
          throw new AppError(
            'io_error',
            `The proof of ${photo.name} could not be made (${(error as Error).message}). Retry its import from the shoot, then publish again.`,
          );
        });
        rows[index] = {
          photoId: photo.photoId,
          position: index,
          name: photo.name,
          proofSha256: proof.sha256,
          proofFile: proof.file,
          proofBytes: proof.bytes,
          width: proof.width,
          height: proof.height,
        };
        done += 1;
        if (done % 5 === 0 || done === photos.length) report('running');
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 2, photos.length) }, worker));
    return { rows, report };
  }

  return {
    publish(raw) {
      const input = publishInput.parse(raw);
      if (!catalog.shoots.get(input.shootId))
        throw new AppError('not_found', 'This shoot is not in the library any more. Refresh the list.');
      if ('id' in input.client && !catalog.clients.get(input.client.id))
        throw new AppError('not_found', 'This client is not in the library any more. Pick them again or add them as a new client.');
      const photos = resolveSelection(catalog.galleries.publishCandidates(input.shootId), input.selection);
      const galleryId = randomUUID();
      const jobId = `publish:${galleryId}`;
      const done = (async () => {
        const { rows, report } = await makeProofs(input, jobId, photos).catch((error: unknown) => {
          events.job({ jobId, kind: 'gallery.proofs', state: 'failed', done: 0, total: photos.length, error: (error as Error).message });
          throw error;
        });
        const gallery = catalog.transaction(() => {
          const client = 'id' in input.client ? (catalog.clients.get(input.client.id) as ClientRow) : catalog.clients.save(input.client);
          queueClient(catalog, client);
          const created = catalog.galleries.create({
            id: galleryId,
            clientId: client.id,
            shootId: input.shootId,
            title: input.title,
            settings: input.settings,
            deliveryMethods: input.deliveryMethods,
            watermarkText: input.watermarkText,
            photos: rows,
          });
          queueGalleryUpload(catalog, created);
          queueGalleryAction(catalog, created, 'publish');
          // Ratings made before publishing reach the studio's other laptops too.
          queueFlags(
            catalog,
            rows.map((r) => r.photoId),
            { onlyFlagged: true },
          );
          return created;
        });
        report('done');
        changed(gallery);
      })();
      // The caller gets the ids at once; failures arrive as the job's 'failed' event.
      done.catch(() => {});
      return { galleryId, jobId, done };
    },

    forShoot: (shootId) => catalog.galleries.byShoot(shootId).map(summary),
    get: (galleryId) => galleryDetail(views, catalog.galleries.require(galleryId)),
    client(clientId) {
      const client = catalog.clients.get(clientId);
      if (!client) throw new AppError('not_found', 'This client is not in the library any more. Refresh the list.');
      return { client, galleries: catalog.galleries.byClient(clientId).map(summary) };
    },

    unpublish(galleryId) {
      const g = catalog.galleries.require(galleryId);
      requireState(g, ['published', 'sending'], `“${g.title}” is not published, so there is nothing to take offline.`);
      return changed(
        catalog.transaction(() => {
          queueGalleryAction(catalog, g, 'unpublish');
          return catalog.galleries.setState(g.id, 'unpublished');
        }),
      );
    },
    republish(galleryId) {
      const g = catalog.galleries.require(galleryId);
      requireState(g, ['unpublished', 'failed', 'cancelled'], `“${g.title}” is already published.`);
      return changed(
        catalog.transaction(() => {
          // After a failure or a cancel the proofs may never have arrived: send what is missing again.
          if (g.state !== 'unpublished') queueGalleryUpload(catalog, g);
          queueGalleryAction(catalog, g, 'publish');
          return catalog.galleries.setState(g.id, 'sending');
        }),
      );
    },
    extendExpiry(galleryId, expiresAt) {
      const g = catalog.galleries.require(galleryId);
      if (expiresAt !== null && new Date(expiresAt).getTime() <= options.now().getTime())
        throw new AppError('invalid_input', 'Pick an expiry date in the future, or none for a gallery that never expires.');
      return changed(
        catalog.transaction(() => {
          const updated = catalog.galleries.setSettings(g.id, { ...g.settings, expiresAt });
          queueGalleryPut(catalog, updated);
          return updated;
        }),
      );
    },
    regenerateCode(galleryId) {
      const g = catalog.galleries.require(galleryId);
      requireState(g, ['published', 'unpublished', 'sending'], `“${g.title}” was not sent to the hosted service, so it has no code yet.`);
      catalog.transaction(() => queueGalleryAction(catalog, g, 'code'));
      return changed(g);
    },
    cancel(galleryId) {
      const g = catalog.galleries.require(galleryId);
      requireState(g, ['sending'], `“${g.title}” is not being sent any more, so there is nothing to cancel.`);
      return changed(
        catalog.transaction(() => {
          catalog.outbox.cancelTopic(`gallery:${g.id}`);
          return catalog.galleries.setState(g.id, g.publishedAt ? 'published' : 'cancelled');
        }),
      );
    },
    queueFlagChanges: (photoIds) => queueFlags(catalog, photoIds),
    saveClient(contact) {
      return catalog.transaction(() => {
        const client = catalog.clients.save(contact);
        queueClient(catalog, client);
        return client;
      });
    },
  };
}
