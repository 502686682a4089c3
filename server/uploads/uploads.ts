// Chunked, resumable uploads identified by sha256 (design §4, issue 5 point 3): start (or
// resume, or skip when the server already has the content), chunks at exact offsets, and a
// finish that checks size and sha256 before the blob goes into storage. The database row
// holds the acknowledged offset; the partial bytes live in PartialFiles.
import { randomUUID } from 'node:crypto';
import type { Db, UploadsTable } from '../db/types';
import { ApiError } from '../http/api-error';
import type { BlobStorage } from '../storage/blob-storage';
import type { PartialFiles } from './partial-files';

export interface UploadState {
  uploadId: string;
  received: number;
  complete: boolean;
}

export interface UploadDeps {
  db: Db;
  storage: BlobStorage;
  partials: PartialFiles;
  now: number;
}

const stateOf = (row: Pick<UploadsTable, 'id' | 'received' | 'size' | 'state'>): UploadState => ({
  uploadId: row.id,
  received: row.state === 'complete' ? Number(row.size) : Number(row.received),
  complete: row.state === 'complete',
});

function offsetConflict(expected: number, message: string): ApiError {
  return new ApiError('conflict', message, { details: { expectedOffset: expected } });
}

async function loadUpload(db: Db, studioId: string, uploadId: string): Promise<UploadsTable> {
  const row = await db.selectFrom('uploads').selectAll().where('id', '=', uploadId).where('studio_id', '=', studioId).executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no such upload for this studio. Start it again with POST /v1/uploads.');
  return { ...row, size: Number(row.size), received: Number(row.received) };
}

async function markComplete(db: Db, row: Pick<UploadsTable, 'id' | 'size'>, now: number): Promise<void> {
  await db.updateTable('uploads').set({ state: 'complete', received: row.size, updated_at: now }).where('id', '=', row.id).execute();
}

export async function startUpload(deps: UploadDeps, studioId: string, input: { sha256: string; size: number }): Promise<UploadState> {
  const { db, storage, partials, now } = deps;
  const alreadyStored = await storage.has(input.sha256);
  // One row per studio and content (unique index): concurrent starts end up on the same upload.
  const newId = randomUUID();
  await db
    .insertInto('uploads')
    .values({
      id: newId,
      studio_id: studioId,
      sha256: input.sha256,
      size: input.size,
      received: alreadyStored ? input.size : 0,
      state: alreadyStored ? 'complete' : 'receiving',
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['studio_id', 'sha256']).doNothing())
    .execute();
  const row = await db
    .selectFrom('uploads')
    .selectAll()
    .where('studio_id', '=', studioId)
    .where('sha256', '=', input.sha256)
    .executeTakeFirstOrThrow();

  if (alreadyStored) {
    if (row.state !== 'complete') {
      // Finished meanwhile (by another studio, or this one on another instance): nothing left to send.
      await markComplete(db, row, now);
      await partials.remove(row.id);
    }
    return { uploadId: row.id, received: Number(row.size), complete: true };
  }
  if (row.id === newId) {
    await partials.reset(row.id);
    return stateOf(row);
  }
  if (row.state === 'complete' || Number(row.size) !== input.size) {
    // The blob was removed since, or the earlier start declared another size: begin again from zero.
    await db
      .updateTable('uploads')
      .set({ size: input.size, received: 0, state: 'receiving', updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await partials.reset(row.id);
    return { uploadId: row.id, received: 0, complete: false };
  }
  return stateOf(row);
}

export async function writeChunk(
  deps: UploadDeps,
  studioId: string,
  uploadId: string,
  offset: number,
  chunk: Buffer,
): Promise<UploadState> {
  const { db, partials, now } = deps;
  const row = await loadUpload(db, studioId, uploadId);
  if (row.state === 'complete') {
    throw offsetConflict(row.size, 'This upload is already complete: there is nothing more to send.');
  }
  if (offset !== row.received) {
    throw offsetConflict(
      row.received,
      `The server has ${row.received} bytes of this upload. Resume by sending the bytes from offset ${row.received}.`,
    );
  }
  if (chunk.length === 0) throw new ApiError('invalid_input', 'The chunk is empty. Send at least one byte, or finish the upload.');
  if (offset + chunk.length > row.size) {
    throw new ApiError(
      'invalid_input',
      `This chunk ends at byte ${offset + chunk.length}, past the ${row.size} bytes declared when the upload started. Start the upload again with the right size.`,
    );
  }
  if (!(await partials.writeAt(uploadId, offset, chunk))) {
    // The partial bytes were lost (data folder cleaned up): start over from zero.
    await db.updateTable('uploads').set({ received: 0, updated_at: now }).where('id', '=', uploadId).execute();
    await partials.reset(uploadId);
    throw offsetConflict(0, 'The server lost the bytes received so far. Resume by sending the file from offset 0.');
  }
  // Only one writer moves the offset on: a concurrent chunk for the same offset loses and is told where to resume.
  const updated = await db
    .updateTable('uploads')
    .set({ received: offset + chunk.length, updated_at: now })
    .where('id', '=', uploadId)
    .where('received', '=', offset)
    .where('state', '=', 'receiving')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    const current = await loadUpload(db, studioId, uploadId);
    throw offsetConflict(
      current.received,
      `Another request wrote to this upload at the same time. Resume from offset ${current.received}.`,
    );
  }
  return { uploadId, received: offset + chunk.length, complete: false };
}

export async function finishUpload(deps: UploadDeps, studioId: string, uploadId: string): Promise<UploadState> {
  const { db, storage, partials, now } = deps;
  const row = await loadUpload(db, studioId, uploadId);
  if (row.state === 'complete') return stateOf(row);
  if (row.received < row.size) {
    throw offsetConflict(
      row.received,
      `The server has ${row.received} of ${row.size} bytes. Send the rest from offset ${row.received}, then finish again.`,
    );
  }
  const received = await partials.digest(uploadId, row.size);
  if (received.size !== row.size || received.sha256 !== row.sha256) {
    // Wrong bytes are useless to resume from: throw them away so the next start begins clean.
    await partials.remove(uploadId);
    await db.deleteFrom('uploads').where('id', '=', uploadId).execute();
    throw new ApiError(
      'invalid_input',
      `The uploaded bytes do not match the file: expected sha256 ${row.sha256} and ${row.size} bytes, received sha256 ${received.sha256} and ${received.size} bytes. The partial upload was discarded; upload the file again.`,
      { status: 422 },
    );
  }
  const stored = await storage.put(partials.read(uploadId, row.size), { maxBytes: row.size });
  if (stored !== row.sha256) throw new Error(`Stored blob ${stored} differs from verified upload ${row.sha256}`);
  await markComplete(db, row, now);
  await partials.remove(uploadId);
  return { uploadId, received: row.size, complete: true };
}
