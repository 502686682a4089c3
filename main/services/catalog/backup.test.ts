import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, backupCatalog, backupsDir, listBackups } from './backup';
import { LATEST_VERSION } from './migrations';
import { openCatalog } from './open-catalog';
import { manualClock, tempDir } from './test-support';

function populatedCatalog(dir: string) {
  const clock = manualClock();
  const catalog = openCatalog(dir, clock);
  const shoot = catalog.shoots.add({ path: '/shoots/kowalski', name: 'Kowalski wedding', kind: 'shoot' });
  for (let i = 0; i < 50; i++) {
    catalog.photos.create({
      shootId: shoot.id,
      folder: '/shoots/kowalski',
      stem: `IMG_${i}`,
      files: [{ path: `/shoots/kowalski/IMG_${i}.JPG`, role: 'primary', size: 1000 + i, mtimeMs: 1, fingerprint: null }],
    });
  }
  return { catalog, shoot };
}

describe('backupCatalog', () => {
  it('writes a complete, openable copy of a live WAL catalog with every row', () => {
    const dir = tempDir();
    const { catalog, shoot } = populatedCatalog(dir);
    const db = new Database(catalog.path); // a second connection, as VACUUM INTO runs beside the app's
    const backup = backupCatalog(db, backupsDir(dir), 'daily', new Date('2026-11-25T09:00:00.123Z'));
    db.close();
    expect(path.basename(backup.file)).toBe('catalog-2026-11-25T09-00-00-123Z-daily.sqlite');
    const copy = new Database(backup.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM photos WHERE shoot_id = ?').pluck().get(shoot.id)).toBe(50);
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    copy.close();
    catalog.close();
    expect(readdirSync(backupsDir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it(`keeps the newest ${BACKUPS_KEPT}, never touching other files in the folder`, () => {
    const dir = tempDir();
    const { catalog } = populatedCatalog(dir);
    const db = new Database(catalog.path);
    const folder = backupsDir(dir);
    backupCatalog(db, folder, 'daily', new Date('2026-01-01T00:00:00Z'));
    writeFileSync(path.join(folder, 'notes.txt'), 'the studio keeps its own notes here');
    for (let day = 2; day <= 9; day++) backupCatalog(db, folder, 'daily', new Date(`2026-01-0${day}T00:00:00Z`));
    db.close();
    catalog.close();
    expect(listBackups(folder).map((b) => b.takenAt.toISOString().slice(0, 10))).toEqual([
      '2026-01-09',
      '2026-01-08',
      '2026-01-07',
      '2026-01-06',
      '2026-01-05',
    ]);
    expect(existsSync(path.join(folder, 'notes.txt'))).toBe(true);
  });

  it('removes the temporary file a crashed backup left behind and never lists it', () => {
    const dir = tempDir();
    const { catalog } = populatedCatalog(dir);
    const folder = backupsDir(dir);
    const db = new Database(catalog.path);
    backupCatalog(db, folder, 'daily', new Date('2026-01-01T00:00:00Z'));
    const stale = path.join(folder, '.catalog-2026-01-02T00-00-00-000Z-daily.sqlite.tmp');
    writeFileSync(stale, 'half a database');
    expect(listBackups(folder)).toHaveLength(1);
    backupCatalog(db, folder, 'daily', new Date('2026-01-03T00:00:00Z'));
    db.close();
    catalog.close();
    expect(existsSync(stale)).toBe(false);
    expect(listBackups(folder)).toHaveLength(2);
  });

  it('gives two backups taken in the same millisecond different names', () => {
    const dir = tempDir();
    const { catalog } = populatedCatalog(dir);
    const db = new Database(catalog.path);
    const at = new Date('2026-01-01T00:00:00Z');
    const a = backupCatalog(db, backupsDir(dir), 'daily', at);
    const b = backupCatalog(db, backupsDir(dir), 'daily', at);
    db.close();
    catalog.close();
    expect(a.file).not.toBe(b.file);
    expect(listBackups(backupsDir(dir))).toHaveLength(2);
  });
});
