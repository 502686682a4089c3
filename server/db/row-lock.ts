// Row locks for read-modify-write inside a transaction. On PostgreSQL (several connections, several
// server instances) a row read to be changed is read `FOR UPDATE`: a second writer of the same row
// waits until the first commits and then reads what it wrote. SQLite runs one transaction at a time
// on its single connection (and has no FOR UPDATE), so there the read is already serial.
import type { SelectQueryBuilder } from 'kysely';
import type { Database, Db } from './types';

/** Whether transactions of this database can run at the same time, so rows must be locked. */
export function needsRowLocks(trx: Db): boolean {
  return trx.getExecutor().adapter.supportsMultipleConnections !== false;
}

/** The query, `FOR UPDATE` where the database needs it (see above). */
export function forUpdate<TB extends keyof Database, O>(
  trx: Db,
  query: SelectQueryBuilder<Database, TB, O>,
): SelectQueryBuilder<Database, TB, O> {
  return needsRowLocks(trx) ? query.forUpdate() : query;
}
