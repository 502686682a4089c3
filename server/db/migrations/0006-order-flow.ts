// The order desk (issue 6): every order keeps its state machine's flow (shared/orders) as JSON
// beside the columns, with its history of transitions; e-mails are queued in `order_emails` in
// the transaction that made them and sent in the background; per-studio settings say how clients
// pay; card payments are recorded per attempt. Orders placed before this migration get a flow
// built from their own columns and one history row for their placement.
import type { Kysely } from 'kysely';

const preStates = new Set(['placed', 'awaiting_validation', 'awaiting_payment']);

function retouchSetting(settings: unknown): boolean {
  try {
    const parsed = JSON.parse(String(settings)) as { retouchBeforeDelivery?: unknown };
    return parsed.retouchBeforeDelivery === true;
  } catch {
    return false;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types (design §8)
export async function up(db: Kysely<any>): Promise<void> {
  // SQLite adds a NOT NULL column only with a default; every writer sets both from now on.
  await db.schema
    .alterTable('orders')
    .addColumn('flow', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('orders')
    .addColumn('updated_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('order_transitions')
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    /** JSON array of the states passed through. */
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    /** JSON { kind, deviceId?, name? }. */
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_transitions_pk', ['order_id', 'seq'])
    .execute();

  await db.schema
    .createTable('order_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('studio_id', 'text', (c) => c.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text', (c) => c.notNull())
    .addColumn('reply_to', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema.createIndex('order_emails_due').on('order_emails').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('order_emails_order_id').on('order_emails').column('order_id').execute();

  await db.schema
    .createTable('studio_settings')
    .addColumn('studio_id', 'text', (c) => c.primaryKey().references('studios.id').onDelete('cascade'))
    .addColumn('payment_instructions', 'text', (c) => c.notNull())
    .addColumn('notification_email', 'text')
    // 0 or 1: the same integer on both databases (SQLite has no boolean type).
    .addColumn('card_payments', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('studio_id', 'text', (c) => c.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('settled_at', 'bigint')
    .execute();
  await db.schema.createIndex('payments_order_id').on('payments').column('order_id').execute();

  // Orders placed so far rest in placed, awaiting_validation or awaiting_payment: nothing was paid.
  const rows = await db
    .selectFrom('orders')
    .leftJoin('galleries', 'galleries.id', 'orders.gallery_id')
    .select([
      'orders.id',
      'orders.state',
      'orders.placed_at',
      'orders.photo_ids',
      'orders.total_minor',
      'orders.currency',
      'galleries.settings',
    ])
    .execute();
  for (const row of rows) {
    const state = preStates.has(row.state) ? row.state : 'awaiting_payment';
    const photoIds = JSON.parse(row.photo_ids) as string[];
    const flow = {
      state,
      manualValidation: state === 'awaiting_validation',
      retouchBeforeDelivery: retouchSetting(row.settings),
      photoIds,
      totalMinor: Number(row.total_minor),
      currency: row.currency,
      paid: null,
      forcedDelivery: null,
      cancellation: null,
      refunds: [],
    };
    await db
      .updateTable('orders')
      .set({ flow: JSON.stringify(flow), state, updated_at: row.placed_at })
      .where('id', '=', row.id)
      .execute();
    const count = photoIds.length === 1 ? '1 photo' : `${photoIds.length} photos`;
    const next: Record<string, string> = {
      placed: 'not routed yet',
      awaiting_validation: 'waiting for the studio’s validation',
      awaiting_payment: 'waiting for payment',
    };
    await db
      .insertInto('order_transitions')
      .values({
        order_id: row.id,
        seq: 1,
        from_state: 'placed',
        to_state: state,
        via: '[]',
        event_type: 'place',
        actor: JSON.stringify({ kind: 'client' }),
        at: row.placed_at,
        note: `Placed: ${count}; ${next[state]} (recorded before order history was kept).`,
      })
      .execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['payments', 'studio_settings', 'order_emails', 'order_transitions']) await db.schema.dropTable(table).execute();
  await db.schema.alterTable('orders').dropColumn('updated_at').execute();
  await db.schema.alterTable('orders').dropColumn('flow').execute();
}
