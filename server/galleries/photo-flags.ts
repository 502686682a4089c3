// The studio's flags of a gallery photo (rating, pick, colour label), set from any of its
// devices. Last write wins in arrival order: on PostgreSQL the upsert's row lock makes a second
// writer of the same photo wait for the first to commit, so the flags stored are always those
// of the newest photo.flagged entry in the feed.
import type { z } from 'zod';
import type { ChangeActor, photoFlaggedPayload, photoFlagsBody } from '../../shared/schemas/hosted-api';
import { recordChange } from '../changes/change-feed';
import type { Db } from '../db/types';
import { ApiError } from '../http/api-error';
import { loadStudioGallery } from './galleries';

export type PhotoFlags = z.infer<typeof photoFlagsBody>;
export type PhotoFlagged = z.infer<typeof photoFlaggedPayload>;

export async function setPhotoFlags(
  db: Db,
  input: { studioId: string; galleryId: string; photoId: string; flags: PhotoFlags; by: ChangeActor },
  now: number,
): Promise<PhotoFlagged> {
  const { studioId, galleryId, photoId, flags, by } = input;
  const answer: PhotoFlagged = { photoId, rating: flags.rating, pick: flags.pick, colorLabel: flags.colorLabel, by };
  await db.transaction().execute(async (trx) => {
    await loadStudioGallery(trx, studioId, galleryId);
    const inGallery = await trx
      .selectFrom('gallery_photos')
      .select('photo_id')
      .where('gallery_id', '=', galleryId)
      .where('photo_id', '=', photoId)
      .executeTakeFirst();
    if (!inGallery) {
      throw new ApiError(
        'not_found',
        `There is no photo "${photoId}" in the gallery "${galleryId}". Send the gallery with this photo (PUT /v1/galleries/${galleryId}), then flag it.`,
      );
    }
    const values = {
      gallery_id: galleryId,
      rating: flags.rating,
      pick: flags.pick,
      color_label: flags.colorLabel,
      updated_at: now,
      device_id: by.deviceId,
    };
    await trx
      .insertInto('studio_photo_flags')
      .values({ studio_id: studioId, photo_id: photoId, ...values })
      .onConflict((oc) => oc.columns(['studio_id', 'photo_id']).doUpdateSet(values))
      .execute();
    await recordChange(trx, { studioId, galleryId, type: 'photo.flagged', at: now, payload: answer });
  });
  return answer;
}
