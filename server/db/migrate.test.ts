import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { orderFlowProblems, orderFlowSchema } from '../../shared/orders';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../test-support/test-databases';
import { MigrationError, migrateToLatest } from './migrate';
import { migrations } from './migrations';
import * as m0001 from './migrations/0001-accounts';
import * as m0002 from './migrations/0002-publishing';
import * as m0003 from './migrations/0003-client-activity';
import * as m0004 from './migrations/0004-idempotency-owners';
import * as m0005 from './migrations/0005-studio-photo-flags';
import * as m0006 from './migrations/0006-order-flow';
import * as m0007 from './migrations/0007-deliveries';
import * as m0008 from './migrations/0008-retouch';
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
          'order_transitions',
          'order_emails',
          'studio_settings',
          'payments',
          'delivery_files',
          'download_links',
          'delivery_downloads',
          'retouch_tasks',
          'retouch_transitions',
          'retouch_versions',
          'retouch_markups',
          'retouch_originals',
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
      for (const later of [m0008, m0007, m0006, m0005, m0004, m0003, m0002]) await later.down(db);
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

      await m0008.down(db);
      await m0007.down(db);
      await m0006.down(db);
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
      await m0006.up(db);
      await m0007.up(db);
      await m0008.up(db);
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

    it('0006-order-flow: orders placed before it get a flow from their columns and one history row; the new tables hold data and go with their order', async () => {
      const db = await open();
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0006'));
      await migrateToLatest(db, before);
      // Rows as the 0005 server wrote them: the typed Db already knows the 0006 columns.
      // biome-ignore lint/suspicious/noExplicitAny: the schema before 0006
      const old = db as unknown as Kysely<any>;
      const at = Date.UTC(2030, 2, 4, 10, 0);
      await old.insertInto('studios').values({ id: 's1', name: 'Ann Studio', email: 'ann@example.com', created_at: at }).execute();
      await old
        .insertInto('galleries')
        .values({
          id: 'g1',
          studio_id: 's1',
          slug: 'g-one-slug',
          title: 'Wedding',
          access_code_hash: 'h',
          created_at: at,
          settings: JSON.stringify({ manualValidation: true, retouchBeforeDelivery: true }),
        })
        .execute();
      const order = (id: string, state: string, total: number) => ({
        id,
        studio_id: 's1',
        gallery_id: 'g1',
        session_id: null,
        number: `2030-000${id.slice(1)}`,
        state,
        placed_at: at + Number(id.slice(1)),
        delivery_method: JSON.stringify({ id: 'full', label: 'Full' }),
        photo_ids: JSON.stringify(['p1', 'p2']),
        contact: JSON.stringify({ name: 'Anna', email: 'anna@example.com', phone: null }),
        note: '',
        total_minor: total,
        vat_minor: 0,
        currency: 'PLN',
      });
      await old
        .insertInto('orders')
        .values([order('o1', 'awaiting_validation', 3000), order('o2', 'awaiting_payment', 3000), order('o3', 'awaiting_payment', 0)])
        .execute();

      expect(await migrateToLatest(db)).toEqual(['0006-order-flow', '0007-deliveries', '0008-retouch']);
      const rows = await db.selectFrom('orders').select(['id', 'state', 'flow', 'updated_at', 'placed_at']).orderBy('id').execute();
      const flows = rows.map((r) => orderFlowSchema.parse(JSON.parse(r.flow)));
      expect(flows.map(orderFlowProblems)).toEqual([[], [], []]);
      expect(flows[0]).toEqual({
        state: 'awaiting_validation',
        manualValidation: true,
        retouchBeforeDelivery: true,
        photoIds: ['p1', 'p2'],
        totalMinor: 3000,
        currency: 'PLN',
        paid: null,
        forcedDelivery: null,
        cancellation: null,
        refunds: [],
      });
      expect(flows.map((f) => [f.state, f.manualValidation, f.totalMinor])).toEqual([
        ['awaiting_validation', true, 3000],
        ['awaiting_payment', false, 3000],
        ['awaiting_payment', false, 0],
      ]);
      expect(rows.map((r) => r.updated_at)).toEqual(rows.map((r) => r.placed_at));
      const history = await db.selectFrom('order_transitions').selectAll().orderBy('order_id').execute();
      expect(history.map((h) => [h.order_id, h.seq, h.from_state, h.to_state, h.event_type, JSON.parse(h.actor), h.at])).toEqual([
        ['o1', 1, 'placed', 'awaiting_validation', 'place', { kind: 'client' }, at + 1],
        ['o2', 1, 'placed', 'awaiting_payment', 'place', { kind: 'client' }, at + 2],
        ['o3', 1, 'placed', 'awaiting_payment', 'place', { kind: 'client' }, at + 3],
      ]);
      expect(history[0]?.note).toMatch(/^Placed: 2 photos; waiting for the studio’s validation/);

      // The new tables: one transition seq per order, e-mails and payments of an order, settings per studio.
      await expect(
        db
          .insertInto('order_transitions')
          .values({ ...history[0], seq: 1 } as (typeof history)[0])
          .execute(),
      ).rejects.toThrow();
      const email = {
        studio_id: 's1',
        order_id: 'o1',
        kind: 'client_order_confirmation',
        to_address: 'anna@example.com',
        from_name: 'Ann Studio',
        reply_to: 'ann@example.com',
        subject: 'Zamówienie 2030-0001 zostało przyjęte',
        language: 'pl',
        body_text: 'Dzień dobry',
        body_html: '<p>Dzień dobry</p>',
        status: 'queued' as const,
        detail: null,
        attempts: 0,
        next_attempt_at: at,
        created_at: at,
        sent_at: null,
      };
      await db
        .insertInto('order_emails')
        .values({ id: 'e1', ...email })
        .execute();
      expect(await db.selectFrom('order_emails').selectAll().executeTakeFirstOrThrow()).toEqual({ id: 'e1', ...email });
      await db
        .insertInto('payments')
        .values({
          id: 'pay1',
          studio_id: 's1',
          order_id: 'o1',
          provider: 'test',
          state: 'pending',
          amount_minor: 3000,
          currency: 'PLN',
          created_at: at,
          settled_at: null,
        })
        .execute();
      await db
        .insertInto('studio_settings')
        .values({ studio_id: 's1', payment_instructions: 'IBAN PL00 1234', notification_email: null, card_payments: 1, updated_at: at })
        .execute();
      await expect(
        db
          .insertInto('studio_settings')
          .values({ studio_id: 's1', payment_instructions: '', notification_email: null, card_payments: 0, updated_at: at })
          .execute(),
      ).rejects.toThrow();
      await db.deleteFrom('orders').where('id', '=', 'o1').execute();
      expect(await db.selectFrom('order_transitions').select('order_id').orderBy('order_id').execute()).toEqual([
        { order_id: 'o2' },
        { order_id: 'o3' },
      ]);
      expect(await db.selectFrom('order_emails').select('id').execute()).toEqual([]);
      expect(await db.selectFrom('payments').select('id').execute()).toEqual([]);

      await m0006.down(db);
      const tables = await db.introspection.getTables();
      for (const gone of ['order_transitions', 'order_emails', 'studio_settings', 'payments'])
        expect(tables.map((t) => t.name)).not.toContain(gone);
      const orderColumns = tables.find((t) => t.name === 'orders')?.columns.map((c) => c.name);
      expect(orderColumns).not.toContain('flow');
      expect(orderColumns).not.toContain('updated_at');
      await m0006.up(db);
      expect(await db.selectFrom('order_transitions').select(['order_id', 'seq']).orderBy('order_id').execute()).toEqual([
        { order_id: 'o2', seq: 1 },
        { order_id: 'o3', seq: 1 },
      ]);
    });

    it('0007-deliveries: orders from before keep their rows; delivery files, links and downloads hold data, are unique where they must be, go with their order and after down', async () => {
      const db = await open();
      await migrateToLatest(db, Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0007')));
      const at = Date.UTC(2030, 5, 1, 8, 0);
      await db.insertInto('studios').values({ id: 's1', name: 'Ann Studio', email: 'ann@example.com', created_at: at }).execute();
      await db
        .insertInto('galleries')
        .values({
          id: 'g1',
          studio_id: 's1',
          slug: 'g-one-slug',
          title: 'Wedding',
          access_code_hash: 'h',
          created_at: at,
          client_id: null,
          expires_at: null,
          updated_at: null,
        })
        .execute();
      const order = (id: string) => ({
        id,
        studio_id: 's1',
        gallery_id: 'g1',
        session_id: null,
        number: `2030-000${id.slice(1)}`,
        state: 'ready_to_deliver',
        placed_at: at,
        delivery_method: '{}',
        photo_ids: JSON.stringify(['p1']),
        contact: '{}',
        note: '',
        total_minor: 0,
        vat_minor: 0,
        currency: 'PLN',
        flow: '{}',
        updated_at: at,
      });
      await db
        .insertInto('orders')
        .values([order('o1'), order('o2')])
        .execute();

      expect(await migrateToLatest(db)).toEqual(['0007-deliveries', '0008-retouch']);
      expect(await db.selectFrom('orders').select('id').orderBy('id').execute()).toEqual([{ id: 'o1' }, { id: 'o2' }]);
      const file = {
        order_id: 'o1',
        file_id: 'f1',
        delivery_set: 'full',
        position: 0,
        photo_id: 'p1',
        name: 'IMG_0001.jpg',
        sha256: 'a'.repeat(64),
        size: 5 * 1024 * 1024 * 1024,
        width: 6000,
        height: 4000,
        created_at: at,
      };
      await db.insertInto('delivery_files').values(file).execute();
      // A size past 32 bits comes back as the number it was.
      expect(await db.selectFrom('delivery_files').selectAll().executeTakeFirstOrThrow()).toEqual(file);
      await expect(
        db
          .insertInto('delivery_files')
          .values({ ...file, file_id: 'f2' })
          .execute(),
      ).rejects.toThrow();
      await db
        .insertInto('delivery_files')
        .values({ ...file, file_id: 'f2', delivery_set: 'web' })
        .execute();
      await db
        .insertInto('delivery_files')
        .values({ ...file, order_id: 'o2' })
        .execute();
      const link = {
        id: 'l1',
        order_id: 'o1',
        token_hash: 'b'.repeat(64),
        url: 'https://example.com/d/x',
        created_at: at,
        expires_at: at + 1,
        revoked_at: null,
      };
      await db.insertInto('download_links').values(link).execute();
      await expect(
        db
          .insertInto('download_links')
          .values({ ...link, id: 'l2', order_id: 'o2' })
          .execute(),
      ).rejects.toThrow();
      await db.insertInto('delivery_downloads').values({ id: 'd1', order_id: 'o1', what: 'zip:full', at }).execute();
      await expect(
        db
          .insertInto('delivery_files')
          .values({ ...file, order_id: 'nope' })
          .execute(),
      ).rejects.toThrow();

      await db.deleteFrom('orders').where('id', '=', 'o1').execute();
      expect(await db.selectFrom('delivery_files').select(['order_id', 'file_id']).execute()).toEqual([{ order_id: 'o2', file_id: 'f1' }]);
      expect(await db.selectFrom('download_links').select('id').execute()).toEqual([]);
      expect(await db.selectFrom('delivery_downloads').select('id').execute()).toEqual([]);

      await m0007.down(db);
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      for (const gone of ['delivery_files', 'download_links', 'delivery_downloads']) expect(tables).not.toContain(gone);
      expect(await db.selectFrom('orders').select('id').execute()).toEqual([{ id: 'o2' }]);
      await m0007.up(db);
      expect(await db.selectFrom('delivery_files').select('order_id').execute()).toEqual([]);
    });

    it('0008-retouch: orders from before keep their rows; tasks hold data, one per order and photo (any number by hand), per studio; history, versions and markups go with their task, everything with its studio and after down', async () => {
      const db = await open();
      await migrateToLatest(db, Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0008')));
      const at = Date.UTC(2030, 6, 1, 8, 0);
      for (const id of ['s1', 's2']) {
        await db
          .insertInto('studios')
          .values({ id, name: id, email: `${id}@example.com`, created_at: at })
          .execute();
      }
      await db
        .insertInto('galleries')
        .values({
          id: 'g1',
          studio_id: 's1',
          slug: 'g-one-slug',
          title: 'W',
          access_code_hash: 'h',
          created_at: at,
          client_id: null,
          expires_at: null,
          updated_at: null,
        })
        .execute();
      await db
        .insertInto('orders')
        .values({
          id: 'o1',
          studio_id: 's1',
          gallery_id: 'g1',
          session_id: null,
          number: '2030-0001',
          state: 'waiting_to_retouch',
          placed_at: at,
          delivery_method: '{}',
          photo_ids: JSON.stringify(['p1']),
          contact: '{}',
          note: '',
          total_minor: 0,
          vat_minor: 0,
          currency: 'PLN',
          flow: '{}',
          updated_at: at,
        })
        .execute();
      expect(await migrateToLatest(db)).toEqual(['0008-retouch']);
      expect(await db.selectFrom('orders').select('id').execute()).toEqual([{ id: 'o1' }]);

      const task = (studio_id: string, id: string, order_id: string | null, photo_id = 'p1') => ({
        studio_id,
        id,
        order_id,
        photo_id,
        gallery_id: order_id ? 'g1' : null,
        photo_name: 'IMG_0001.jpg',
        task: '{}',
        state: 'to_do',
        priority: 'normal',
        due_at: at + 5 * 24 * 3600 * 1000,
        revision: 1,
        created_at: at,
        updated_at: at,
      });
      await db
        .insertInto('retouch_tasks')
        .values(task('s1', 't1', 'o1'))
        .execute();
      expect(await db.selectFrom('retouch_tasks').selectAll().executeTakeFirstOrThrow()).toEqual(task('s1', 't1', 'o1'));
      // The same ordered photo twice, or the same id in the same studio: refused.
      await expect(
        db
          .insertInto('retouch_tasks')
          .values(task('s1', 't2', 'o1'))
          .execute(),
      ).rejects.toThrow();
      await expect(
        db
          .insertInto('retouch_tasks')
          .values(task('s1', 't1', null))
          .execute(),
      ).rejects.toThrow();
      // By hand, as often as wanted; another studio may use the same id.
      await db
        .insertInto('retouch_tasks')
        .values([task('s1', 't3', null), task('s1', 't4', null), task('s2', 't1', null)])
        .execute();
      const child = { studio_id: 's1', task_id: 't1', round: 1, created_at: at };
      await db
        .insertInto('retouch_transitions')
        .values({
          studio_id: 's1',
          task_id: 't1',
          seq: 1,
          from_state: null,
          to_state: 'to_do',
          event_type: 'create',
          actor: '{}',
          at,
          round: 0,
          note: 'Created.',
        })
        .execute();
      const version = {
        ...child,
        sha256: 'a'.repeat(64),
        name: 'IMG_0001-edit.tif',
        size: 5 * 1024 * 1024 * 1024,
        width: 6000,
        height: 4000,
      };
      await db.insertInto('retouch_versions').values(version).execute();
      expect(await db.selectFrom('retouch_versions').selectAll().executeTakeFirstOrThrow()).toEqual(version);
      await db
        .insertInto('retouch_markups')
        .values({ ...child, markups: '[]' })
        .execute();
      await expect(db.insertInto('retouch_versions').values(version).execute()).rejects.toThrow();
      await expect(
        db
          .insertInto('retouch_markups')
          .values({ ...child, task_id: 'nope', markups: '[]' })
          .execute(),
      ).rejects.toThrow();
      await db
        .insertInto('retouch_originals')
        .values({ studio_id: 's1', photo_id: 'p1', sha256: 'b'.repeat(64), name: 'IMG_0001.CR3', size: 1, updated_at: at })
        .execute();
      await expect(
        db
          .insertInto('retouch_originals')
          .values({ studio_id: 's1', photo_id: 'p1', sha256: 'c'.repeat(64), name: 'x', size: 1, updated_at: at })
          .execute(),
      ).rejects.toThrow();

      await db.deleteFrom('retouch_tasks').where('studio_id', '=', 's1').where('id', '=', 't1').execute();
      for (const table of ['retouch_transitions', 'retouch_versions', 'retouch_markups'] as const) {
        expect(await db.selectFrom(table).select('task_id').execute()).toEqual([]);
      }
      // The order's tasks go with the order, a studio's everything with the studio.
      await db
        .insertInto('retouch_tasks')
        .values(task('s1', 't5', 'o1'))
        .execute();
      await db.deleteFrom('orders').where('id', '=', 'o1').execute();
      expect(await db.selectFrom('retouch_tasks').select(['studio_id', 'id']).orderBy('studio_id').orderBy('id').execute()).toEqual([
        { studio_id: 's1', id: 't3' },
        { studio_id: 's1', id: 't4' },
        { studio_id: 's2', id: 't1' },
      ]);
      await db.deleteFrom('studios').where('id', '=', 's1').execute();
      expect(await db.selectFrom('retouch_tasks').select('id').execute()).toEqual([{ id: 't1' }]);
      expect(await db.selectFrom('retouch_originals').select('photo_id').execute()).toEqual([]);

      await m0008.down(db);
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      for (const gone of ['retouch_tasks', 'retouch_transitions', 'retouch_versions', 'retouch_markups', 'retouch_originals']) {
        expect(tables).not.toContain(gone);
      }
      await m0008.up(db);
      expect(await db.selectFrom('retouch_tasks').select('id').execute()).toEqual([]);
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
