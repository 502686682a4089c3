// The studio sees what the client downloaded: a delivery_downloads row (the studio view's
// delivery.downloads) and an order.downloaded change { orderId, what } in its feed. A download
// manager fetches one file in many range requests, and a browser may retry: one record per file
// (or zip) and minute is enough, decided by the shared fixed-window counter (security/rate-limit,
// one atomic upsert, so parallel requests of one file record it once across server instances).

import { recordChange } from '../changes/change-feed';
import type { Db, OrdersTable } from '../db/types';
import { uuidv7 } from '../db/uuidv7';
import { hitRateLimit, type RateRule } from '../security/rate-limit';

export const DOWNLOAD_RECORD_RULE: RateRule = { what: 'download records', limit: 1, windowMs: 60_000 };

/**
 * Records that the client downloaded `what` (a file name, or 'zip:full' / 'zip:web'); `key` tells
 * files apart that share a name across sets. Answers whether it was recorded (false within the minute).
 */
export async function recordDownload(db: Db, input: { order: OrdersTable; key: string; what: string; now: number }): Promise<boolean> {
  const { order, now } = input;
  return db.transaction().execute(async (trx) => {
    const decision = await hitRateLimit(trx, `download-record:${order.id}:${input.key}`, DOWNLOAD_RECORD_RULE, now);
    if (!decision.allowed) return false;
    await trx
      .insertInto('delivery_downloads')
      .values({ id: uuidv7(now), order_id: order.id, what: input.what, at: now })
      .execute();
    await recordChange(trx, {
      studioId: order.studio_id,
      galleryId: order.gallery_id,
      type: 'order.downloaded',
      at: now,
      payload: { orderId: order.id, what: input.what },
    });
    return true;
  });
}
