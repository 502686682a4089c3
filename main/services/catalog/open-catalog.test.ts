import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from './migrations';
import { CATALOG_FILE, openCatalog } from './open-catalog';
import { manualClock, tempDir } from './test-support';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('openCatalog', () => {
  it('creates catalog.sqlite in WAL mode with the house pragmas, migrated to the latest version', () => {
    const dir = tempDir();
    const catalog = openCatalog(dir, manualClock());
    expect(catalog.path).toBe(path.join(dir, CATALOG_FILE));
    catalog.close();
    const db = new Database(path.join(dir, CATALOG_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('enforces foreign keys on its connection', () => {
    const catalog = openCatalog(tempDir(), manualClock());
    expect(() =>
      catalog.photos.create({
        shootId: 'nope',
        folder: '/x',
        stem: 'a',
        files: [{ path: '/x/a.jpg', role: 'primary', size: 1, mtimeMs: 1, fingerprint: null }],
      }),
    ).toThrow(expect.objectContaining({ code: 'not_found' }));
    catalog.close();
  });

  it('keeps data across close and reopen', () => {
    const dir = tempDir();
    const first = openCatalog(dir, manualClock());
    const shoot = first.shoots.add({ path: '/shoots/a', name: 'A', kind: 'shoot' });
    first.close();
    const second = openCatalog(dir, manualClock());
    expect(second.shoots.get(shoot.id)).toEqual(shoot);
    second.close();
  });

  it('refuses a catalog from a newer Proofdesk and leaves the file byte for byte unchanged', () => {
    const dir = tempDir();
    const file = path.join(dir, CATALOG_FILE);
    const db = new Database(file);
    db.exec('CREATE TABLE future (x TEXT); INSERT INTO future VALUES (1);');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const before = sha(file);
    expect(() => openCatalog(dir, manualClock())).toThrow(
      expect.objectContaining({ code: 'newer_version', message: expect.stringContaining('Update Proofdesk to open it') }),
    );
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual([CATALOG_FILE]);
  });

  it('refuses a damaged file with io_error and does not overwrite it', () => {
    const dir = tempDir();
    const file = path.join(dir, CATALOG_FILE);
    writeFileSync(file, 'this is not a database, but it is long enough to have a header of sixteen bytes');
    const before = sha(file);
    expect(() => openCatalog(dir, manualClock())).toThrow(expect.objectContaining({ code: 'io_error' }));
    expect(sha(file)).toBe(before);
  });

  it('reports a library folder that does not exist instead of creating it', () => {
    const dir = path.join(tempDir(), 'gone');
    expect(() => openCatalog(dir, manualClock())).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(existsSync(dir)).toBe(false);
  });
});
