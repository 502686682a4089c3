// POST /v1/client/orders/:orderId/payment: the client's "Pay by card" (orders-api payOrder). Only
// when the studio takes card payments and the order is awaiting payment; otherwise 409 with a
// sentence for the order page. Answers where to send the browser (paymentStartResponse).
import type { FastifyInstance } from 'fastify';
import { clientOf } from '../auth/require-client';
import { parseInput } from '../http/validate';
import { startCardPayment } from '../payments/payments';
import { emptyBody, orderIdParams } from '../schemas/api';

export async function clientPaymentRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, payments } = app.proofdesk;

  app.post('/v1/client/orders/:orderId/payment', async (request, reply) => {
    const client = clientOf(request);
    const { orderId } = parseInput(orderIdParams, request.params, 'The order');
    parseInput(emptyBody, request.body, 'The payment request');
    const started = await startCardPayment(db, payments, { client, orderId, now: now() });
    return reply.code(201).send(started);
  });
}
