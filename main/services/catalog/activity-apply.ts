// Applies one change-feed entry to the client_* tables. Only ever called for a seq not seen
// before (activity-repo checks), so each statement may assume it runs once per change; the
// statements are still written to converge (min/max, upserts) should the server resend.
import type Database from 'better-sqlite3';
import type { ActivityKind, FeedChange } from './activity-rows';
import { createRetouchApply } from './retouch-apply';
import type { RetouchRepo } from './retouch-repo';
import { createStudioApply, type StudioApplyResult } from './studio-apply';

export type ApplyChange = ((change: FeedChange) => StudioApplyResult) & {
  storeOrder(galleryId: string, data: Record<string, unknown>): void;
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** The order inside an order.* payload: `{ order: {...} }`, or the payload itself. */
export function orderOf(payload: Record<string, unknown>): Record<string, unknown> | null {
  const inner = payload.order;
  const order = inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : payload;
  return text(order.id) ? order : null;
}

/** The order an order.* change is about: the whole order, or just its id (order.downloaded). */
export function orderIdOf(payload: Record<string, unknown>): string | null {
  return text(orderOf(payload)?.id) ?? text(payload.orderId);
}

export function photoOf(change: FeedChange): string | null {
  return text(change.payload.photoId);
}

export function createApplyChange(db: Database.Database, now: () => Date, retouchRepo: RetouchRepo): ApplyChange {
  const view = db.prepare<{ gallery: string; at: string }>(
    `INSERT INTO client_gallery_views (gallery_id, first_viewed_at, last_viewed_at, view_count) VALUES (@gallery, @at, @at, 1)
     ON CONFLICT (gallery_id) DO UPDATE SET first_viewed_at = min(first_viewed_at, excluded.first_viewed_at),
       last_viewed_at = max(last_viewed_at, excluded.last_viewed_at), view_count = view_count + 1`,
  );
  const mark = (table: string) => ({
    add: db.prepare<{ gallery: string; photo: string; at: string }>(
      `INSERT INTO ${table} (gallery_id, photo_id, added_at) VALUES (@gallery, @photo, @at) ON CONFLICT DO NOTHING`,
    ),
    remove: db.prepare<{ gallery: string; photo: string }>(`DELETE FROM ${table} WHERE gallery_id = @gallery AND photo_id = @photo`),
  });
  const marks = { favourite: mark('client_favourites'), basket: mark('client_basket') };
  const order = db.prepare<{ id: string; gallery: string; state: string; placedAt: string; data: string; now: string }>(
    `INSERT INTO client_orders (id, gallery_id, state, placed_at, data, updated_at) VALUES (@id, @gallery, @state, @placedAt, @data, @now)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, data = excluded.data, updated_at = excluded.updated_at`,
  );

  const selectOrder = db.prepare<[string], { data: string }>('SELECT data FROM client_orders WHERE id = ?');
  const storeOrder = (gallery: string, data: Record<string, unknown>, at: string) =>
    order.run({
      id: String(data.id),
      gallery,
      state: text(data.state) ?? 'placed',
      placedAt: text(data.placedAt) ?? at,
      data: JSON.stringify(data),
      now: now().toISOString(),
    });
  const studio = createStudioApply(db, now);
  const retouch = createRetouchApply(retouchRepo);
  const client = (change: FeedChange): ActivityKind => {
    const gallery = change.galleryId;
    const [subject, action] = change.type.split('.');
    if (change.type === 'gallery.viewed') {
      view.run({ gallery, at: change.at });
      return 'views';
    }
    if ((subject === 'favourite' || subject === 'basket') && (action === 'added' || action === 'removed')) {
      const photo = photoOf(change);
      if (!photo) return 'other';
      const statements = marks[subject];
      if (action === 'added') statements.add.run({ gallery, photo, at: change.at });
      else statements.remove.run({ gallery, photo });
      return subject === 'favourite' ? 'favourites' : 'basket';
    }
    if (change.type === 'order.downloaded') {
      // The client downloaded delivered files: kept with the order, newest first, until the next order.updated.
      const orderId = text(change.payload.orderId);
      const row = orderId ? selectOrder.get(orderId) : undefined;
      if (!row || !orderId) return 'other';
      const data = JSON.parse(row.data) as { delivery?: { downloads?: unknown[] } };
      if (data.delivery && typeof data.delivery === 'object') {
        const downloads = Array.isArray(data.delivery.downloads) ? data.delivery.downloads : [];
        data.delivery.downloads = [{ at: change.at, what: text(change.payload.what) ?? '' }, ...downloads];
        storeOrder(gallery, data as Record<string, unknown>, change.at);
      }
      return 'orders';
    }
    if (subject === 'order') {
      // order.placed and order.updated (validated, paid…) carry the whole order.
      const data = orderOf(change.payload);
      if (!data) return 'other';
      storeOrder(gallery, data, change.at);
      return 'orders';
    }
    // A type this version does not know yet: kept in the timeline, applied by a later version.
    return 'other';
  };
  const apply = (change: FeedChange) => studio(change) ?? retouch(change) ?? { kind: client(change), remark: null };
  return Object.assign(apply, {
    storeOrder: (galleryId: string, data: Record<string, unknown>) => {
      if (orderOf(data)) storeOrder(galleryId, data, now().toISOString());
    },
  });
}
