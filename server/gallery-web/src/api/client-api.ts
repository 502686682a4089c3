// The client routes of shared/schemas/hosted-api.ts (`hostedRoutes`), one function each.
// Paths are relative to the site root: the page is served by the same origin as the API.
import type { z } from 'zod';
import {
  clientGalleryResponse,
  clientSelectionResponse,
  galleryAccessResponse,
  orderSchema,
  type placeOrderBody,
} from '../../../../shared/schemas/hosted-api';
import { paymentStartResponse } from '../../../../shared/schemas/orders-api';
import { requestJson, requestOk } from './http';

export type ClientGallery = z.infer<typeof clientGalleryResponse>;
export type GalleryPhoto = ClientGallery['photos'][number];
export type PlaceOrder = z.input<typeof placeOrderBody>;
export type { DeliveryMethod, Order } from '../../../../shared/schemas/hosted-api';

const enc = encodeURIComponent;

export type SelectionList = 'favourites' | 'basket';

export const clientApi = {
  access: (slug: string, code: string) =>
    requestJson(`/v1/galleries/${enc(slug)}/access`, galleryAccessResponse, { method: 'POST', body: { code } }),

  gallery: () => requestJson('/v1/client/gallery', clientGalleryResponse),

  list: (list: SelectionList) => requestJson(`/v1/client/${list}`, clientSelectionResponse).then((r) => r.photoIds),
  add: (list: SelectionList, photoId: string) => requestOk(`/v1/client/${list}/${enc(photoId)}`, { method: 'PUT' }),
  remove: (list: SelectionList, photoId: string) => requestOk(`/v1/client/${list}/${enc(photoId)}`, { method: 'DELETE' }),

  /** The key makes a retried or double-clicked checkout one order, never two. */
  placeOrder: (body: PlaceOrder, idempotencyKey: string) =>
    requestJson('/v1/client/orders', orderSchema, { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } }),

  order: (orderId: string) => requestJson(`/v1/client/orders/${enc(orderId)}`, orderSchema),

  /** "Pay by card": where the card provider's page is (orders-api payOrder). */
  payByCard: (orderId: string, idempotencyKey: string) =>
    requestJson(`/v1/client/orders/${enc(orderId)}/payment`, paymentStartResponse, {
      method: 'POST',
      headers: { 'idempotency-key': idempotencyKey },
    }),
};

export const proofUrl = (photoId: string) => `/v1/client/photos/${enc(photoId)}/proof`;
