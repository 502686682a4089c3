import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { configureConnection } from './connection';
import { tempDir } from './test-support';

it('puts a connection in WAL mode with synchronous=NORMAL, foreign keys on and a 5 s busy timeout', () => {
  const db = new Database(path.join(tempDir(), 'c.sqlite'), { timeout: 0 });
  configureConnection(db);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.pragma('synchronous', { simple: true })).toBe(1); // 1 = NORMAL
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  db.close();
});
