// Orders from the gallery page: place one, list the gallery's, read one.
import type { FastifyInstance } from 'fastify';
import { placeOrderBody } from '../../shared/schemas/hosted-api';
import { clientOf } from '../auth/require-client';
import { findGalleryById } from '../galleries/galleries';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/validate';
import { findGalleryOrder, listGalleryOrders, placeOrder } from '../orders/orders';
import { orderIdParams } from '../schemas/api';

/** Up to 20,000 photo ids (the contract's maximum) plus contact details. */
export const ORDER_BODY_LIMIT = 1024 * 1024;

export async function clientOrderRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, publicUrl, mail } = app.proofdesk;

  app.post('/v1/client/orders', { bodyLimit: ORDER_BODY_LIMIT }, async (request, reply) => {
    const client = clientOf(request);
    const body = parseInput(placeOrderBody, request.body, 'The order');
    const gallery = await findGalleryById(db, client.galleryId);
    if (!gallery) throw new ApiError('not_found', 'This gallery is no longer available. Ask your photographer for a new link.');
    const order = await placeOrder(db, { gallery, sessionId: client.sessionId, body, publicUrl: publicUrl() }, now());
    mail.kick();
    return reply.code(201).send(order);
  });

  app.get('/v1/client/orders', async (request) => {
    const client = clientOf(request);
    return { orders: await listGalleryOrders(db, client.galleryId, client.studioId) };
  });

  app.get('/v1/client/orders/:orderId', async (request) => {
    const { orderId } = parseInput(orderIdParams, request.params, 'The order');
    return findGalleryOrder(db, clientOf(request).galleryId, orderId);
  });
}
