import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../test-support/test-databases';
import { MigrationError, migrateToLatest } from './migrate';
import { migrations } from './migrations';
import * as m0001 from './migrations/0001-accounts';
import * as m0002 from './migrations/0002-publishing';
import * as m0003 from './migrations/0003-client-activity';
import * as m0004 from './migrations/0004-idempotency-owners';
import * as m0005 from './migrations/0005-studio-photo-flags';
import { openDatabase } from './open-database';
import type { Db } from './types';

for (const kind of databaseKinds) {
  describe(`migrations [${kind}]`, () => {
    let database: TestDatabase | undefined;
    let db: Db | undefined;
    afterEach(async () => {
      await db?.destroy();
      await database?.dispose();
      db = undefined;
      database = undefined;
    });
    const open = async () => {
      database = await createTestDatabase(kind);
      db = openDatabase(database.database);
      return db;
    };

    it('bring an empty database to the latest schema once, and then do nothing', async () => {
      const db = await open();
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(db)).toEqual([]);
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      expect(tables).toEqual(
        expect.arrayContaining([
          'studios',
          'devices',
          'pairing_codes',
          'galleries',
          'client_sessions',
          'idempotency_records',
          'rate_limits',
          'clients',
          'gallery_photos',
          'uploads',
          'selections',
          'orders',
          'changes',
          'studio_counters',
          'studio_photo_flags',
        ]),
      );
    });

    it('0001-accounts: holds data after up (times as numbers, foreign keys enforced) and is gone after down', async () => {
      const db = await open();
      await migrateToLatest(db);
      const at = Date.UTC(2030, 0, 1, 12, 0, 0, 123);
      await db.insertInto('studios').values({ id: 's1', name: 'Ann Studio', email: 'ann@example.com', created_at: at }).execute();
      await db
        .insertInto('devices')
        .values({ id: 'd1', studio_id: 's1', name: 'Laptop', token_hash: 'h', created_at: at, last_seen_at: null, revoked_at: null })
        .execute();
      const device = await db.selectFrom('devices').selectAll().where('id', '=', 'd1').executeTakeFirstOrThrow();
      expect(device.created_at).toBe(at);
      expect(typeof device.created_at).toBe('number');
      await expect(
        db
          .insertInto('devices')
          .values({ id: 'd2', studio_id: 'nope', name: 'x', token_hash: 'h', created_at: at, last_seen_at: null, revoked_at: null })
          .execute(),
      ).rejects.toThrow();
      // Deleting a studio takes its devices with it.
      await db.deleteFrom('studios').where('id', '=', 's1').execute();
      expect(await db.selectFrom('devices').selectAll().execute()).toEqual([]);

      // Later migrations build on 0001's tables: undo them first, newest first.
      for (const later of [m0005, m0004, m0003, m0002]) await later.down(db);
      await m0001.down(db);
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      expect(tables).not.toContain('studios');
      await m0001.up(db);
      expect(await sql`select count(*) as n from studios`.execute(db)).toMatchObject({ rows: [{ n: 0 }] });
    });

    it('0002–0004: down undoes up (newest first) and up again works; stored idempotency answers move over and back', async () => {
      const db = await open();
      await migrateToLatest(db);
      const at = Date.UTC(2030, 0, 1);
      await db.insertInto('studios').values({ id: 's1', name: 'Ann Studio', email: 'ann@example.com', created_at: at }).execute();
      await db
        .insertInto('devices')
        .values({ id: 'd1', studio_id: 's1', name: 'Laptop', token_hash: 'h', created_at: at, last_seen_at: null, revoked_at: null })
        .execute();
      const answer = { key: 'k1', request_hash: 'r', state: 'done' as const, status_code: 201, response_body: '{}', created_at: at };
      await db
        .insertInto('idempotency_records')
        .values({ owner: 'device:d1', ...answer })
        .execute();
      await db
        .insertInto('idempotency_records')
        .values({ owner: 'gallery:g1', ...answer })
        .execute();

      await m0004.down(db);
      expect(await sql`select device_id, key from idempotency_keys`.execute(db)).toMatchObject({ rows: [{ device_id: 'd1', key: 'k1' }] });
      await m0003.down(db);
      await m0002.down(db);
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      for (const gone of [
        'clients',
        'gallery_photos',
        'uploads',
        'selections',
        'orders',
        'changes',
        'studio_counters',
        'idempotency_records',
      ]) {
        expect(tables).not.toContain(gone);
      }
      const galleryColumns = (await db.introspection.getTables()).find((t) => t.name === 'galleries')?.columns.map((c) => c.name);
      expect(galleryColumns).not.toContain('status');

      await m0002.up(db);
      await m0003.up(db);
      await m0004.up(db);
      expect(await db.selectFrom('idempotency_records').select(['owner', 'key']).execute()).toEqual([{ owner: 'device:d1', key: 'k1' }]);
    });

    it('0005-studio-photo-flags: one row per studio and photo, no label allowed, gone with the studio and after down', async () => {
      const db = await open();
      await migrateToLatest(db);
      const at = Date.UTC(2030, 0, 1, 9, 30);
      for (const id of ['s1', 's2']) {
        await db
          .insertInto('studios')
          .values({ id, name: id, email: `${id}@example.com`, created_at: at })
          .execute();
      }
      const flags = {
        photo_id: 'p1',
        gallery_id: 'g1',
        rating: 4,
        pick: 'pick' as const,
        color_label: null,
        updated_at: at,
        device_id: 'd1',
      };
      await db
        .insertInto('studio_photo_flags')
        .values({ studio_id: 's1', ...flags })
        .execute();
      // The same catalog photo id in another studio is another row; twice in one studio is refused.
      await db
        .insertInto('studio_photo_flags')
        .values({ studio_id: 's2', ...flags, color_label: 'red' })
        .execute();
      await expect(
        db
          .insertInto('studio_photo_flags')
          .values({ studio_id: 's1', ...flags })
          .execute(),
      ).rejects.toThrow();
      const s1 = await db.selectFrom('studio_photo_flags').selectAll().where('studio_id', '=', 's1').executeTakeFirstOrThrow();
      expect(s1).toEqual({ studio_id: 's1', ...flags });
      expect(typeof s1.updated_at).toBe('number');
      await db.deleteFrom('studios').where('id', '=', 's1').execute();
      expect(await db.selectFrom('studio_photo_flags').select('studio_id').execute()).toEqual([{ studio_id: 's2' }]);

      await m0005.down(db);
      expect((await db.introspection.getTables()).map((t) => t.name)).not.toContain('studio_photo_flags');
      await m0005.up(db);
      expect(await db.selectFrom('studio_photo_flags').selectAll().execute()).toEqual([]);
    });

    it('refuse a database written by a newer server, with a sentence saying what to do', async () => {
      const db = await open();
      await migrateToLatest(db);
      await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2099-01-01T00:00:00.000Z')`.execute(db);
      const failure = migrateToLatest(db);
      await expect(failure).rejects.toBeInstanceOf(MigrationError);
      await expect(migrateToLatest(db)).rejects.toThrow(/newer Proofdesk server .*9999-from-the-future.*Update the server/);
    });
  });
}
