// The studio's rating, pick and colour label of each gallery photo, set from any of its devices
// (PUT /v1/galleries/:galleryId/photos/:photoId/flags): one row per catalog photo, last write
// wins in arrival order; gallery_id and device_id say through which gallery and from which device.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types (design §8)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('studio_photo_flags')
    .addColumn('studio_id', 'text', (c) => c.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('photo_id', 'text', (c) => c.notNull())
    .addColumn('gallery_id', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('pick', 'text', (c) => c.notNull())
    .addColumn('color_label', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('studio_photo_flags_pk', ['studio_id', 'photo_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('studio_photo_flags').execute();
}
