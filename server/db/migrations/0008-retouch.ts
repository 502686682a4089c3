// The retouch queue (issue 7): tasks with the state machine's JSON (shared/retouch) beside the
// columns the queue is filtered and ordered by, their history of transitions, the version file
// of each submitted round, the reviewer's markups per rejected round, and the originals the
// studio uploaded per photo (one per photo: every task of that photo shows it). Everything is
// per studio: a task id is the laptop's (uuidv7), so two studios can never collide or squat.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types (design §8)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('retouch_tasks')
    .addColumn('studio_id', 'text', (c) => c.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    /** Null for a task made by hand. */
    .addColumn('order_id', 'text', (c) => c.references('orders.id').onDelete('cascade'))
    .addColumn('photo_id', 'text', (c) => c.notNull())
    /** Not a foreign key: a task by hand may be about a photo of a gallery the server has not seen. */
    .addColumn('gallery_id', 'text')
    .addColumn('photo_name', 'text', (c) => c.notNull())
    /** JSON of RetouchTask (shared/retouch); `state` mirrors task.state. */
    .addColumn('task', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('retouch_tasks_pk', ['studio_id', 'id'])
    // One task per ordered photo, however often the order is replayed; NULLs (by hand) never collide.
    .addUniqueConstraint('retouch_tasks_order_photo', ['order_id', 'photo_id'])
    .execute();
  await db.schema.createIndex('retouch_tasks_photo').on('retouch_tasks').columns(['studio_id', 'photo_id']).execute();
  await db.schema.createIndex('retouch_tasks_created').on('retouch_tasks').columns(['studio_id', 'created_at']).execute();

  const childOfTask = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('studio_id', 'text', (c) => c.notNull())
      .addColumn('task_id', 'text', (c) => c.notNull())
      .addForeignKeyConstraint(`${name}_task`, ['studio_id', 'task_id'], 'retouch_tasks', ['studio_id', 'id'], (fk) =>
        fk.onDelete('cascade'),
      );

  await childOfTask('retouch_transitions')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    /** JSON TaskActor. */
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('retouch_transitions_pk', ['studio_id', 'task_id', 'seq'])
    .execute();

  await childOfTask('retouch_versions')
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('retouch_versions_pk', ['studio_id', 'task_id', 'round'])
    .execute();
  // GET /v1/retouch/files/:sha256 looks a blob up among the studio's versions.
  await db.schema.createIndex('retouch_versions_sha256').on('retouch_versions').columns(['studio_id', 'sha256']).execute();

  await childOfTask('retouch_markups')
    .addColumn('round', 'integer', (c) => c.notNull())
    /** JSON array of Markup (shared/retouch/markup.ts), relative to the image. */
    .addColumn('markups', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('retouch_markups_pk', ['studio_id', 'task_id', 'round'])
    .execute();

  await db.schema
    .createTable('retouch_originals')
    .addColumn('studio_id', 'text', (c) => c.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('photo_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('retouch_originals_pk', ['studio_id', 'photo_id'])
    .execute();
  await db.schema.createIndex('retouch_originals_sha256').on('retouch_originals').columns(['studio_id', 'sha256']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['retouch_originals', 'retouch_markups', 'retouch_versions', 'retouch_transitions', 'retouch_tasks']) {
    await db.schema.dropTable(table).execute();
  }
}
