// The studio's side of delivery (delivery-api deliveryRoutes): PUT /v1/orders/:orderId/delivery
// states the order's delivery set (every file already uploaded through /v1/uploads), POST
// /v1/orders/:orderId/delivery/link replaces a delivered order's download link. Both answer the
// studio's view of the order. Delivering itself is the order event `deliver` (studio-orders.ts).
// Registered inside the studio scope: device token and Idempotency-Key.
import type { FastifyInstance } from 'fastify';
import { putDeliveryBody, renewLinkBody } from '../../shared/schemas/delivery-api';
import { deviceOf } from '../auth/require-device';
import { putDelivery } from '../deliveries/delivery-files';
import { renewDownloadLink } from '../deliveries/order-delivery';
import { parseInput } from '../http/validate';
import { orderIdParams } from '../schemas/api';

/** 40,000 files (the contract's maximum) of ~300 bytes of JSON each. */
export const DELIVERY_BODY_LIMIT = 16 * 1024 * 1024;

export async function studioDeliveryRoutes(app: FastifyInstance): Promise<void> {
  const { db, storage, now, publicUrl } = app.proofdesk;

  app.put('/v1/orders/:orderId/delivery', { bodyLimit: DELIVERY_BODY_LIMIT }, async (request) => {
    const device = deviceOf(request);
    const { orderId } = parseInput(orderIdParams, request.params, 'The order');
    const { files } = parseInput(putDeliveryBody, request.body, 'The delivery');
    return putDelivery(db, storage, { studioId: device.studioId, orderId, files, now: now() });
  });

  app.post('/v1/orders/:orderId/delivery/link', async (request) => {
    const device = deviceOf(request);
    const { orderId } = parseInput(orderIdParams, request.params, 'The order');
    const { days } = parseInput(renewLinkBody, request.body ?? {}, 'The new link');
    return renewDownloadLink(db, { studioId: device.studioId, orderId, days, publicUrl: publicUrl(), now: now() });
  });
}
