// Client orders: placed from the gallery page with a delivery method, the photos, contact
// details and a note. The server decides the money (order-totals), the human order number (per
// studio and year, e.g. 2026-0001) and, through the shared state machine's placeOrder, the state
// (manual validation, payment, or a free order settled at once). One transaction stores the order
// with its flow and first history row, queues the studio's and the client's e-mails and records
// order.placed with the studio's view of the order in the studio's change feed.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { placeOrder as placeFlow } from '../../shared/orders';
import type { Order, placeOrderBody } from '../../shared/schemas/hosted-api';
import { getStudioSettings } from '../accounts/studio-settings';
import { recordChangeOfState } from '../changes/change-feed';
import { nextCounterValue } from '../db/counters';
import type { Db, OrdersTable } from '../db/types';
import { type GalleryRow, galleryDeliveryMethods, gallerySettings } from '../galleries/galleries';
import { removeOrderedFromBasket } from '../galleries/selections';
import { ApiError } from '../http/api-error';
import { queuePlacementEmails } from '../mail/order-mail';
import { createOrderTasks } from '../retouch/order-tasks';
import { clientOrderJson, insertTransition, studioOrderView } from './order-store';
import { orderTotals } from './order-totals';

export type PlaceOrderBody = z.infer<typeof placeOrderBody>;

async function assertPhotosInGallery(db: Db, galleryId: string, photoIds: string[]): Promise<void> {
  const rows = await db.selectFrom('gallery_photos').select('photo_id').where('gallery_id', '=', galleryId).execute();
  const inGallery = new Set(rows.map((r) => r.photo_id));
  const unknown = photoIds.filter((id) => !inGallery.has(id));
  if (unknown.length > 0) {
    throw new ApiError(
      'invalid_input',
      `${unknown.length === 1 ? 'One photo in this order is' : `${unknown.length} photos in this order are`} no longer in the gallery. Reload the page, check your basket and order again.`,
      { fields: { photoIds: `not in this gallery: ${unknown.slice(0, 5).join(', ')}` } },
    );
  }
}

export async function placeOrder(
  db: Db,
  input: { gallery: GalleryRow; sessionId: string; body: PlaceOrderBody; publicUrl: string },
  now: number,
): Promise<Order> {
  const { gallery, body } = input;
  const method = galleryDeliveryMethods(gallery).find((m) => m.id === body.deliveryMethodId);
  if (!method) {
    throw new ApiError('invalid_input', 'This delivery method is no longer offered. Reload the page and choose one of those shown.', {
      fields: { deliveryMethodId: 'not offered in this gallery' },
    });
  }
  // A photo listed twice is still one photo: it is priced and delivered once.
  const photoIds = [...new Set(body.photoIds)];
  await assertPhotosInGallery(db, gallery.id, photoIds);
  const totals = orderTotals(method, photoIds.length);
  const settings = gallerySettings(gallery);
  const placed = placeFlow({
    type: 'place',
    actor: { kind: 'client', name: body.contact.name },
    at: new Date(now).toISOString(),
    photoIds,
    totalMinor: totals.totalMinor,
    currency: totals.currency,
    manualValidation: settings.manualValidation,
    retouchBeforeDelivery: settings.retouchBeforeDelivery,
  });
  if (!placed.ok) throw new ApiError('invalid_input', placed.reason);
  const year = new Date(now).getUTCFullYear();

  return db.transaction().execute(async (trx) => {
    // Counter before feed: every writer takes the two counter rows in the same order (no deadlock).
    const n = await nextCounterValue(trx, gallery.studio_id, `orders:${year}`);
    const row: OrdersTable = {
      id: randomUUID(),
      studio_id: gallery.studio_id,
      gallery_id: gallery.id,
      session_id: input.sessionId,
      number: `${year}-${String(n).padStart(4, '0')}`,
      state: placed.order.state,
      placed_at: now,
      delivery_method: JSON.stringify(method),
      photo_ids: JSON.stringify(photoIds),
      contact: JSON.stringify({ name: body.contact.name, email: body.contact.email, phone: body.contact.phone }),
      note: body.note,
      total_minor: totals.totalMinor,
      vat_minor: totals.vatMinor,
      currency: totals.currency,
      flow: JSON.stringify(placed.order),
      updated_at: now,
    };
    await trx.insertInto('orders').values(row).execute();
    await insertTransition(trx, row.id, placed.transition);
    await queuePlacementEmails(trx, row, placed.order, input.publicUrl, now);
    await recordChangeOfState(trx, { studioId: gallery.studio_id, galleryId: gallery.id, type: 'order.placed', at: now }, async () => ({
      order: await studioOrderView(trx, row),
    }));
    await removeOrderedFromBasket(trx, { studioId: gallery.studio_id, galleryId: gallery.id }, photoIds, now);
    // A free order without manual validation goes straight to retouching: its tasks come with it (after order.placed in the feed).
    if (placed.order.state === 'waiting_to_retouch') await createOrderTasks(trx, { order: row, photoIds, now });
    return clientOrderJson(row, await getStudioSettings(trx, gallery.studio_id));
  });
}

/** Orders are the gallery's: any session of the same gallery may read them, no other may. */
export async function findGalleryOrder(db: Db, galleryId: string, orderId: string): Promise<Order> {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', orderId).where('gallery_id', '=', galleryId).executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no such order in this gallery. Check the link to your order.');
  return clientOrderJson(row, await getStudioSettings(db, row.studio_id));
}

export async function listGalleryOrders(db: Db, galleryId: string, studioId: string): Promise<Order[]> {
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where('gallery_id', '=', galleryId)
    .orderBy('placed_at', 'desc')
    .orderBy('number', 'desc')
    .execute();
  const settings = await getStudioSettings(db, studioId);
  return rows.map((row) => clientOrderJson(row, settings));
}
