import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupsDir, listBackups } from './backup';
import { backupOnOpen } from './backup-on-open';
import { configureConnection } from './connection';
import { migrate, readUserVersion } from './migrate';
import { LATEST_VERSION, type Migration, migrations } from './migrations';
import { CATALOG_FILE, openCatalog } from './open-catalog';
import { manualClock, tempDir } from './test-support';

const HOUR = 60 * 60 * 1000;

function libraryWithOneShoot(clock = manualClock()) {
  const dir = tempDir();
  const catalog = openCatalog(dir, clock);
  catalog.shoots.add({ path: '/shoots/nowak', name: 'Nowak family', kind: 'shoot' });
  catalog.close();
  return { dir, clock };
}

describe('daily backup when a library opens', () => {
  it('backs up a catalog with data at most once a day and keeps the newest five', () => {
    const { dir, clock } = libraryWithOneShoot();
    const reopen = () => openCatalog(dir, clock).close();

    reopen();
    expect(listBackups(backupsDir(dir)).map((b) => b.reason)).toEqual(['daily']);
    clock.advance(5 * HOUR);
    reopen();
    expect(listBackups(backupsDir(dir))).toHaveLength(1);
    clock.advance(20 * HOUR);
    reopen();
    expect(listBackups(backupsDir(dir))).toHaveLength(2);
    for (let day = 0; day < 6; day++) {
      clock.advance(25 * HOUR);
      reopen();
    }
    const kept = listBackups(backupsDir(dir));
    expect(kept).toHaveLength(5);
    expect(kept[0]?.takenAt).toEqual(clock.now());
  });

  it('backs up nothing for a new or still empty catalog', () => {
    const dir = tempDir();
    const clock = manualClock();
    openCatalog(dir, clock).close();
    clock.advance(48 * HOUR);
    openCatalog(dir, clock).close();
    expect(existsSync(backupsDir(dir))).toBe(false);
  });

  it('is not silenced by a backup dated in the future (a clock that was wrong)', () => {
    const { dir, clock } = libraryWithOneShoot(manualClock('2030-01-01T00:00:00Z'));
    openCatalog(dir, clock).close();
    const back = manualClock('2026-01-01T00:00:00Z');
    openCatalog(dir, back).close();
    expect(listBackups(backupsDir(dir)).map((b) => b.takenAt.getUTCFullYear())).toEqual([2030, 2026]);
  });

  it('never stops the library from opening when the backup fails, and logs why', () => {
    const { dir, clock } = libraryWithOneShoot();
    writeFileSync(path.join(dir, 'backups'), 'a file where the backups folder should be');
    const catalog = openCatalog(dir, clock);
    expect(catalog.shoots.list().map((s) => s.name)).toEqual(['Nowak family']);
    catalog.close();
    const log = readFileSync(path.join(dir, 'logs', 'catalog.log'), 'utf8');
    expect(log).toMatch(/catalog backup \(daily\) failed: .*opened normally/);
  });
});

describe('backup before a migration', () => {
  // Stands for the next real migration: adds a column and rewrites existing rows.
  const next: Migration = {
    version: LATEST_VERSION + 1,
    name: 'test-next',
    sql: "ALTER TABLE shoots ADD COLUMN note TEXT; UPDATE shoots SET name = upper(name), note = 'migrated';",
  };

  function openForMigration(dir: string) {
    const db = new Database(path.join(dir, CATALOG_FILE));
    configureConnection(db);
    return db;
  }

  it('copies the catalog as it was before the migration changed it, even right after a daily backup', () => {
    const { dir, clock } = libraryWithOneShoot();
    openCatalog(dir, clock).close(); // today's daily backup
    clock.advance(HOUR);
    const db = openForMigration(dir);
    const logged: string[] = [];
    const backup = backupOnOpen(db, path.join(dir, CATALOG_FILE), { now: clock.now(), latest: next.version, log: (m) => logged.push(m) });
    expect(migrate(db, { migrations: [...migrations, next] })).toEqual([next.version]);
    expect(db.prepare('SELECT name FROM shoots').pluck().get()).toBe('NOWAK FAMILY');
    db.close();

    expect(logged).toEqual([]);
    expect(backup?.reason).toBe(`before-migration-from-v${LATEST_VERSION}`);
    expect(listBackups(backupsDir(dir))).toHaveLength(2);
    const copy = new Database(backup?.file ?? '', { readonly: true });
    expect(readUserVersion(copy)).toBe(LATEST_VERSION);
    expect(copy.prepare('SELECT name FROM shoots').pluck().get()).toBe('Nowak family');
    expect(copy.prepare("SELECT count(*) FROM pragma_table_info('shoots') WHERE name = 'note'").pluck().get()).toBe(0);
    copy.close();
  });

  it('takes no backup before migrating a catalog that has no rows', () => {
    const dir = tempDir();
    openCatalog(dir, manualClock()).close();
    const db = openForMigration(dir);
    expect(backupOnOpen(db, path.join(dir, CATALOG_FILE), { now: new Date(), latest: next.version })).toBeNull();
    db.close();
    expect(existsSync(backupsDir(dir))).toBe(false);
  });

  it('lets the migration go ahead when the backup fails, and says so in the log', () => {
    const { dir, clock } = libraryWithOneShoot();
    writeFileSync(path.join(dir, 'backups'), 'in the way');
    const db = openForMigration(dir);
    const logged: string[] = [];
    expect(
      backupOnOpen(db, path.join(dir, CATALOG_FILE), { now: clock.now(), latest: next.version, log: (m) => logged.push(m) }),
    ).toBeNull();
    expect(migrate(db, { migrations: [...migrations, next] })).toEqual([next.version]);
    db.close();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(`before-migration-from-v${LATEST_VERSION}) failed`);
  });
});
