// Idempotency keys were per studio device; client orders need them too (per gallery, so a
// retry after the client re-enters the code still matches). One table keyed by an owner
// string, "device:<id>" or "gallery:<id>", replaces the device-only one; stored answers move over.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types (design §8)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotency_records')
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_records_pk', ['owner', 'key'])
    .execute();
  await sql`insert into idempotency_records (owner, key, request_hash, state, status_code, response_body, created_at)
    select 'device:' || device_id, key, request_hash, state, status_code, response_body, created_at from idempotency_keys`.execute(db);
  await db.schema.dropTable('idempotency_keys').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['device_id', 'key'])
    .execute();
  await sql`insert into idempotency_keys (device_id, key, request_hash, state, status_code, response_body, created_at)
    select substr(owner, 8), key, request_hash, state, status_code, response_body, created_at from idempotency_records
    where owner like 'device:%' and substr(owner, 8) in (select id from devices)`.execute(db);
  await db.schema.dropTable('idempotency_records').execute();
}
