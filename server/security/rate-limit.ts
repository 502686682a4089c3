// Fixed-window attempt counters kept in the database, not in memory: several stateless server
// instances behind a load balancer must share one count, or an attacker gets N× the tries.
// One atomic upsert per attempt, so two concurrent attempts can never both slip through.
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { ApiError } from '../http/api-error';

export interface RateRule {
  /** What is being limited, for the message: "pairing attempts", "access code attempts". */
  what: string;
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export async function hitRateLimit(db: Db, key: string, rule: RateRule, now: number): Promise<RateDecision> {
  const windowExpired = sql<boolean>`rate_limits.window_started_at <= ${now - rule.windowMs}`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_started_at: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when ${windowExpired} then 1 else rate_limits.hits + 1 end`,
        window_started_at: sql<number>`case when ${windowExpired} then ${now} else rate_limits.window_started_at end`,
      }),
    )
    .returning(['hits', 'window_started_at'])
    .executeTakeFirstOrThrow();
  const retryAfterSeconds = Math.max(1, Math.ceil((Number(row.window_started_at) + rule.windowMs - now) / 1000));
  return { allowed: Number(row.hits) <= rule.limit, retryAfterSeconds };
}

/** Counts the attempt and throws a 429 with a Retry-After header once the limit is passed. */
export async function enforceRateLimit(db: Db, key: string, rule: RateRule, now: number): Promise<void> {
  const decision = await hitRateLimit(db, key, rule, now);
  if (decision.allowed) return;
  const minutes = Math.ceil(decision.retryAfterSeconds / 60);
  throw new ApiError(
    'rate_limited',
    `Too many ${rule.what} from your network. Wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`,
    { headers: { 'retry-after': String(decision.retryAfterSeconds) } },
  );
}

/** Gives one attempt back: a correct code should not use up a shared network's allowance. */
export async function refundRateLimit(db: Db, key: string): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set({ hits: sql<number>`case when hits > 0 then hits - 1 else 0 end` })
    .where('key', '=', key)
    .execute();
}
