// The pragmas every read-write catalog connection runs with (design doc §3).
import type Database from 'better-sqlite3';

export function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode loses at most the last transactions on power loss, never consistency.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}
