// Order rows and their JSON: the client's view (hosted-api orderSchema), the flow of the state
// machine (orders.flow), the history (order_transitions) and the studio's whole view
// (orders-api studioOrderSchema: the order, its flow, history and e-mails).
import { type OrderFlowState, type OrderTransition, orderFlowSchema } from '../../shared/orders';
import type { Order } from '../../shared/schemas/hosted-api';
import type { StudioOrder, StudioSettings } from '../../shared/schemas/orders-api';
import type { Db, OrdersTable } from '../db/types';
import { deliveryState } from '../deliveries/delivery-state';
import { ApiError } from '../http/api-error';
import { listOrderEmails } from '../mail/mail-queue';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** The order as the client's gallery page and the feed show it, without the client-only payment fields. */
export function orderJson(row: OrdersTable): Order {
  return {
    id: row.id,
    number: row.number,
    galleryId: row.gallery_id,
    state: row.state as Order['state'],
    placedAt: iso(row.placed_at),
    deliveryMethod: JSON.parse(row.delivery_method),
    photoIds: JSON.parse(row.photo_ids),
    contact: JSON.parse(row.contact),
    note: row.note,
    totalMinor: Number(row.total_minor),
    vatMinor: Number(row.vat_minor),
    currency: row.currency,
  };
}

/** The client's answer: the order plus how to pay it, when it is awaiting payment. */
export function clientOrderJson(row: OrdersTable, settings: StudioSettings): Order {
  const awaiting = row.state === 'awaiting_payment';
  return {
    ...orderJson(row),
    paymentInstructions: awaiting && settings.paymentInstructions !== '' ? settings.paymentInstructions : null,
    canPayByCard: awaiting && settings.cardPayments,
  };
}

/** The stored flow, checked: a row the machine could not have written is a bug, reported loudly. */
export function flowOf(row: Pick<OrdersTable, 'id' | 'flow'>): OrderFlowState {
  const parsed = orderFlowSchema.safeParse(JSON.parse(row.flow));
  if (!parsed.success) throw new Error(`Order ${row.id} has a flow the state machine cannot read: ${parsed.error.message}`);
  return parsed.data;
}

export async function insertTransition(trx: Db, orderId: string, transition: OrderTransition): Promise<number> {
  const last = await trx
    .selectFrom('order_transitions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await trx
    .insertInto('order_transitions')
    .values({
      order_id: orderId,
      seq,
      from_state: transition.from,
      to_state: transition.to,
      via: JSON.stringify(transition.via),
      event_type: transition.eventType,
      actor: JSON.stringify(transition.actor),
      at: Date.parse(transition.at),
      note: transition.note,
    })
    .execute();
  return seq;
}

export async function orderHistory(db: Db, orderId: string): Promise<OrderTransition[]> {
  const rows = await db.selectFrom('order_transitions').selectAll().where('order_id', '=', orderId).orderBy('seq').execute();
  return rows.map((r) => ({
    from: r.from_state as OrderTransition['from'],
    to: r.to_state as OrderTransition['to'],
    via: JSON.parse(r.via),
    eventType: r.event_type as OrderTransition['eventType'],
    actor: JSON.parse(r.actor),
    at: iso(r.at),
    note: r.note,
  }));
}

export async function studioOrderView(db: Db, row: OrdersTable): Promise<StudioOrder> {
  return {
    ...orderJson(row),
    flow: flowOf(row),
    history: await orderHistory(db, row.id),
    emails: await listOrderEmails(db, row.id),
    delivery: await deliveryState(db, row.id),
  };
}

export const orderNotFound = (orderId: string) =>
  new ApiError('not_found', `There is no order "${orderId}" in this studio account. Reload the client's orders and try again.`);

/** An order of this studio, or 404: another studio's order is "not found", never "forbidden". */
export async function loadStudioOrder(db: Db, studioId: string, orderId: string): Promise<OrdersTable> {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', orderId).where('studio_id', '=', studioId).executeTakeFirst();
  if (!row) throw orderNotFound(orderId);
  return row;
}
