// order.updated in the studio's feed with the studio's view of the order as it is now, in the
// caller's transaction. The seq is taken before the order is read (recordChangeOfState): on
// PostgreSQL the counter row stays locked until commit, so the studio's order writers run one
// after another and the newest entry always shows the newest order.
import type { StudioOrder } from '../../shared/schemas/orders-api';
import { recordChangeOfState } from '../changes/change-feed';
import type { Db, OrdersTable } from '../db/types';
import { loadStudioOrder, studioOrderView } from './order-store';

/**
 * Takes the feed's seq (the lock), then hands the order as it is now to `change`, which may write
 * to it and may throw (the transaction then rolls back, the seq with it); records order.updated
 * with the order's view afterwards. Answers that view.
 */
export async function changeOrder(
  trx: Db,
  input: { studioId: string; orderId: string; at: number; cause?: 'email' },
  change: (row: OrdersTable) => Promise<OrdersTable | undefined>,
): Promise<StudioOrder> {
  const { studioId, orderId, at, cause } = input;
  const { gallery_id: galleryId } = await loadStudioOrder(trx, studioId, orderId);
  let view: StudioOrder | undefined;
  await recordChangeOfState(trx, { studioId, galleryId, type: 'order.updated', at }, async () => {
    const current = await loadStudioOrder(trx, studioId, orderId);
    const changed = (await change(current)) ?? (await loadStudioOrder(trx, studioId, orderId));
    view = await studioOrderView(trx, changed);
    // `cause: 'email'`: only an e-mail's outcome changed (sent, failed), not the order itself.
    return cause ? { order: view, cause } : { order: view };
  });
  if (!view) throw new Error('order.updated was recorded without the order');
  return view;
}
