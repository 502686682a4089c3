// Applies numbered migrations, each in its own transaction together with the
// user_version bump, so a crash leaves the catalog at version N or N+1, never between.
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { migrations as allMigrations, type Migration } from './migrations';

export function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertNotNewer(db: Database.Database, known: number): void {
  if (readUserVersion(db) > known) {
    throw new AppError(
      'newer_version',
      'This catalog was made by a newer version of Proofdesk. Update Proofdesk to open it; it was not changed.',
    );
  }
}

/** Migrates up to `target` (default: the latest). Returns the versions applied. */
export function migrate(db: Database.Database, options: { migrations?: readonly Migration[]; target?: number } = {}): number[] {
  const list = options.migrations ?? allMigrations;
  const target = options.target ?? list.length;
  assertNotNewer(db, list.length);
  const applied: number[] = [];
  for (const migration of list) {
    if (migration.version > target || migration.version <= readUserVersion(db)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      // PRAGMA cannot take a bound parameter; the version is our own integer.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}
