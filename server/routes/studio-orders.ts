// The order desk's studio routes (shared/schemas/orders-api.ts ordersRoutes): an action on an
// order, a corrected contact, the order with its flow, history and e-mails, a resent e-mail, and
// the studio's payment settings. Registered inside the studio scope: device token and
// Idempotency-Key (a replayed action is answered from the store, never applied twice).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { orderContactBody, studioOrderEventBody, studioSettingsSchema } from '../../shared/schemas/orders-api';
import { getStudioSettings, putStudioSettings } from '../accounts/studio-settings';
import { deviceOf } from '../auth/require-device';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/validate';
import { loadStudioOrder, studioOrderView } from '../orders/order-store';
import { applyStudioEvent, correctContact, resendEmail } from '../orders/studio-orders';
import { emptyBody, orderIdParams } from '../schemas/api';

const emailParams = orderIdParams.extend({ emailId: z.string().min(1, 'an e-mail id is required').max(100) });

export async function studioOrderRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, publicUrl, mail } = app.proofdesk;

  app.post('/v1/orders/:orderId/events', async (request) => {
    const device = deviceOf(request);
    const { orderId } = parseInput(orderIdParams, request.params, 'The order');
    const event = parseInput(studioOrderEventBody, request.body, 'The order action');
    const order = await applyStudioEvent(db, {
      studioId: device.studioId,
      orderId,
      event,
      actor: { kind: 'studio', deviceId: device.deviceId, name: device.deviceName },
      now: now(),
      publicUrl: publicUrl(),
    });
    mail.kick();
    return order;
  });

  app.patch('/v1/orders/:orderId/contact', async (request) => {
    const device = deviceOf(request);
    const { orderId } = parseInput(orderIdParams, request.params, 'The order');
    const body = parseInput(orderContactBody, request.body, 'The contact');
    return correctContact(db, { studioId: device.studioId, orderId, email: body.email, phone: body.phone, now: now() });
  });

  app.get('/v1/orders/:orderId', async (request) => {
    const device = deviceOf(request);
    const { orderId } = parseInput(orderIdParams, request.params, 'The order');
    return studioOrderView(db, await loadStudioOrder(db, device.studioId, orderId));
  });

  app.post('/v1/orders/:orderId/emails/:emailId/resend', async (request) => {
    const device = deviceOf(request);
    const { orderId, emailId } = parseInput(emailParams, request.params, 'The e-mail');
    parseInput(emptyBody, request.body, 'The resend request');
    const order = await resendEmail(db, { studioId: device.studioId, orderId, emailId, now: now() });
    mail.kick();
    return order;
  });

  app.get('/v1/studio/settings', async (request) => getStudioSettings(db, deviceOf(request).studioId));

  app.put('/v1/studio/settings', async (request) => {
    const device = deviceOf(request);
    const settings = parseInput(studioSettingsSchema.strict(), request.body, 'The studio settings');
    if (settings.cardPayments && !app.proofdesk.payments) {
      throw new ApiError(
        'conflict',
        'This server has no card payment provider, so card payments can’t be turned on. Leave them off; clients pay as your instructions say.',
      );
    }
    return putStudioSettings(db, device.studioId, settings, now());
  });
}
