// The studio's change feed (design §4): what clients and the studio's other devices did,
// numbered per studio with a seq that only grows. Written in the same transaction as the change
// itself, so the feed never shows something that did not happen nor misses something that did.
import type { Change } from '../../shared/schemas/hosted-api';
import { nextCounterValue } from '../db/counters';
import type { Db } from '../db/types';

export type ChangeType = Change['type'];

export interface NewChange {
  studioId: string;
  galleryId: string;
  type: ChangeType;
  at: number;
  payload: Record<string, unknown>;
}

export async function recordChange(trx: Db, change: NewChange): Promise<number> {
  return recordChangeOfState(trx, change, async () => change.payload);
}

/**
 * For a payload that shows state other writers may be changing at the same moment (a gallery's
 * client): the seq is taken first, then the payload is read. On PostgreSQL the counter row stays
 * locked until this transaction commits, so every change with a smaller seq has committed by then
 * and the payload includes its effect: the newest entry always shows the newest state.
 */
export async function recordChangeOfState(
  trx: Db,
  change: Omit<NewChange, 'payload'>,
  payloadOf: () => Promise<Record<string, unknown>>,
): Promise<number> {
  const seq = await nextCounterValue(trx, change.studioId, 'changes');
  const payload = await payloadOf();
  await trx
    .insertInto('changes')
    .values({
      studio_id: change.studioId,
      seq,
      type: change.type,
      gallery_id: change.galleryId,
      at: change.at,
      payload: JSON.stringify(payload),
    })
    .execute();
  return seq;
}

export interface ChangePage {
  changes: Change[];
  /** The seq of the last change returned, or `after` when there was none: pass it back as `after`. */
  cursor: number;
  more: boolean;
}

/**
 * Payload text per page at most (a page always holds at least one change): a gallery.updated
 * carries the whole photo list, up to ~4 MiB for 20,000 photos, so `limit` alone could make a
 * page of hundreds of megabytes. A page cut short says `more: true`, like any other.
 */
export const PAGE_PAYLOAD_BUDGET = 8 * 1024 * 1024;

export async function listChanges(db: Db, studioId: string, after: number, limit: number): Promise<ChangePage> {
  // Sizes first, payloads second: only the payloads of the page are ever read. Seqs become
  // visible in order (see recordChangeOfState), so both reads see the same prefix of the feed.
  const sizes = await db
    .selectFrom('changes')
    .select((eb) => ['seq', eb.fn<number>('length', ['payload']).as('size')])
    .where('studio_id', '=', studioId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  let total = 0;
  let end = 0;
  while (end < Math.min(limit, sizes.length)) {
    total += Number(sizes[end]?.size ?? 0);
    if (end > 0 && total > PAGE_PAYLOAD_BUDGET) break;
    end += 1;
  }
  const last = end > 0 ? Number(sizes[end - 1]?.seq) : after;
  const page =
    end === 0
      ? []
      : await db
          .selectFrom('changes')
          .select(['seq', 'type', 'gallery_id', 'at', 'payload'])
          .where('studio_id', '=', studioId)
          .where('seq', '>', after)
          .where('seq', '<=', last)
          .orderBy('seq')
          .execute();
  return {
    changes: page.map((r) => ({
      seq: Number(r.seq),
      type: r.type as ChangeType,
      galleryId: r.gallery_id,
      at: new Date(Number(r.at)).toISOString(),
      payload: JSON.parse(r.payload) as Record<string, unknown>,
    })),
    cursor: last,
    more: sizes.length > end,
  };
}
