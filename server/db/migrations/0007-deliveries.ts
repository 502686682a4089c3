// Delivery of edited files (issue 6 point 5): an order's delivery set (the files of its 'full'
// and 'web' sets, already in storage by sha256), its download links (the token's sha256 is what a
// download is checked against; the page address itself is kept for the studio to copy) and the
// client's downloads, which the studio sees.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types (design §8)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('delivery_files')
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    /** Stable for the same set and name across PUTs, so a page the client has open keeps working. */
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('delivery_set', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('photo_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('delivery_files_pk', ['order_id', 'file_id'])
    .addUniqueConstraint('delivery_files_name', ['order_id', 'delivery_set', 'name'])
    .execute();

  await db.schema
    .createTable('download_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    /** sha256 (hex) of the token: what a download is looked up by. */
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    /** The client's page address with the token, shown only in the studio's view of the order. */
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('download_links_order_id').on('download_links').column('order_id').execute();

  await db.schema
    .createTable('delivery_downloads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    /** A file name, or 'zip:full' / 'zip:web'. */
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('delivery_downloads_order_at').on('delivery_downloads').columns(['order_id', 'at']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['delivery_downloads', 'download_links', 'delivery_files']) await db.schema.dropTable(table).execute();
}
