// PUT /v1/orders/:orderId/delivery: the studio states the order's delivery set (delivery-api
// putDeliveryBody) and it replaces the one before, in one transaction with order.updated. Checked
// first: names the client's computer can save (no folders, no control characters, unique per set
// ignoring case, as Windows and macOS compare them), photos of this order only, and every file
// already in storage with the size stated, so a download's Content-Length and the zip's sizes are
// exact. File ids are derived from the order, set and name: the same file keeps its id across PUTs.
import { createHash } from 'node:crypto';
import type { DeliveryFile } from '../../shared/schemas/delivery-api';
import type { StudioOrder } from '../../shared/schemas/orders-api';
import type { Db } from '../db/types';
import { ApiError } from '../http/api-error';
import { changeOrder } from '../orders/order-changes';
import { loadStudioOrder } from '../orders/order-store';
import { type BlobStorage, blobSize } from '../storage/blob-storage';

const PARALLEL_CHECKS = 16;
/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const INSERT_BATCH = 1000;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

export function deliveryFileId(orderId: string, set: string, name: string): string {
  return createHash('sha256').update(`${orderId}\n${set}\n${name}`).digest('base64url').slice(0, 22);
}

const listed = (names: string[]) => {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
};

/** The checks that need nothing but the body: names a computer can save, unique per set. */
export function checkDeliveryNames(files: readonly DeliveryFile[]): void {
  const unsafe = files.filter((f) => CONTROL.test(f.name) || f.name.trim() === '').map((f) => JSON.stringify(f.name));
  if (unsafe.length > 0) {
    throw new ApiError(
      'invalid_input',
      `These file names cannot be saved on the client's computer: ${listed(unsafe)}. Rename the files, then send them again.`,
      {
        fields: { files: 'names with control characters or only spaces' },
      },
    );
  }
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const file of files) {
    const key = `${file.set}\n${file.name.normalize('NFC').toLowerCase()}`;
    if (seen.has(key)) duplicates.push(`${file.name} (${file.set})`);
    else seen.set(key, file.name);
  }
  if (duplicates.length > 0) {
    throw new ApiError(
      'invalid_input',
      `Two files in one set have the same name: ${listed(duplicates)}. Each file of a set needs its own name (capital letters do not count as different).`,
      { fields: { files: 'names repeated within a set' } },
    );
  }
}

/** Every distinct sha256 stored with the size the files say; 409 listing the missing and the mismatched. */
async function checkStored(storage: BlobStorage, files: readonly DeliveryFile[]): Promise<void> {
  const bySha = new Map<string, DeliveryFile>();
  for (const file of files) if (!bySha.has(file.sha256)) bySha.set(file.sha256, file);
  const distinct = [...bySha.values()];
  const sizes = new Array<number | null>(distinct.length);
  let next = 0;
  const worker = async () => {
    while (next < distinct.length) {
      const index = next;
      next += 1;
      sizes[index] = await blobSize(storage, (distinct[index] as DeliveryFile).sha256);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CHECKS, distinct.length) }, worker));
  const missing = distinct.filter((_, i) => sizes[i] === null);
  if (missing.length > 0) {
    throw new ApiError(
      'conflict',
      `${missing.length === 1 ? '1 file has' : `${missing.length} files have`} not been uploaded yet (${listed(missing.map((f) => f.name))}). Upload ${missing.length === 1 ? 'it' : 'them'} (POST /v1/uploads), then send the delivery again.`,
      { details: { missingFiles: missing.map((f) => f.sha256) } },
    );
  }
  const storedSize = new Map(distinct.map((f, i) => [f.sha256, sizes[i]]));
  const wrongSize = files.filter((f) => storedSize.get(f.sha256) !== f.size);
  if (wrongSize.length > 0) {
    throw new ApiError(
      'conflict',
      `The size stated for ${listed(wrongSize.map((f) => f.name))} is not the size of the uploaded file. Send the delivery again with the files' real sizes.`,
      { details: { wrongSize: wrongSize.map((f) => f.sha256) } },
    );
  }
}

export async function putDelivery(
  db: Db,
  storage: BlobStorage,
  input: { studioId: string; orderId: string; files: DeliveryFile[]; now: number },
): Promise<StudioOrder> {
  const { studioId, orderId, files, now } = input;
  checkDeliveryNames(files);
  const order = await loadStudioOrder(db, studioId, orderId);
  if (order.state === 'cancelled') {
    throw new ApiError('conflict', `Order ${order.number} was cancelled, so nothing is delivered for it.`);
  }
  await checkStored(storage, files);
  return db.transaction().execute((trx) =>
    changeOrder(trx, { studioId, orderId, at: now }, async (row) => {
      // Judged on the order as it is inside the transaction: its photos may have changed meanwhile.
      const photoIds = new Set(JSON.parse(row.photo_ids) as string[]);
      const strangers = files.filter((f) => !photoIds.has(f.photoId)).map((f) => f.name);
      if (strangers.length > 0) {
        throw new ApiError(
          'invalid_input',
          `${strangers.length === 1 ? 'This file is' : 'These files are'} for photos that are not in order ${row.number}: ${listed(strangers)}. Deliver only the ordered photos.`,
          { fields: { files: 'photoId not in this order' } },
        );
      }
      await trx.deleteFrom('delivery_files').where('order_id', '=', orderId).execute();
      const positions = { full: 0, web: 0 };
      const rows = files.map((f) => ({
        order_id: orderId,
        file_id: deliveryFileId(orderId, f.set, f.name),
        delivery_set: f.set,
        position: positions[f.set]++,
        photo_id: f.photoId,
        name: f.name,
        sha256: f.sha256,
        size: f.size,
        width: f.width,
        height: f.height,
        created_at: now,
      }));
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        await trx
          .insertInto('delivery_files')
          .values(rows.slice(i, i + INSERT_BATCH))
          .execute();
      }
      await trx.updateTable('orders').set({ updated_at: now }).where('id', '=', orderId).execute();
      return undefined;
    }),
  );
}
