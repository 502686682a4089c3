// What delivery adds to the order's studio actions: the `deliver` event needs the order's
// delivery set (and the count the studio saw when it pressed the button), and on success makes
// the download link and queues the client's e-mail with it, all inside the event's transaction
// (server/orders/studio-orders.ts). POST …/delivery/link makes a new link for a delivered order.
import type { StudioOrder } from '../../shared/schemas/orders-api';
import type { Db, OrdersTable } from '../db/types';
import { ApiError } from '../http/api-error';
import { changeOrder } from '../orders/order-changes';
import { createDownloadLink } from './download-links';
import { queueDownloadLinksEmail, refreshQueuedDownloadEmails } from './download-mail';

const files = (n: number) => (n === 1 ? '1 file' : `${n} files`);

/** 409 in the shape of the machine's refusals (orders-api), so the studio's outbox shows the sentence as it is. */
function refusal(code: string, message: string): ApiError {
  return new ApiError('conflict', message, { details: { refusal: code } });
}

/** Checks the delivery set, then makes the link and queues the e-mail; `row` is the order as the event left it. */
export async function completeDelivery(
  trx: Db,
  input: { row: OrdersTable; fileCount: number; publicUrl: string; now: number },
): Promise<void> {
  const { row, fileCount, now } = input;
  const counted = await trx
    .selectFrom('delivery_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('order_id', '=', row.id)
    .executeTakeFirstOrThrow();
  const stored = Number(counted.n);
  if (stored === 0) {
    throw refusal(
      'no_delivery_files',
      `Add the edited photos first: order ${row.number} has no files to deliver yet. Drop them on the order, let them upload, then deliver.`,
    );
  }
  if (stored !== fileCount) {
    throw refusal(
      'delivery_files_changed',
      `Order ${row.number} has ${files(stored)} to deliver on the server, not ${fileCount}: the delivery changed meanwhile. Check the files of the order, then deliver again.`,
    );
  }
  const link = await createDownloadLink(trx, { orderId: row.id, publicUrl: input.publicUrl, now });
  await queueDownloadLinksEmail(trx, row, { link, now });
}

/** A new link for a delivered order (the old one stops working); queued download e-mails get the new link. */
export async function renewDownloadLink(
  db: Db,
  input: { studioId: string; orderId: string; days: number; publicUrl: string; now: number },
): Promise<StudioOrder> {
  const { studioId, orderId, now } = input;
  return db.transaction().execute((trx) =>
    changeOrder(trx, { studioId, orderId, at: now }, async (row) => {
      if (row.state !== 'delivered' && row.state !== 'completed') {
        throw new ApiError(
          'conflict',
          `Order ${row.number} has not been delivered yet, so it has no download link to renew. Deliver it: that makes the link and e-mails it.`,
        );
      }
      const link = await createDownloadLink(trx, { orderId, publicUrl: input.publicUrl, days: input.days, now });
      await refreshQueuedDownloadEmails(trx, row, link);
      await trx.updateTable('orders').set({ updated_at: now }).where('id', '=', orderId).execute();
      return undefined;
    }),
  );
}
