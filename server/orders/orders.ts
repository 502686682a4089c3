// Client orders: placed from the gallery page with a delivery method, the photos, contact
// details and a note. The server decides the money (order-totals), the state (manual
// validation or straight to payment) and the human order number (per studio and year, e.g.
// 2026-0001), and records order.placed with the whole order in the studio's change feed.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Order, placeOrderBody } from '../../shared/schemas/hosted-api';
import { recordChange } from '../changes/change-feed';
import { nextCounterValue } from '../db/counters';
import type { Db, OrdersTable } from '../db/types';
import { type GalleryRow, galleryDeliveryMethods, gallerySettings } from '../galleries/galleries';
import { ApiError } from '../http/api-error';
import { orderTotals } from './order-totals';

export type PlaceOrderBody = z.infer<typeof placeOrderBody>;

function orderJson(row: OrdersTable): Order {
  return {
    id: row.id,
    number: row.number,
    galleryId: row.gallery_id,
    state: row.state as Order['state'],
    placedAt: new Date(Number(row.placed_at)).toISOString(),
    deliveryMethod: JSON.parse(row.delivery_method),
    photoIds: JSON.parse(row.photo_ids),
    contact: JSON.parse(row.contact),
    note: row.note,
    totalMinor: Number(row.total_minor),
    vatMinor: Number(row.vat_minor),
    currency: row.currency,
  };
}

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
  input: { gallery: GalleryRow; sessionId: string; body: PlaceOrderBody },
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
  const state: Order['state'] = gallerySettings(gallery).manualValidation ? 'awaiting_validation' : 'awaiting_payment';
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
      state,
      placed_at: now,
      delivery_method: JSON.stringify(method),
      photo_ids: JSON.stringify(photoIds),
      contact: JSON.stringify({ name: body.contact.name, email: body.contact.email, phone: body.contact.phone }),
      note: body.note,
      total_minor: totals.totalMinor,
      vat_minor: totals.vatMinor,
      currency: totals.currency,
    };
    await trx.insertInto('orders').values(row).execute();
    const order = orderJson(row);
    await recordChange(trx, { studioId: gallery.studio_id, galleryId: gallery.id, type: 'order.placed', at: now, payload: order });
    return order;
  });
}

/** Orders are the gallery's: any session of the same gallery may read them, no other may. */
export async function findGalleryOrder(db: Db, galleryId: string, orderId: string): Promise<Order> {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', orderId).where('gallery_id', '=', galleryId).executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no such order in this gallery. Check the link to your order.');
  return orderJson(row);
}

export async function listGalleryOrders(db: Db, galleryId: string): Promise<Order[]> {
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where('gallery_id', '=', galleryId)
    .orderBy('placed_at', 'desc')
    .orderBy('number', 'desc')
    .execute();
  return rows.map(orderJson);
}
