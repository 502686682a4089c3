import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../test-support/test-databases';
import { MigrationError, migrateToLatest } from './migrate';
import { migrations } from './migrations';
import * as m0001 from './migrations/0001-accounts';
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
        expect.arrayContaining(['studios', 'devices', 'pairing_codes', 'galleries', 'client_sessions', 'idempotency_keys', 'rate_limits']),
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

      await m0001.down(db);
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      expect(tables).not.toContain('studios');
      await m0001.up(db);
      expect(await sql`select count(*) as n from studios`.execute(db)).toMatchObject({ rows: [{ n: 0 }] });
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
