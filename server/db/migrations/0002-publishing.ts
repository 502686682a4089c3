// Publishing (issue 5 point 3): the studio's clients, the gallery's settings, delivery methods
// and ordered photo list, and resumable uploads. Schema builder only, so it runs on SQLite and
// PostgreSQL alike; JSON is stored as text (no jsonb) for the same reason.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types (design §8)
export async function up(db: Kysely<any>): Promise<void> {
  // Keyed by (studio, id): the id comes from the studio's catalog, so two studios may pick the same one.
  await db.schema
    .createTable('clients')
    .addColumn('studio_id', 'text', (c) => c.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('clients_pk', ['studio_id', 'id'])
    .execute();

  // SQLite can only add nullable or defaulted columns; galleries made before this migration
  // (none outside tests) stay drafts without a client until the studio PUTs them again.
  await db.schema.alterTable('galleries').addColumn('client_id', 'text').execute();
  await db.schema
    .alterTable('galleries')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .execute();
  await db.schema
    .alterTable('galleries')
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('galleries')
    .addColumn('delivery_methods', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('galleries').addColumn('expires_at', 'bigint').execute();
  await db.schema.alterTable('galleries').addColumn('updated_at', 'bigint').execute();

  await db.schema
    .createTable('gallery_photos')
    .addColumn('gallery_id', 'text', (c) => c.notNull().references('galleries.id').onDelete('cascade'))
    .addColumn('photo_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('proof_sha256', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('gallery_photos_pk', ['gallery_id', 'photo_id'])
    .execute();
  await db.schema.createIndex('gallery_photos_order').on('gallery_photos').columns(['gallery_id', 'position']).execute();

  // One upload per studio and content: a second start for the same sha256 resumes the first.
  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('studio_id', 'text', (c) => c.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('received', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('uploads_studio_sha256').on('uploads').columns(['studio_id', 'sha256']).unique().execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('uploads').execute();
  await db.schema.dropTable('gallery_photos').execute();
  for (const column of ['updated_at', 'expires_at', 'delivery_methods', 'settings', 'status', 'client_id']) {
    await db.schema.alterTable('galleries').dropColumn(column).execute();
  }
  await db.schema.dropTable('clients').execute();
}
