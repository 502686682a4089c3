// The studio's change feed (design §4): what clients did, numbered per studio with a seq that
// only grows. Written in the same transaction as the change itself, so the feed never shows
// something that did not happen nor misses something that did.
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
  const seq = await nextCounterValue(trx, change.studioId, 'changes');
  await trx
    .insertInto('changes')
    .values({
      studio_id: change.studioId,
      seq,
      type: change.type,
      gallery_id: change.galleryId,
      at: change.at,
      payload: JSON.stringify(change.payload),
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

export async function listChanges(db: Db, studioId: string, after: number, limit: number): Promise<ChangePage> {
  const rows = await db
    .selectFrom('changes')
    .select(['seq', 'type', 'gallery_id', 'at', 'payload'])
    .where('studio_id', '=', studioId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    changes: page.map((r) => ({
      seq: Number(r.seq),
      type: r.type as ChangeType,
      galleryId: r.gallery_id,
      at: new Date(Number(r.at)).toISOString(),
      payload: JSON.parse(r.payload) as Record<string, unknown>,
    })),
    cursor: page.length > 0 ? Number(page[page.length - 1]?.seq) : after,
    more: rows.length > limit,
  };
}
