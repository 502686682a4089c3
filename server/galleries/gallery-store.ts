// PUT /v1/galleries/:galleryId: create or update a gallery with its settings, delivery
// methods and ordered photo list, in one transaction. The id comes from the studio's catalog;
// ids are one namespace across studios, so an id another studio holds is refused, never taken over.
// The studio's other devices see the result as a gallery.updated ('saved') change.
import type { ChangeActor, PutGalleryBody } from '../../shared/schemas/hosted-api';
import { recordChange } from '../changes/change-feed';
import { recordGalleryUpdated } from '../changes/studio-changes';
import { findClient } from '../clients/clients';
import type { Db, GalleryStatus } from '../db/types';
import { ApiError } from '../http/api-error';
import { hashAccessCode } from '../security/access-code-hash';
import { newHumanCode } from '../security/human-codes';
import type { BlobStorage } from '../storage/blob-storage';
import { findGalleryById, newSlug } from './galleries';
import { findMissingProofs } from './missing-proofs';

/** Rows per INSERT: keeps every statement under SQLite's and PostgreSQL's bind-parameter limits. */
const PHOTO_BATCH = 500;

export interface GalleryState {
  id: string;
  slug: string;
  status: GalleryStatus;
  /** Plain text only right after creation or regeneration; null otherwise. */
  accessCode: string | null;
  missingProofs: string[];
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const v of values) (seen.has(v) ? repeated : seen).add(v);
  return [...repeated];
}

function validate(body: PutGalleryBody): void {
  const fields: Record<string, string> = {};
  const photoDupes = duplicates(body.photos.map((p) => p.id));
  if (photoDupes.length) fields.photos = `each photo may appear once; repeated: ${photoDupes.slice(0, 5).join(', ')}`;
  const methodDupes = duplicates(body.deliveryMethods.map((m) => m.id));
  if (methodDupes.length) fields.deliveryMethods = `each delivery method id may appear once; repeated: ${methodDupes.join(', ')}`;
  if (Object.keys(fields).length) {
    throw new ApiError('invalid_input', `The gallery was not accepted: ${Object.values(fields).join('; ')}.`, { fields });
  }
}

export async function putGallery(
  db: Db,
  storage: BlobStorage,
  input: { studioId: string; galleryId: string; body: PutGalleryBody; by: ChangeActor },
  now: number,
): Promise<{ created: boolean; state: GalleryState }> {
  const { studioId, galleryId, body, by } = input;
  validate(body);
  if (!(await findClient(db, studioId, body.clientId))) {
    throw new ApiError(
      'not_found',
      `There is no client "${body.clientId}" in this studio account. Send PUT /v1/clients/${body.clientId} before the gallery.`,
      { fields: { clientId: 'unknown client' } },
    );
  }
  // scrypt is slow on purpose: hash outside the transaction, and only when the gallery looks new.
  const existing = await findGalleryById(db, galleryId);
  const fresh = existing ? null : { code: newHumanCode(2), slug: newSlug() };
  const freshHash = fresh ? await hashAccessCode(fresh.code) : null;
  const expiresAt = body.settings.expiresAt === null ? null : Date.parse(body.settings.expiresAt);
  const columns = {
    client_id: body.clientId,
    title: body.title,
    settings: JSON.stringify(body.settings),
    delivery_methods: JSON.stringify(body.deliveryMethods),
    expires_at: expiresAt,
    updated_at: now,
  };

  const result = await db.transaction().execute(async (trx) => {
    let created = false;
    if (fresh && freshHash) {
      const inserted = await trx
        .insertInto('galleries')
        .values({
          id: galleryId,
          studio_id: studioId,
          slug: fresh.slug,
          access_code_hash: freshHash,
          created_at: now,
          status: 'draft',
          ...columns,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute();
      created = inserted.length === 1;
    }
    const row = await trx
      .selectFrom('galleries')
      .select(['studio_id', 'slug', 'status'])
      .where('id', '=', galleryId)
      .executeTakeFirstOrThrow();
    if (row.studio_id !== studioId) {
      throw new ApiError('conflict', `The gallery id "${galleryId}" is already taken. Give this gallery a new id.`);
    }
    if (!created) await trx.updateTable('galleries').set(columns).where('id', '=', galleryId).execute();
    await replacePhotos(trx, studioId, galleryId, body, now);
    await recordGalleryUpdated(trx, { studioId, galleryId, action: 'saved', by, at: now });
    return { created, slug: row.slug, status: row.status };
  });

  return {
    created: result.created,
    state: {
      id: galleryId,
      slug: result.slug,
      status: result.status,
      accessCode: result.created && fresh ? fresh.code : null,
      missingProofs: await findMissingProofs(
        storage,
        body.photos.map((p) => p.proofSha256),
      ),
    },
  };
}

/**
 * Replaces the photo list. Favourites and basket entries of photos that left the gallery are
 * removed, and the studio's feed is told, so its view of the basket matches the client's.
 */
async function replacePhotos(trx: Db, studioId: string, galleryId: string, body: PutGalleryBody, now: number): Promise<void> {
  const keep = new Set(body.photos.map((p) => p.id));
  const selected = await trx.selectFrom('selections').select(['list', 'photo_id']).where('gallery_id', '=', galleryId).execute();
  for (const gone of selected.filter((s) => !keep.has(s.photo_id))) {
    await trx
      .deleteFrom('selections')
      .where('gallery_id', '=', galleryId)
      .where('list', '=', gone.list)
      .where('photo_id', '=', gone.photo_id)
      .execute();
    await recordChange(trx, {
      studioId,
      galleryId,
      type: gone.list === 'favourite' ? 'favourite.removed' : 'basket.removed',
      at: now,
      payload: { photoId: gone.photo_id, reason: 'photo_removed_from_gallery' },
    });
  }
  await trx.deleteFrom('gallery_photos').where('gallery_id', '=', galleryId).execute();
  for (let start = 0; start < body.photos.length; start += PHOTO_BATCH) {
    const batch = body.photos.slice(start, start + PHOTO_BATCH).map((p, i) => ({
      gallery_id: galleryId,
      photo_id: p.id,
      position: start + i,
      name: p.name,
      proof_sha256: p.proofSha256,
      width: p.width,
      height: p.height,
    }));
    await trx.insertInto('gallery_photos').values(batch).execute();
  }
}
