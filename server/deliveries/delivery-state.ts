// What the studio sees of an order's delivery (delivery-api deliveryStateSchema, the `delivery`
// field of the studio's view of the order): the files of its sets, the current download link and
// the client's downloads, newest first. Reads only: nothing here imports the order code, so the
// order view can include it without an import cycle.
import type { DeliverySet, DeliveryState } from '../../shared/schemas/delivery-api';
import type { Db, DownloadLinksTable } from '../db/types';

/** The studio's view lists this many downloads at most (the feed carries the view in every order.updated). */
export const DOWNLOADS_SHOWN = 100;

const iso = (ms: number) => new Date(Number(ms)).toISOString();

export interface StoredDeliveryFile {
  fileId: string;
  photoId: string;
  set: DeliverySet;
  name: string;
  sha256: string;
  size: number;
  width: number;
  height: number;
}

/** The order's files, 'full' before 'web', each set in the order the studio sent it. */
export async function listDeliveryFiles(db: Db, orderId: string): Promise<StoredDeliveryFile[]> {
  const rows = await db
    .selectFrom('delivery_files')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('delivery_set')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    fileId: r.file_id,
    photoId: r.photo_id,
    set: r.delivery_set as DeliverySet,
    name: r.name,
    sha256: r.sha256,
    size: Number(r.size),
    width: Number(r.width),
    height: Number(r.height),
  }));
}

/** The order's newest link that has not been replaced (it may have expired), or undefined before delivery. */
export async function currentLink(db: Db, orderId: string): Promise<DownloadLinksTable | undefined> {
  return db
    .selectFrom('download_links')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function deliveryState(db: Db, orderId: string): Promise<DeliveryState> {
  const files = await listDeliveryFiles(db, orderId);
  const link = await currentLink(db, orderId);
  const downloads = await db
    .selectFrom('delivery_downloads')
    .select(['what', 'at'])
    .where('order_id', '=', orderId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(DOWNLOADS_SHOWN)
    .execute();
  return {
    files: files.map(({ fileId, photoId, set, name, sha256, size, width, height }) => ({
      photoId,
      set,
      name,
      sha256,
      size,
      width,
      height,
      fileId,
    })),
    link: link?.url ?? null,
    linkExpiresAt: link ? iso(link.expires_at) : null,
    downloads: downloads.map((d) => ({ at: iso(d.at), what: d.what })),
  };
}
