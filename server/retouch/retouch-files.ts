// The files of the retouch queue: originals (one per photo, uploaded by the laptop that holds it)
// and versions (one per submitted round). Both go through /v1/uploads first; here they are only
// named. A file counts as this studio's only when the studio finished an upload of it, so knowing
// another studio's sha256 is not enough to attach (and then download) its file.
import type { ChangeActor } from '../../shared/schemas/hosted-api';
import type { RetouchTaskView } from '../../shared/schemas/retouch-api';
import { forUpdate } from '../db/row-lock';
import type { Db } from '../db/types';
import { ApiError } from '../http/api-error';
import { type BlobStorage, blobSize } from '../storage/blob-storage';
import { saveTask } from './task-store';
import { taskViews } from './task-views';

export interface NamedFile {
  sha256: string;
  name: string;
  size: number;
}

/** 409 unless the studio uploaded the file (POST /v1/uploads … finish) and storage holds it with the size stated. */
export async function assertUploaded(db: Db, storage: BlobStorage, studioId: string, file: NamedFile, what: string): Promise<void> {
  const upload = await db
    .selectFrom('uploads')
    .select('state')
    .where('studio_id', '=', studioId)
    .where('sha256', '=', file.sha256)
    .executeTakeFirst();
  const size = upload?.state === 'complete' ? await blobSize(storage, file.sha256) : null;
  if (size === null) {
    throw new ApiError(
      'conflict',
      `${file.name} has not been uploaded yet. Upload it (POST /v1/uploads with its sha256 and size, then its chunks and finish), then send ${what} again.`,
      { details: { missingFiles: [file.sha256] } },
    );
  }
  if (size !== file.size) {
    throw new ApiError(
      'conflict',
      `The size stated for ${file.name} (${file.size} bytes) is not the size of the uploaded file (${size} bytes). Send ${what} again with the file's real size.`,
      { details: { wrongSize: [file.sha256] } },
    );
  }
}

/**
 * Names the photo's original and attaches it to every task of the photo (each one's view changes:
 * revision + 1 and a feed entry). The same file again changes nothing. Answers the photo's tasks.
 */
export async function putOriginal(
  db: Db,
  storage: BlobStorage,
  input: { studioId: string; photoId: string; file: NamedFile; by: ChangeActor; now: number },
): Promise<RetouchTaskView[]> {
  const { studioId, photoId, file, by, now } = input;
  await assertUploaded(db, storage, studioId, file, 'the original');
  return db.transaction().execute(async (trx) => {
    // Locked in id order, like every other writer of several tasks, so two writers never wait on each other in a circle.
    const rows = await forUpdate(
      trx,
      trx.selectFrom('retouch_tasks').selectAll().where('studio_id', '=', studioId).where('photo_id', '=', photoId).orderBy('id'),
    ).execute();
    const before = await trx
      .selectFrom('retouch_originals')
      .select(['sha256', 'name', 'size'])
      .where('studio_id', '=', studioId)
      .where('photo_id', '=', photoId)
      .executeTakeFirst();
    const same = before && before.sha256 === file.sha256 && before.name === file.name && Number(before.size) === file.size;
    if (!same) {
      await trx
        .insertInto('retouch_originals')
        .values({ studio_id: studioId, photo_id: photoId, sha256: file.sha256, name: file.name, size: file.size, updated_at: now })
        .onConflict((oc) =>
          oc.columns(['studio_id', 'photo_id']).doUpdateSet({ sha256: file.sha256, name: file.name, size: file.size, updated_at: now }),
        )
        .execute();
    }
    if (same) return taskViews(trx, studioId, rows);
    const views: RetouchTaskView[] = [];
    for (const row of rows) views.push(await saveTask(trx, row, {}, by, now));
    return views;
  });
}

/** A file the studio may download from the retouch queue: an original or a version of its tasks, else null. */
export async function findStudioFile(db: Db, studioId: string, sha256: string): Promise<NamedFile | null> {
  const original = await db
    .selectFrom('retouch_originals')
    .select(['sha256', 'name', 'size'])
    .where('studio_id', '=', studioId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  const found =
    original ??
    (await db
      .selectFrom('retouch_versions')
      .select(['sha256', 'name', 'size'])
      .where('studio_id', '=', studioId)
      .where('sha256', '=', sha256)
      .executeTakeFirst());
  return found ? { sha256: found.sha256, name: found.name, size: Number(found.size) } : null;
}
