// A client's favourites (hearts) and basket: sets of photo ids per gallery. Adding or removing
// is recorded in the studio's change feed in the same transaction, and only when something
// actually changed, so a repeated click never shows up twice in the studio's timeline.
import type { Change } from '../../shared/schemas/hosted-api';
import { recordChange } from '../changes/change-feed';
import type { Db, SelectionList } from '../db/types';
import { ApiError } from '../http/api-error';

export interface Selection {
  photoIds: string[];
  count: number;
}

const changeType: Record<SelectionList, { added: Change['type']; removed: Change['type'] }> = {
  favourite: { added: 'favourite.added', removed: 'favourite.removed' },
  basket: { added: 'basket.added', removed: 'basket.removed' },
};

export interface SelectionScope {
  studioId: string;
  galleryId: string;
  list: SelectionList;
}

/** In the order the client added them (the gallery's order for ties); only photos still in the gallery. */
export async function listSelection(db: Db, scope: SelectionScope): Promise<Selection> {
  const rows = await db
    .selectFrom('selections')
    .innerJoin('gallery_photos', (join) =>
      join.onRef('gallery_photos.gallery_id', '=', 'selections.gallery_id').onRef('gallery_photos.photo_id', '=', 'selections.photo_id'),
    )
    .select('selections.photo_id')
    .where('selections.gallery_id', '=', scope.galleryId)
    .where('selections.list', '=', scope.list)
    .orderBy('selections.created_at')
    .orderBy('gallery_photos.position')
    .execute();
  return { photoIds: rows.map((r) => r.photo_id), count: rows.length };
}

async function assertPhotoInGallery(db: Db, galleryId: string, photoId: string): Promise<void> {
  const photo = await db
    .selectFrom('gallery_photos')
    .select('photo_id')
    .where('gallery_id', '=', galleryId)
    .where('photo_id', '=', photoId)
    .executeTakeFirst();
  if (!photo) throw new ApiError('not_found', 'This photo is not in your gallery. Reload the gallery page to see its current photos.');
}

export async function addToSelection(db: Db, scope: SelectionScope, photoId: string, now: number): Promise<Selection> {
  await assertPhotoInGallery(db, scope.galleryId, photoId);
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('selections')
      .values({ gallery_id: scope.galleryId, list: scope.list, photo_id: photoId, created_at: now })
      .onConflict((oc) => oc.columns(['gallery_id', 'list', 'photo_id']).doNothing())
      .returning('photo_id')
      .execute();
    if (inserted.length === 1) {
      await recordChange(trx, { ...scope, type: changeType[scope.list].added, at: now, payload: { photoId } });
    }
  });
  return listSelection(db, scope);
}

/** Removing a photo that is not in the list is fine (the click may be a retry); removing one of another gallery is 404. */
export async function removeFromSelection(db: Db, scope: SelectionScope, photoId: string, now: number): Promise<Selection> {
  await assertPhotoInGallery(db, scope.galleryId, photoId);
  await db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('selections')
      .where('gallery_id', '=', scope.galleryId)
      .where('list', '=', scope.list)
      .where('photo_id', '=', photoId)
      .returning('photo_id')
      .execute();
    if (deleted.length === 1) {
      await recordChange(trx, { ...scope, type: changeType[scope.list].removed, at: now, payload: { photoId } });
    }
  });
  return listSelection(db, scope);
}

export async function clearSelection(db: Db, scope: SelectionScope, now: number): Promise<Selection> {
  await db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('selections')
      .where('gallery_id', '=', scope.galleryId)
      .where('list', '=', scope.list)
      .returning('photo_id')
      .execute();
    for (const row of deleted) {
      await recordChange(trx, { ...scope, type: changeType[scope.list].removed, at: now, payload: { photoId: row.photo_id } });
    }
  });
  return { photoIds: [], count: 0 };
}

/**
 * After an order, the ordered photos leave the basket (in the order's transaction), each with a
 * basket.removed in the feed (reason 'ordered'): the client cannot order the same photos twice by
 * accident, and the studio's view of the basket stays the client's.
 */
export async function removeOrderedFromBasket(
  trx: Db,
  scope: Omit<SelectionScope, 'list'>,
  photoIds: readonly string[],
  now: number,
): Promise<void> {
  if (photoIds.length === 0) return;
  const removed = await trx
    .deleteFrom('selections')
    .where('gallery_id', '=', scope.galleryId)
    .where('list', '=', 'basket')
    .where('photo_id', 'in', [...photoIds])
    .returning('photo_id')
    .execute();
  const gone = new Set(removed.map((r) => r.photo_id));
  for (const photoId of photoIds.filter((id) => gone.has(id))) {
    await recordChange(trx, { ...scope, type: 'basket.removed', at: now, payload: { photoId, reason: 'ordered' } });
  }
}
