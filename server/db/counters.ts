// Per-studio sequence numbers (change feed seq, order numbers). One upsert both creates and
// increments the counter; on PostgreSQL its row lock is held until the surrounding transaction
// commits, so two writers get their numbers in the order they commit and a reader of
// "seq > cursor" can never see 7 before 6 appears. Call it inside the writing transaction.
import type { Db } from './types';

export async function nextCounterValue(trx: Db, studioId: string, name: string): Promise<number> {
  const row = await trx
    .insertInto('studio_counters')
    .values({ studio_id: studioId, name, value: 1 })
    .onConflict((oc) => oc.columns(['studio_id', 'name']).doUpdateSet((eb) => ({ value: eb('studio_counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
