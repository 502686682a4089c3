import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate, readUserVersion } from '../migrate';
import { tempDir } from '../test-support';

const sha = (c: string) => c.repeat(64);

it('migration 006 keeps a version-5 catalog’s rows, adds the retouch tables and enforces their checks', () => {
  const db = new Database(path.join(tempDir(), 'catalog.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, { target: 5 });
  db.prepare("INSERT INTO studio_settings (id, data, updated_at) VALUES (1, '{\"cardPayments\":false}', 't')").run();
  db.prepare(
    "INSERT INTO client_orders (id, gallery_id, state, placed_at, data, updated_at) VALUES ('o1', 'g1', 'paid', 't', '{\"id\":\"o1\"}', 't')",
  ).run();
  db.prepare(
    "INSERT INTO sync_outbox (idempotency_key, kind, method, path, body, label, topic, next_attempt_at, created_at, updated_at) VALUES ('k1', 'request', 'POST', '/v1/orders/o1/events', '{}', 'Validate', 'order:o1', 't', 't', 't')",
  ).run();

  expect(migrate(db, { target: 6 })).toEqual([6]);
  expect(readUserVersion(db)).toBe(6);
  expect(db.prepare('SELECT data FROM studio_settings').pluck().get()).toBe('{"cardPayments":false}');
  expect(db.prepare('SELECT id, state FROM client_orders').all()).toEqual([{ id: 'o1', state: 'paid' }]);
  expect(db.prepare('SELECT topic FROM sync_outbox').pluck().all()).toEqual(['order:o1']);

  const task = db.prepare("INSERT INTO retouch_tasks (id, view, revision, state, order_id, updated_at) VALUES (?, ?, ?, ?, 'o1', 't')");
  task.run('t1', '{"revision":3}', 3, 'in_review');
  task.run('t2', '{"revision":1}', 0, 'to_do');
  expect(() => task.run('t1', '{}', 4, 'to_do')).toThrow(/UNIQUE/);
  expect(() => task.run('t3', '{broken', 1, 'to_do')).toThrow(/CHECK/);
  expect(() => task.run('t4', '{}', -1, 'to_do')).toThrow(/CHECK/);
  expect(() => task.run('t5', '{}', 1, 'claimed')).toThrow(/CHECK/);

  const version = db.prepare(
    "INSERT INTO retouch_versions (task_id, round, path, file, name, sha256, size, width, height, recorded_at) VALUES (?, ?, '/edits/IMG_1.tif', '/lib/retouch/versions/x.tif', ?, ?, 10, 6000, 4000, 't')",
  );
  version.run('t1', 1, 'IMG_1.tif', sha('a'));
  expect(() => version.run('t1', 1, 'IMG_1.tif', sha('b'))).toThrow(/UNIQUE/);
  expect(() => version.run('t1', 0, 'IMG_1.tif', sha('b'))).toThrow(/CHECK/);
  expect(() => version.run('t1', 2, 'edits/IMG_1.tif', sha('b'))).toThrow(/CHECK/);
  expect(() => version.run('t1', 2, 'IMG_1.tif', 'short')).toThrow(/CHECK/);

  const image = db.prepare(
    "INSERT INTO retouch_images (sha256, source, screen, full, width, height, made_at) VALUES (?, NULL, ?, 'retouch/full.jpg', 6000, 4000, 't')",
  );
  image.run(sha('a'), 'retouch/screen.jpg');
  expect(() => image.run(sha('a'), 'retouch/other.jpg')).toThrow(/UNIQUE/);
  expect(() => image.run(sha('c'), '/abs/screen.jpg')).toThrow(/CHECK/);
  expect(() => image.run(sha('d'), '../outside.jpg')).toThrow(/CHECK/);

  const problem = db.prepare("INSERT INTO retouch_problems (task_id, message, outbox_seq, at) VALUES (?, ?, NULL, 't')");
  problem.run('t1', 'Refused.');
  expect(() => problem.run('t2', '')).toThrow(/CHECK/);
  db.close();
});
