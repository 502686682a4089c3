// Stored answers for mutations, keyed by (owner, Idempotency-Key); the owner is a studio
// device ("device:<id>") or a client gallery ("gallery:<id>"). A key is first
// reserved as "pending" (the primary key makes the reservation race-safe on both
// databases), then completed with the response, or released when the server failed.
import type { Db } from '../db/types';

export type Reservation =
  | { kind: 'reserved' }
  | { kind: 'replay'; statusCode: number; body: string }
  | { kind: 'in_progress' }
  | { kind: 'mismatch' };

/** A pending reservation older than this is taken to be from a crashed request and is taken over. */
export const STALE_PENDING_MS = 60_000;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  // PostgreSQL: SQLSTATE 23505; better-sqlite3: SQLITE_CONSTRAINT_PRIMARYKEY.
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export async function reserveKey(db: Db, owner: string, key: string, requestHash: string, now: number): Promise<Reservation> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const existing = await db
      .selectFrom('idempotency_records')
      .select(['request_hash', 'state', 'status_code', 'response_body', 'created_at'])
      .where('owner', '=', owner)
      .where('key', '=', key)
      .executeTakeFirst();
    if (existing) {
      if (existing.request_hash !== requestHash) return { kind: 'mismatch' };
      if (existing.state === 'done' && existing.status_code !== null && existing.response_body !== null) {
        return { kind: 'replay', statusCode: existing.status_code, body: existing.response_body };
      }
      if (now - existing.created_at < STALE_PENDING_MS) return { kind: 'in_progress' };
      const takenOver = await db
        .updateTable('idempotency_records')
        .set({ created_at: now })
        .where('owner', '=', owner)
        .where('key', '=', key)
        .where('state', '=', 'pending')
        .where('created_at', '=', existing.created_at)
        .executeTakeFirst();
      if (Number(takenOver.numUpdatedRows) === 1) return { kind: 'reserved' };
      continue;
    }
    try {
      await db
        .insertInto('idempotency_records')
        .values({
          owner,
          key,
          request_hash: requestHash,
          state: 'pending',
          status_code: null,
          response_body: null,
          created_at: now,
        })
        .execute();
      return { kind: 'reserved' };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another request with the same key got there first: read what it left.
    }
  }
  return { kind: 'in_progress' };
}

export async function completeKey(db: Db, owner: string, key: string, statusCode: number, body: string): Promise<void> {
  await db
    .updateTable('idempotency_records')
    .set({ state: 'done', status_code: statusCode, response_body: body })
    .where('owner', '=', owner)
    .where('key', '=', key)
    .execute();
}

export async function releaseKey(db: Db, owner: string, key: string): Promise<void> {
  await db.deleteFrom('idempotency_records').where('owner', '=', owner).where('key', '=', key).where('state', '=', 'pending').execute();
}
