// What the studio does to an order (issue 6): an event of the state machine, a corrected contact,
// a resent e-mail. Each runs in one transaction that takes the feed's seq first (changeOrder), so
// the studio's laptops are serialised per studio on PostgreSQL and the machine always judges the
// order as it is; a refusal rolls everything back and answers 409 with the machine's sentence.
import { applyOrderEvent, type OrderActor, type OrderEvent } from '../../shared/orders';
import type { Refusal } from '../../shared/refusals';
import type { StudioOrder } from '../../shared/schemas/orders-api';
import { studioNotificationAddress } from '../accounts/studio-settings';
import type { Db, OrdersTable } from '../db/types';
import { resendDownloadLinksEmail } from '../deliveries/download-mail';
import { completeDelivery } from '../deliveries/order-delivery';
import { ApiError, type ApiErrorDetails } from '../http/api-error';
import { queueCopy } from '../mail/mail-queue';
import { queueTransitionEmail } from '../mail/order-mail';
import { createOrderTasks } from '../retouch/order-tasks';
import { changeOrder } from './order-changes';
import { flowOf, insertTransition } from './order-store';

/**
 * 409 `{ error: { code: 'conflict', message: <sentence>, refusal: <code>, reasonKey } }` (orders-api, retouch-api),
 * for a refusal of either state machine; `extra` adds what the caller can recover with (retouch: the task).
 */
export function refusalError(refusal: Refusal<string, string>, extra: ApiErrorDetails = {}): ApiError {
  return new ApiError('conflict', refusal.reason, { details: { ...extra, refusal: refusal.code, reasonKey: refusal.reasonKey } });
}

export interface OrderEventInput {
  studioId: string;
  orderId: string;
  /** The event without actor and time: those are the caller's (the device, the provider) and the server's clock. */
  event: Record<string, unknown> & { type: OrderEvent['type'] };
  actor: OrderActor;
  now: number;
  publicUrl: string;
}

/** Applies one event inside `trx`: the flow and state, the history row, the client's e-mail for the new state, order.updated. */
export async function applyEventToOrder(trx: Db, input: OrderEventInput): Promise<StudioOrder> {
  const { studioId, orderId, now } = input;
  const event = { ...input.event, actor: input.actor, at: new Date(now).toISOString() };
  return changeOrder(trx, { studioId, orderId, at: now }, async (row) => {
    // The machine checks the rest of the event's shape itself, with its own sentences.
    const result = applyOrderEvent(flowOf(row), event as Parameters<typeof applyOrderEvent>[1]);
    if (!result.ok) throw refusalError(result);
    const updated: OrdersTable = { ...row, flow: JSON.stringify(result.order), state: result.order.state, updated_at: now };
    await trx.updateTable('orders').set({ flow: updated.flow, state: updated.state, updated_at: now }).where('id', '=', row.id).execute();
    await insertTransition(trx, row.id, result.transition);
    // Retouch before delivery: the queue gets its tasks in this transaction, whoever moved the order (the studio, the card provider).
    if (result.transition.to === 'waiting_to_retouch' && result.transition.from !== 'waiting_to_retouch') {
      await createOrderTasks(trx, { order: updated, photoIds: result.order.photoIds, now });
    }
    await queueTransitionEmail(trx, updated, result.order, result.transition, input.publicUrl, now);
    // Delivering needs the delivery set; it makes the download link and queues the client's e-mail.
    if (result.transition.eventType === 'deliver') {
      await completeDelivery(trx, {
        row: updated,
        fileCount: Number((input.event as { fileCount?: unknown }).fileCount),
        publicUrl: input.publicUrl,
        now,
      });
    }
    return updated;
  });
}

export async function applyStudioEvent(db: Db, input: OrderEventInput): Promise<StudioOrder> {
  return db.transaction().execute((trx) => applyEventToOrder(trx, input));
}

/** Corrects the client's e-mail (seed 000: "double check that the e-mail address in the order is correct") or phone. */
export async function correctContact(
  db: Db,
  input: { studioId: string; orderId: string; email: string; phone?: string | null | undefined; now: number },
): Promise<StudioOrder> {
  const { studioId, orderId, now } = input;
  return db.transaction().execute((trx) =>
    changeOrder(trx, { studioId, orderId, at: now }, async (row) => {
      const contact = JSON.parse(row.contact) as { name: string; email: string; phone: string | null };
      const next = { name: contact.name, email: input.email, phone: input.phone === undefined ? contact.phone : input.phone };
      const updated: OrdersTable = { ...row, contact: JSON.stringify(next), updated_at: now };
      await trx.updateTable('orders').set({ contact: updated.contact, updated_at: now }).where('id', '=', row.id).execute();
      return updated;
    }),
  );
}

/**
 * Queues a copy of one of the order's e-mails to where it should go now: a client e-mail to the
 * order's current contact (so a corrected address gets it), the studio's to its current
 * notification address. The copy has its own row, status and attempts.
 */
export async function resendEmail(
  db: Db,
  input: { studioId: string; orderId: string; emailId: string; now: number },
): Promise<StudioOrder> {
  const { studioId, orderId, emailId, now } = input;
  return db.transaction().execute((trx) =>
    changeOrder(trx, { studioId, orderId, at: now }, async (row) => {
      const original = await trx
        .selectFrom('order_emails')
        .select('kind')
        .where('id', '=', emailId)
        .where('order_id', '=', orderId)
        .executeTakeFirst();
      if (!original)
        throw new ApiError('not_found', `Order ${row.number} has no e-mail "${emailId}". Reload the order and pick one from its list.`);
      const to =
        original.kind === 'studio_new_order'
          ? (await studioNotificationAddress(trx, studioId)).address
          : (JSON.parse(row.contact) as { email: string }).email;
      // Download links are rendered afresh: the copy carries the order's current link, not the one it was sent with.
      if (original.kind === 'client_download_links') await resendDownloadLinksEmail(trx, row, to, now);
      else await queueCopy(trx, { orderId, emailId, to }, now);
      return undefined;
    }),
  );
}
