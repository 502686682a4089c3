// Catalog backups: a consistent copy of catalog.sqlite made with VACUUM INTO (readers and the
// WAL included, no need to stop anything), kept in <library>/backups/ under a name that sorts
// by time. The copy is written under a temporary name, fsynced and renamed, because SQLite
// does not fsync a VACUUM INTO target itself and a crash must never leave a half backup
// that looks like a whole one.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export const BACKUPS_FOLDER = 'backups';
export const BACKUPS_KEPT = 5;

/** "catalog-2026-11-25T09-00-00-000Z-daily.sqlite": colons are not allowed in Windows names. */
const BACKUP_NAME = /^catalog-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z0-9-]+)\.sqlite$/;
const TEMP_NAME = /^\.catalog-.*\.sqlite\.tmp$/;

export interface CatalogBackup {
  file: string;
  takenAt: Date;
  /** Why it was taken: "daily" or "before-v2". */
  reason: string;
}

export function backupsDir(libraryDir: string): string {
  return path.join(libraryDir, BACKUPS_FOLDER);
}

/** The backups in a folder, newest first. Files that are not ours are ignored. */
export function listBackups(dir: string): CatalogBackup[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: CatalogBackup[] = [];
  for (const name of names) {
    const match = BACKUP_NAME.exec(name);
    if (!match?.[1] || !match[2]) continue;
    const [date, time] = match[1].split('T') as [string, string];
    const iso = `${date}T${time.replace(/^(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z')}`;
    backups.push({ file: path.join(dir, name), takenAt: new Date(iso), reason: match[2] });
  }
  return backups.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.file.localeCompare(a.file));
}

/** Copies the open catalog into `dir`, then keeps only the newest `keep` backups. */
export function backupCatalog(db: Database.Database, dir: string, reason: string, now: Date, keep = BACKUPS_KEPT): CatalogBackup {
  mkdirSync(dir, { recursive: true });
  removeStaleTemporaries(dir);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let name = `catalog-${stamp}-${reason}.sqlite`;
  // Two backups in the same millisecond (tests, or a migration right after the daily one).
  for (let n = 2; listBackups(dir).some((b) => path.basename(b.file) === name); n++) name = `catalog-${stamp}-${reason}-${n}.sqlite`;
  const target = path.join(dir, name);
  const temp = path.join(dir, `.${name}.tmp`);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    syncFile(temp);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dir);
  prune(dir, keep);
  return { file: target, takenAt: now, reason };
}

function prune(dir: string, keep: number): void {
  for (const old of listBackups(dir).slice(keep)) rmSync(old.file, { force: true });
}

/** A backup interrupted by a crash or power loss leaves its temporary file; nothing else uses it. */
function removeStaleTemporaries(dir: string): void {
  for (const name of readdirSync(dir)) if (TEMP_NAME.test(name)) rmSync(path.join(dir, name), { force: true });
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncFolder(dir: string): void {
  if (process.platform === 'win32') return; // Windows cannot fsync a directory
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
