// What one studio device did, in the feed for the studio's other devices (several laptops, one
// account): client.updated, gallery.updated and photo.flagged, with the device that did it.
// Called inside the transaction that makes the change, so the entry and the change commit together.
import type { ChangeActor, GalleryUpdatedPayload } from '../../shared/schemas/hosted-api';
import type { StoredClient } from '../clients/clients';
import type { Db } from '../db/types';
import { galleryDeliveryMethods, gallerySettings } from '../galleries/galleries';
import { recordChange, recordChangeOfState } from './change-feed';

export type GalleryAction = GalleryUpdatedPayload['action'];

/** The `by` of a studio change: the authenticated device, without its studio id. */
export function actorOf(device: { deviceId: string; deviceName: string }): ChangeActor {
  return { deviceId: device.deviceId, deviceName: device.deviceName };
}

export async function recordClientUpdated(
  trx: Db,
  input: { studioId: string; client: StoredClient; by: ChangeActor; at: number },
): Promise<number> {
  const { id, name, email, phone, language } = input.client;
  return recordChange(trx, {
    studioId: input.studioId,
    galleryId: '',
    type: 'client.updated',
    at: input.at,
    payload: { client: { id, name, email, phone, language }, by: input.by },
  });
}

/**
 * gallery.updated with the gallery as it is now in this transaction: never its access code nor
 * the code's hash. The caller has written the gallery row in this transaction, so no other
 * gallery change can interleave; the client row is read after the seq is taken (see
 * recordChangeOfState). A gallery without a client (made before clients existed) is not a whole
 * gallery yet: nothing is recorded until the studio sends it again.
 */
export async function recordGalleryUpdated(
  trx: Db,
  input: { studioId: string; galleryId: string; action: GalleryAction; by: ChangeActor; at: number },
): Promise<number | null> {
  const { studioId, galleryId } = input;
  const gallery = await trx
    .selectFrom('galleries')
    .select(['id', 'slug', 'status', 'title', 'client_id', 'settings', 'delivery_methods'])
    .where('id', '=', galleryId)
    .where('studio_id', '=', studioId)
    .executeTakeFirstOrThrow();
  const clientId = gallery.client_id;
  if (clientId === null) return null;
  const photos = await trx
    .selectFrom('gallery_photos')
    .select(['photo_id', 'name', 'proof_sha256', 'width', 'height'])
    .where('gallery_id', '=', galleryId)
    .orderBy('position')
    .execute();
  return recordChangeOfState(trx, { studioId, galleryId, type: 'gallery.updated', at: input.at }, async () => {
    const client = await trx
      .selectFrom('clients')
      .select(['id', 'name', 'email', 'phone', 'language'])
      .where('studio_id', '=', studioId)
      .where('id', '=', clientId)
      .executeTakeFirstOrThrow();
    const payload: GalleryUpdatedPayload = {
      action: input.action,
      gallery: {
        id: gallery.id,
        slug: gallery.slug,
        status: gallery.status,
        title: gallery.title,
        client: { ...client, language: client.language as StoredClient['language'] },
        settings: gallerySettings(gallery),
        deliveryMethods: galleryDeliveryMethods(gallery),
        photos: photos.map((p) => ({ id: p.photo_id, name: p.name, proofSha256: p.proof_sha256, width: p.width, height: p.height })),
      },
      by: input.by,
    };
    return payload;
  });
}
