// What clients do in a gallery (favourites, basket, orders) and the per-studio change feed
// the studio pulls it through. Counters hand out per-studio sequence numbers (feed seq,
// order numbers) with one upsert, whose row lock also orders concurrent writers' commits.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types (design §8)
export async function up(db: Kysely<any>): Promise<void> {
  // Favourites and basket share one shape: `list` is 'favourite' or 'basket'.
  await db.schema
    .createTable('selections')
    .addColumn('gallery_id', 'text', (c) => c.notNull().references('galleries.id').onDelete('cascade'))
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('photo_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('selections_pk', ['gallery_id', 'list', 'photo_id'])
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('studio_id', 'text', (c) => c.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('gallery_id', 'text', (c) => c.notNull().references('galleries.id').onDelete('cascade'))
    // No foreign key: sessions are deleted when the access code is regenerated; the order stays.
    .addColumn('session_id', 'text')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('placed_at', 'bigint', (c) => c.notNull())
    .addColumn('delivery_method', 'text', (c) => c.notNull())
    .addColumn('photo_ids', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addColumn('vat_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addUniqueConstraint('orders_studio_number', ['studio_id', 'number'])
    .execute();
  await db.schema.createIndex('orders_gallery_id').on('orders').column('gallery_id').execute();

  await db.schema
    .createTable('changes')
    .addColumn('studio_id', 'text', (c) => c.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('gallery_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('changes_pk', ['studio_id', 'seq'])
    .execute();

  await db.schema
    .createTable('studio_counters')
    .addColumn('studio_id', 'text', (c) => c.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('studio_counters_pk', ['studio_id', 'name'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['studio_counters', 'changes', 'orders', 'selections']) await db.schema.dropTable(table).execute();
}
