// The outbox rows that tell the hosted API about a gallery, in the order it needs them (client,
// proofs, gallery, publish). Called inside the catalog transaction of the local change.
import type { PutGalleryBody } from '../../../shared/schemas/hosted-api';
import type { Catalog, ClientRow, GalleryRow } from '../catalog';

export const galleryTopic = (galleryId: string) => `gallery:${galleryId}`;
export const galleryIdOfTopic = (topic: string | null) => (topic?.startsWith('gallery:') ? topic.slice('gallery:'.length) : null);

export function queueClient(catalog: Catalog, client: ClientRow): void {
  catalog.outbox.enqueue({
    method: 'PUT',
    path: `/v1/clients/${encodeURIComponent(client.id)}`,
    body: { name: client.name, email: client.email, phone: client.phone, language: client.language },
    label: `Client ${client.name}`,
    // While this is queued, another device's older edit of the client from the feed is not applied.
    topic: `client:${client.id}`,
  });
}

/**
 * Ratings, picks and labels of photos that are in a gallery go to the server, so the studio's
 * other laptops see them (last write wins there). Photos in no gallery stay on this computer.
 */
export function queueFlags(catalog: Catalog, photoIds: readonly string[], { onlyFlagged = false } = {}): number {
  let queued = 0;
  for (const photoId of new Set(photoIds)) {
    const flags = catalog.flags.get(photoId);
    if (onlyFlagged && flags.rating === 0 && flags.pick === 'none' && flags.colorLabel === null) continue;
    const galleryId = catalog.galleries.firstContaining(photoId);
    if (!galleryId) continue;
    catalog.outbox.enqueue({
      method: 'PUT',
      path: `/v1/galleries/${encodeURIComponent(galleryId)}/photos/${encodeURIComponent(photoId)}/flags`,
      body: { rating: flags.rating, pick: flags.pick, colorLabel: flags.colorLabel },
      label: 'Rating and pick',
      topic: `flags:${photoId}`,
    });
    queued += 1;
  }
  return queued;
}

export function galleryBody(catalog: Catalog, gallery: GalleryRow): PutGalleryBody {
  return {
    clientId: gallery.clientId,
    title: gallery.title,
    settings: gallery.settings,
    deliveryMethods: gallery.deliveryMethods,
    photos: catalog.galleries.photos(gallery.id).map((p) => ({
      id: p.photoId,
      name: p.name,
      proofSha256: p.proofSha256,
      width: p.width,
      height: p.height,
    })),
  };
}

/** Every proof the server may not have yet, once per content hash, then the gallery itself. */
export function queueGalleryUpload(catalog: Catalog, gallery: GalleryRow): void {
  const topic = galleryTopic(gallery.id);
  const seen = new Set<string>();
  for (const photo of catalog.galleries.photos(gallery.id)) {
    if (seen.has(photo.proofSha256)) continue;
    seen.add(photo.proofSha256);
    catalog.outbox.enqueueUpload({
      file: photo.proofFile,
      sha256: photo.proofSha256,
      size: photo.proofBytes,
      label: `Proof ${photo.name}`,
      topic,
    });
  }
  queueGalleryPut(catalog, gallery);
}

export function queueGalleryPut(catalog: Catalog, gallery: GalleryRow): void {
  catalog.outbox.enqueue({
    method: 'PUT',
    path: `/v1/galleries/${encodeURIComponent(gallery.id)}`,
    body: galleryBody(catalog, gallery),
    label: `Gallery “${gallery.title}”`,
    topic: galleryTopic(gallery.id),
  });
}

export type GalleryAction = 'publish' | 'unpublish' | 'code';
const actionLabels: Record<GalleryAction, string> = { publish: 'Publish', unpublish: 'Unpublish', code: 'New access code for' };

export function queueGalleryAction(catalog: Catalog, gallery: GalleryRow, action: GalleryAction): void {
  catalog.outbox.enqueue({
    method: 'POST',
    path: `/v1/galleries/${encodeURIComponent(gallery.id)}/${action}`,
    body: {},
    label: `${actionLabels[action]} “${gallery.title}”`,
    topic: galleryTopic(gallery.id),
  });
}
