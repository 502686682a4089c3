// Client activity from the server's change feed. applyPage writes a page of changes AND the
// new cursor in one transaction (design §4): a crash leaves both or neither, so the next pull
// resumes exactly after the last change applied. A seq already applied is skipped, so a page
// delivered twice changes nothing.
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { studioChangeTypes } from '../../../shared/schemas/hosted-api';
import { createApplyChange, orderIdOf, photoOf } from './activity-apply';
import type { ActivityEntry, ActivityKind, AppliedPage, ClientOrder, ClientPhotoMark, FeedChange, GalleryViews } from './activity-rows';
import type { RetouchRepo } from './retouch-repo';

// A studio change's whole gallery (up to 20,000 photos) is applied, not kept: the log holds who and what.
const STUDIO_TYPES = new Set<string>(studioChangeTypes);

export interface ActivityRepo {
  applyPage(changes: readonly FeedChange[], cursor: number): AppliedPage;
  views(galleryId: string): GalleryViews | null;
  favourites(galleryId: string): ClientPhotoMark[];
  basket(galleryId: string): ClientPhotoMark[];
  orders(galleryId: string): ClientOrder[];
  /** Every order of every gallery, newest first (the order desk). */
  allOrders(): ClientOrder[];
  /** The order as a server answer carried it (studio actions answer with the whole order). */
  storeOrder(galleryId: string, data: Record<string, unknown>): void;
  order(orderId: string): ClientOrder | null;
  /** Newest first. */
  timeline(galleryId: string, limit?: number): ActivityEntry[];
  /**
   * Orders the studio has not been told about yet, marked as told in the same transaction:
   * each order is announced once, even across restarts.
   */
  takeUnnotifiedOrders(): ClientOrder[];
}

type OrderRow = { id: string; gallery_id: string; state: string; placed_at: string; data: string; updated_at: string };
type EntryRow = Omit<ActivityEntry, 'payload' | 'galleryId' | 'photoId' | 'orderId'> & {
  gallery_id: string;
  photo_id: string | null;
  order_id: string | null;
  payload: string;
};

const toOrder = (r: OrderRow): ClientOrder => ({
  id: r.id,
  galleryId: r.gallery_id,
  state: r.state,
  placedAt: r.placed_at,
  data: JSON.parse(r.data) as Record<string, unknown>,
  updatedAt: r.updated_at,
});

export function createActivityRepo(db: Database.Database, now: () => Date, retouch: RetouchRepo): ActivityRepo {
  const apply = createApplyChange(db, now, retouch);
  const cursorOf = db.prepare<[], { cursor: number }>('SELECT cursor FROM sync_state WHERE id = 1');
  const setCursor = db.prepare<{ cursor: number }>(
    'INSERT INTO sync_state (id, cursor) VALUES (1, @cursor) ON CONFLICT (id) DO UPDATE SET cursor = max(cursor, @cursor)',
  );
  const log = db.prepare<Record<string, unknown>>(
    `INSERT INTO client_activity (seq, gallery_id, type, photo_id, order_id, at, payload)
     VALUES (@seq, @galleryId, @type, @photoId, @orderId, @at, @payload) ON CONFLICT (seq) DO NOTHING`,
  );
  const views = db.prepare<[string], GalleryViews>(
    `SELECT gallery_id AS galleryId, first_viewed_at AS firstViewedAt, last_viewed_at AS lastViewedAt, view_count AS viewCount
     FROM client_gallery_views WHERE gallery_id = ?`,
  );
  const marks = (table: string) =>
    db.prepare<[string], ClientPhotoMark>(
      `SELECT photo_id AS photoId, added_at AS addedAt FROM ${table} WHERE gallery_id = ? ORDER BY added_at, photo_id`,
    );
  const favourites = marks('client_favourites');
  const basket = marks('client_basket');
  const orders = db.prepare<[string], OrderRow>('SELECT * FROM client_orders WHERE gallery_id = ? ORDER BY placed_at DESC, id');
  const order = db.prepare<[string], OrderRow>('SELECT * FROM client_orders WHERE id = ?');
  const allOrders = db.prepare<[], OrderRow>('SELECT * FROM client_orders ORDER BY placed_at DESC, id');
  const timeline = db.prepare<[string, number], EntryRow>(
    'SELECT * FROM client_activity WHERE gallery_id = ? ORDER BY at DESC, seq DESC LIMIT ?',
  );

  const unnotified = db.prepare<[], OrderRow>('SELECT * FROM client_orders WHERE notified_at IS NULL ORDER BY placed_at, id');
  const markNotified = db.prepare<[string, string]>('UPDATE client_orders SET notified_at = ? WHERE id = ?');
  const takeUnnotified = db.transaction((): ClientOrder[] => {
    const rows = unnotified.all();
    const stamp = now().toISOString();
    for (const row of rows) markNotified.run(stamp, row.id);
    return rows.map(toOrder);
  });

  const applyPage = db.transaction((changes: readonly FeedChange[], cursor: number): AppliedPage => {
    const from = cursorOf.get()?.cursor ?? 0;
    const touched = new Map<string, { kind: ActivityKind; galleryId: string }>();
    const remarks: string[] = [];
    let applied = 0;
    for (const change of [...changes].sort((a, b) => a.seq - b.seq)) {
      if (!Number.isSafeInteger(change.seq) || change.seq <= 0)
        throw new AppError('invalid_input', `Change feed entry has a bad seq (${change.seq}).`);
      if (change.seq <= from) continue;
      const entry = {
        seq: change.seq,
        galleryId: change.galleryId,
        type: change.type,
        photoId: photoOf(change),
        orderId: change.type.startsWith('order.') ? orderIdOf(change.payload) : null,
        at: change.at,
        payload: JSON.stringify(STUDIO_TYPES.has(change.type) ? { action: change.payload.action, by: change.payload.by } : change.payload),
      };
      if (log.run(entry).changes === 0) continue;
      const { kind, remark } = apply(change);
      if (remark) remarks.push(remark);
      touched.set(`${kind}\u0000${change.galleryId}`, { kind, galleryId: change.galleryId });
      applied += 1;
    }
    setCursor.run({ cursor });
    return { applied, skipped: changes.length - applied, touched: [...touched.values()], remarks };
  });

  return {
    applyPage: (changes, cursor) => applyPage(changes, cursor),
    views: (galleryId) => views.get(galleryId) ?? null,
    favourites: (galleryId) => favourites.all(galleryId),
    basket: (galleryId) => basket.all(galleryId),
    orders: (galleryId) => orders.all(galleryId).map(toOrder),
    allOrders: () => allOrders.all().map(toOrder),
    storeOrder: (galleryId, data) => apply.storeOrder(galleryId, data),
    order: (orderId) => {
      const row = order.get(orderId);
      return row ? toOrder(row) : null;
    },
    takeUnnotifiedOrders: () => takeUnnotified(),
    timeline: (galleryId, limit = 200) =>
      timeline.all(galleryId, limit).map((r) => ({
        seq: r.seq,
        galleryId: r.gallery_id,
        type: r.type,
        photoId: r.photo_id,
        orderId: r.order_id,
        at: r.at,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
      })),
  };
}
