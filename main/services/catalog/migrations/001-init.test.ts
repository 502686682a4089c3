import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, readUserVersion } from '../migrate';
import { tempDir } from '../test-support';

// Version 0 is an empty file (what better-sqlite3 creates); 001 must turn it into a
// usable catalog and its constraints must hold real data.
function freshAt0() {
  const db = new Database(path.join(tempDir(), 'catalog.sqlite'));
  db.pragma('foreign_keys = ON');
  return db;
}

const T = '2025-06-01T10:00:00.000Z';

describe('migration 001-init', () => {
  it('migrates an empty version-0 database to version 1 with every table', () => {
    const db = freshAt0();
    expect(readUserVersion(db)).toBe(0);
    expect(migrate(db, { target: 1 })).toEqual([1]);
    expect(readUserVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['jobs', 'metadata', 'photo_files', 'photo_flags', 'photos', 'shoots', 'variants']);
    db.close();
  });

  it('stores a shoot with a RAW+JPEG photo, variants, metadata, flags and a job, and enforces the checks', () => {
    const db = freshAt0();
    migrate(db, { target: 1 });
    db.prepare("INSERT INTO shoots VALUES ('s1', '/shoots/wedding', 'Wedding', 'shoot', 'online', ?, NULL)").run(T);
    db.prepare(
      "INSERT INTO photos (id, shoot_id, folder, stem, status, created_at, updated_at) VALUES ('p1', 's1', '/shoots/wedding', 'IMG_1', 'ready', ?, ?)",
    ).run(T, T);
    const file = db.prepare("INSERT INTO photo_files VALUES ('p1', ?, ?, 100, 1.5, 'fp')");
    file.run('/shoots/wedding/IMG_1.CR3', 'raw');
    file.run('/shoots/wedding/IMG_1.JPG', 'jpeg');
    db.prepare("INSERT INTO variants VALUES ('p1', 'thumb', 'h', 'ab/p1-thumb.webp', 400, 300, 9000, ?)").run(T);
    db.prepare("INSERT INTO metadata (photo_id, keywords) VALUES ('p1', '[\"bride\"]')").run();
    db.prepare("INSERT INTO photo_flags VALUES ('p1', 5, 'pick', 'red', ?)").run(T);
    db.prepare(
      "INSERT INTO jobs (id, queue, kind, payload, dedupe_key, max_attempts, run_after, created_at, updated_at) VALUES ('j1', 'ingest', 'thumb', '{}', 'k', 3, ?, ?, ?)",
    ).run(T, T, T);

    expect(db.prepare("SELECT count(*) FROM photo_files WHERE photo_id = 'p1'").pluck().get()).toBe(2);
    expect(() => db.prepare("UPDATE photo_flags SET rating = 6 WHERE photo_id = 'p1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE photos SET status = 'gone' WHERE id = 'p1'").run()).toThrow(/CHECK/);
    expect(() => file.run('/shoots/wedding/IMG_1.JPG', 'jpeg')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO variants VALUES ('p1', 'thumb', 'h2', 'x', 1, 1, 1, ?)").run(T)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE metadata SET keywords = 'not json' WHERE photo_id = 'p1'").run()).toThrow();
    // The flagged photo cannot be deleted at the database level.
    expect(() => db.prepare("DELETE FROM photos WHERE id = 'p1'").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('allows one waiting job per dedupe key, beside a running one, and a new one once it is done', () => {
    const db = freshAt0();
    migrate(db, { target: 1 });
    const insert = db.prepare(
      "INSERT INTO jobs (id, queue, kind, payload, dedupe_key, state, max_attempts, run_after, created_at, updated_at) VALUES (?, 'q', 'k', 'null', 'same', ?, 3, ?, ?, ?)",
    );
    insert.run('a', 'queued', T, T, T);
    expect(() => insert.run('b', 'queued', T, T, T)).toThrow(/UNIQUE/);
    insert.run('r', 'running', T, T, T);
    db.prepare("UPDATE jobs SET state = 'done' WHERE id = 'a'").run();
    insert.run('c', 'queued', T, T, T);
    expect(db.prepare('SELECT count(*) FROM jobs').pluck().get()).toBe(3);
    db.close();
  });
});
