// Card payments of client orders through the configured provider: start one (a payments row,
// 'pending'), and settle it when the provider says how it ended. A success is the state machine's
// card_payment_succeeded (actor: the provider, reference: the payment id), applied in one
// transaction with the payment row, the order.updated change and the client_paid e-mail; the
// machine refuses a second payment of a paid order. A decline changes only the payment row.
import { formatMoney } from '../../shared/orders';
import { getStudioSettings } from '../accounts/studio-settings';
import type { AuthenticatedClient } from '../context';
import type { Db } from '../db/types';
import { ApiError } from '../http/api-error';
import { flowOf } from '../orders/order-store';
import { applyEventToOrder } from '../orders/studio-orders';
import type { PaymentOutcome, PaymentProvider, SettleResult, StartedPayment } from './payment-provider';

const notPayable: Record<string, string> = {
  awaiting_validation: 'Your photographer has not confirmed this order yet. You can pay once it is confirmed; you will get an e-mail.',
  cancelled: 'This order is cancelled, so it can’t be paid.',
  placed: 'This order is still being placed. Reload the page in a moment.',
};

export async function startCardPayment(
  db: Db,
  provider: PaymentProvider | null,
  input: { client: AuthenticatedClient; orderId: string; now: number },
): Promise<StartedPayment> {
  const { client, orderId, now } = input;
  const row = await db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .where('gallery_id', '=', client.galleryId)
    .executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no such order in this gallery. Check the link to your order.');
  const settings = await getStudioSettings(db, row.studio_id);
  if (!provider || !settings.cardPayments) {
    throw new ApiError('conflict', 'Your photographer does not take card payments. Pay as the instructions on your order page say.');
  }
  const flow = flowOf(row);
  if (flow.state !== 'awaiting_payment') {
    const message = flow.paid
      ? `This order is already paid (${formatMoney(flow.paid.amountMinor, flow.currency)}). There is nothing more to pay.`
      : (notPayable[flow.state] ?? 'This order is not waiting for payment. Ask your photographer if you think it should be.');
    throw new ApiError('conflict', message);
  }
  const [gallery, studio] = await Promise.all([
    db.selectFrom('galleries').select('slug').where('id', '=', row.gallery_id).executeTakeFirstOrThrow(),
    db.selectFrom('studios').select('name').where('id', '=', row.studio_id).executeTakeFirstOrThrow(),
  ]);
  const started = await provider.startPayment({
    orderId,
    orderNumber: row.number,
    studioName: studio.name,
    amountMinor: flow.totalMinor,
    currency: flow.currency,
    returnPath: `/g/${gallery.slug}#order=${encodeURIComponent(orderId)}`,
  });
  await db
    .insertInto('payments')
    .values({
      id: started.paymentId,
      studio_id: row.studio_id,
      order_id: orderId,
      provider: provider.id,
      state: 'pending',
      amount_minor: flow.totalMinor,
      currency: flow.currency,
      created_at: now,
      settled_at: null,
    })
    .execute();
  return started;
}

export async function settlePayment(
  db: Db,
  provider: PaymentProvider,
  input: { paymentId: string; outcome: PaymentOutcome; now: number; publicUrl: string },
): Promise<SettleResult> {
  const { paymentId, outcome, now } = input;
  const payment = await db
    .selectFrom('payments')
    .innerJoin('orders', 'orders.id', 'payments.order_id')
    .innerJoin('galleries', 'galleries.id', 'orders.gallery_id')
    .select(['payments.id', 'payments.state', 'payments.studio_id', 'payments.order_id', 'galleries.slug'])
    .where('payments.id', '=', paymentId)
    .where('payments.provider', '=', provider.id)
    .executeTakeFirst();
  if (!payment) return { ok: false, status: 404, message: 'There is no such payment. Start again from your order page.', returnPath: null };
  const returnPath = `/g/${payment.slug}#order=${encodeURIComponent(payment.order_id)}`;
  if (payment.state === 'declined') {
    return { ok: false, status: 409, message: 'This payment was declined. Start a new one from your order page.', returnPath };
  }
  if (outcome === 'declined') {
    const declined = await db
      .updateTable('payments')
      .set({ state: 'declined', settled_at: now })
      .where('id', '=', paymentId)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(declined.numUpdatedRows) === 1) return { ok: true, returnPath };
    return { ok: false, status: 409, message: 'This payment has already gone through, so it can’t be declined any more.', returnPath };
  }
  try {
    await db.transaction().execute(async (trx) => {
      // The machine decides (it refuses a paid order: "already marked as paid on …"); the payment row follows.
      await applyEventToOrder(trx, {
        studioId: payment.studio_id,
        orderId: payment.order_id,
        event: { type: 'card_payment_succeeded', reference: paymentId },
        actor: { kind: 'provider', name: provider.name },
        now,
        publicUrl: input.publicUrl,
      });
      await trx.updateTable('payments').set({ state: 'succeeded', settled_at: now }).where('id', '=', paymentId).execute();
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return { ok: false, status: 409, message: error.message, returnPath };
    throw error;
  }
  return { ok: true, returnPath };
}
