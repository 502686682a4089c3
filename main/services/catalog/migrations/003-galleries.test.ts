import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate, readUserVersion } from '../migrate';
import { tempDir } from '../test-support';

it('migration 003 keeps a version-2 catalog’s outbox and orders, adds topics, clients and galleries, and enforces their checks', () => {
  const db = new Database(path.join(tempDir(), 'catalog.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, { target: 2 });
  db.prepare(
    "INSERT INTO sync_outbox (idempotency_key, kind, method, path, body, label, next_attempt_at, created_at, updated_at) VALUES ('k1', 'request', 'PUT', '/v1/clients/c1', '{}', 'Client', 't', 't', 't')",
  ).run();
  db.prepare(
    "INSERT INTO client_orders (id, gallery_id, state, placed_at, data, updated_at) VALUES ('o1', 'g1', 'placed', 't', '{\"id\":\"o1\"}', 't')",
  ).run();

  expect(migrate(db, { target: 3 })).toEqual([3]);
  expect(readUserVersion(db)).toBe(3);
  expect(db.prepare('SELECT idempotency_key, topic FROM sync_outbox').all()).toEqual([{ idempotency_key: 'k1', topic: null }]);
  // Orders synced before 003 count as already announced? No: they were never announced, so they are once.
  expect(db.prepare('SELECT id, notified_at FROM client_orders').all()).toEqual([{ id: 'o1', notified_at: null }]);

  const client = db.prepare(
    "INSERT INTO clients (id, name, email, phone, language, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, 't', 't')",
  );
  client.run('c1', 'Anna', 'anna@example.com', 'pl');
  expect(() => client.run('c2', ' ', 'x@example.com', 'en')).toThrow(/CHECK/);
  expect(() => client.run('c3', 'Bob', 'not-an-address', 'en')).toThrow(/CHECK/);
  expect(() => client.run('c4', 'Bob', 'bob@example.com', 'de')).toThrow(/CHECK/);

  const gallery = db.prepare(
    "INSERT INTO galleries (id, client_id, shoot_id, title, state, settings, delivery_methods, created_at, updated_at) VALUES (?, ?, NULL, 'T', ?, '{}', '[]', 't', 't')",
  );
  gallery.run('g1', 'c1', 'sending');
  expect(() => gallery.run('g2', 'nobody', 'sending')).toThrow(/FOREIGN KEY/);
  expect(() => gallery.run('g3', 'c1', 'live')).toThrow(/CHECK/);
  expect(() => db.prepare("DELETE FROM clients WHERE id = 'c1'").run()).toThrow(/FOREIGN KEY/);
  db.close();
});
