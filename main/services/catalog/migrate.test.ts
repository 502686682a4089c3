import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { migrate, readUserVersion } from './migrate';
import { LATEST_VERSION, type Migration, migrations } from './migrations';
import { tempDir } from './test-support';

function openAt(version: number) {
  const db = new Database(path.join(tempDir(), 'catalog.sqlite'));
  db.pragma(`user_version = ${version}`);
  return db;
}

describe('migrate', () => {
  it('numbers migrations 1..N with no gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
  });

  it('applies nothing to a catalog that is already current', () => {
    const db = openAt(0);
    migrate(db);
    expect(migrate(db)).toEqual([]);
    expect(readUserVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses a catalog from a newer version without changing it', () => {
    const db = openAt(LATEST_VERSION + 1);
    let caught: unknown;
    try {
      migrate(db);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('newer_version');
    expect(readUserVersion(db)).toBe(LATEST_VERSION + 1);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get()).toBe(0);
    db.close();
  });

  it('rolls a failing migration back completely: no table, no version bump', () => {
    const db = openAt(0);
    const list: Migration[] = [
      { version: 1, name: 'good', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'bad', sql: 'CREATE TABLE b (x INTEGER); INSERT INTO a VALUES (1); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, { migrations: list })).toThrow(/nowhere/);
    expect(readUserVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(['a']);
    expect(db.prepare('SELECT count(*) FROM a').pluck().get()).toBe(0);
    db.close();
  });
});
