// When a catalog opens: back it up before a migration changes it, and otherwise at most once
// a day (issue 4 point 10). A catalog with no rows yet has nothing to lose and is skipped.
// A failed backup never stops the library from opening: it is logged (stderr and
// <library>/logs/catalog.log) and tried again at the next open.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { backupCatalog, backupsDir, type CatalogBackup, listBackups } from './backup';
import { readUserVersion } from './migrate';
import { LATEST_VERSION } from './migrations';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupOnOpenOptions {
  now: Date;
  /** The schema version this build migrates to; tests pass a higher one to stand for a new migration. */
  latest?: number;
  log?: (message: string) => void;
}

export function backupOnOpen(db: Database.Database, catalogFile: string, options: BackupOnOpenOptions): CatalogBackup | null {
  const libraryDir = path.dirname(catalogFile);
  const log = options.log ?? ((message: string) => logToLibrary(libraryDir, message));
  let reason = 'daily';
  try {
    const version = readUserVersion(db);
    if (version === 0 || !hasRows(db)) return null;
    const dir = backupsDir(libraryDir);
    if (version < (options.latest ?? LATEST_VERSION)) reason = `before-migration-from-v${version}`;
    else if (takenRecently(dir, options.now)) return null;
    return backupCatalog(db, dir, reason, options.now);
  } catch (error) {
    log(
      `The catalog backup (${reason}) failed: ${(error as Error).message}. The library opened normally; the backup is tried again next time it opens.`,
    );
    return null;
  }
}

function takenRecently(dir: string, now: Date): boolean {
  const newest = listBackups(dir)[0];
  if (!newest) return false;
  const age = now.getTime() - newest.takenAt.getTime();
  // A backup dated in the future (the clock was wrong) must not suppress backups until then.
  return age >= 0 && age < DAY_MS;
}

function hasRows(db: Database.Database): boolean {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.some((table) => db.prepare(`SELECT 1 FROM "${table.replaceAll('"', '""')}" LIMIT 1`).get() !== undefined);
}

function logToLibrary(libraryDir: string, message: string): void {
  const line = `${new Date().toISOString()} warn  ${message}`;
  console.error(line);
  try {
    const logs = path.join(libraryDir, 'logs');
    mkdirSync(logs, { recursive: true });
    appendFileSync(path.join(logs, 'catalog.log'), `${line}\n`);
  } catch {
    // The disk may be full or read-only: that is likely why the backup failed; stderr has it.
  }
}
