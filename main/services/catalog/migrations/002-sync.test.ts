import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate, readUserVersion } from '../migrate';
import { tempDir } from '../test-support';

it('migration 002 adds the sync tables to a version-1 catalog and enforces their checks', () => {
  const db = new Database(path.join(tempDir(), 'catalog.sqlite'));
  migrate(db, { target: 1 });
  expect(migrate(db, { target: 2 })).toEqual([2]);
  expect(readUserVersion(db)).toBe(2);
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB '*_*' ORDER BY name").pluck().all();
  expect(tables).toEqual(
    expect.arrayContaining([
      'client_activity',
      'client_basket',
      'client_favourites',
      'client_gallery_views',
      'client_orders',
      'sync_outbox',
      'sync_state',
    ]),
  );
  expect(db.prepare('SELECT count(*) FROM sync_state').pluck().get()).toBe(0);
  const insert = db.prepare(
    "INSERT INTO sync_outbox (idempotency_key, kind, method, path, body, label, next_attempt_at, created_at, updated_at) VALUES (?, 'request', 'POST', ?, ?, 'x', 't', 't', 't')",
  );
  insert.run('k1', '/v1/x', '{"a":1}');
  expect(() => insert.run('k1', '/v1/y', null)).toThrow(/UNIQUE/);
  expect(() => insert.run('k2', 'v1/x', null)).toThrow(/CHECK/);
  expect(() => insert.run('k3', '/v1/x', '{broken')).toThrow(/CHECK/);
  expect(() => db.prepare('INSERT INTO sync_state (id) VALUES (2)').run()).toThrow(/CHECK/);
  db.close();
});
