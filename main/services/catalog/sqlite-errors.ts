// Recognising SQLite constraint failures, so repositories can turn them into AppErrors
// that tell the user what clashed instead of leaking "SQLITE_CONSTRAINT_UNIQUE".
import Database from 'better-sqlite3';

export function isConstraint(error: unknown, kind: 'UNIQUE' | 'FOREIGNKEY' | 'CHECK'): boolean {
  return error instanceof Database.SqliteError && error.code === `SQLITE_CONSTRAINT_${kind}`;
}
