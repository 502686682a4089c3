// Publish, unpublish and a new access code for a studio's gallery. Publishing is refused while
// any proof is missing (a client would see broken photos) or when the gallery has already expired.
// Each status change and its gallery.updated entry in the feed commit in one transaction.
import { sql } from 'kysely';
import type { ChangeActor } from '../../shared/schemas/hosted-api';
import { recordGalleryUpdated } from '../changes/studio-changes';
import type { Db, GalleryStatus } from '../db/types';
import { ApiError } from '../http/api-error';
import { hashAccessCode } from '../security/access-code-hash';
import { newHumanCode } from '../security/human-codes';
import type { BlobStorage } from '../storage/blob-storage';
import { type GalleryRow, loadStudioGallery } from './galleries';
import type { GalleryState } from './gallery-store';
import { findMissingProofs } from './missing-proofs';

async function proofsOf(db: Db, galleryId: string): Promise<string[]> {
  const rows = await db.selectFrom('gallery_photos').select('proof_sha256').where('gallery_id', '=', galleryId).execute();
  return rows.map((r) => r.proof_sha256);
}

function stateOf(
  gallery: Pick<GalleryRow, 'id' | 'slug' | 'status'>,
  missingProofs: string[],
  accessCode: string | null = null,
): GalleryState {
  return { id: gallery.id, slug: gallery.slug, status: gallery.status, accessCode, missingProofs };
}

export interface GalleryActionInput {
  studioId: string;
  galleryId: string;
  by: ChangeActor;
}

export async function publishGallery(db: Db, storage: BlobStorage, input: GalleryActionInput, now: number): Promise<GalleryState> {
  const { studioId, galleryId, by } = input;
  const gallery = await loadStudioGallery(db, studioId, galleryId);
  if (gallery.client_id === null) {
    throw new ApiError('conflict', 'This gallery has no client yet. Send it again with PUT /v1/galleries/:galleryId, then publish.');
  }
  const missing = await findMissingProofs(storage, await proofsOf(db, galleryId));
  if (missing.length > 0) {
    throw new ApiError(
      'conflict',
      `${missing.length} ${missing.length === 1 ? 'proof has' : 'proofs have'} not been uploaded yet. Upload ${missing.length === 1 ? 'it' : 'them'} (POST /v1/uploads), then publish again.`,
      { details: { missingProofs: missing } },
    );
  }
  if (gallery.expires_at !== null && gallery.expires_at <= now) {
    throw new ApiError('conflict', 'This gallery’s expiry date has passed. Set a later expiry date, then publish again.');
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('galleries').set({ status: 'published', updated_at: now }).where('id', '=', galleryId).execute();
    await recordGalleryUpdated(trx, { studioId, galleryId, action: 'published', by, at: now });
  });
  return stateOf({ ...gallery, status: 'published' }, []);
}

export async function unpublishGallery(db: Db, storage: BlobStorage, input: GalleryActionInput, now: number): Promise<GalleryState> {
  const { studioId, galleryId, by } = input;
  const gallery = await loadStudioGallery(db, studioId, galleryId);
  const status = await db.transaction().execute(async (trx) => {
    // A draft stays a draft: it was never shown, so there is nothing to take offline. Decided in
    // the UPDATE itself, so a publish committing meanwhile is taken offline, not turned back into a draft.
    const row = await trx
      .updateTable('galleries')
      .set({ status: sql<GalleryStatus>`case when status = 'draft' then 'draft' else 'unpublished' end`, updated_at: now })
      .where('id', '=', galleryId)
      .returning('status')
      .executeTakeFirstOrThrow();
    await recordGalleryUpdated(trx, { studioId, galleryId, action: 'unpublished', by, at: now });
    return row.status;
  });
  return stateOf({ ...gallery, status }, await findMissingProofs(storage, await proofsOf(db, galleryId)));
}

/**
 * A new code, shown once. The old code stops working, and so does every open client session:
 * a code is usually regenerated because it reached the wrong person. Favourites, basket and
 * orders belong to the gallery, so the client loses nothing by entering the new code.
 */
export async function regenerateAccessCode(db: Db, storage: BlobStorage, input: GalleryActionInput, now: number): Promise<GalleryState> {
  const { studioId, galleryId, by } = input;
  const gallery = await loadStudioGallery(db, studioId, galleryId);
  const code = newHumanCode(2);
  const hash = await hashAccessCode(code);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('galleries').set({ access_code_hash: hash, updated_at: now }).where('id', '=', galleryId).execute();
    await trx.deleteFrom('client_sessions').where('gallery_id', '=', galleryId).execute();
    await recordGalleryUpdated(trx, { studioId, galleryId, action: 'code_regenerated', by, at: now });
  });
  return stateOf(gallery, await findMissingProofs(storage, await proofsOf(db, galleryId)), code);
}
