// The test card provider: a checkout page on this server where no money moves, for tests and
// demos (PROOFDESK_CARD_PROVIDER=test; never on a server taking real orders). GET /pay/test/:id
// shows the order and two buttons; POST /pay/test/:id (a plain form: no script, CSP-safe) pays or
// declines, then sends the browser back to the client's order page. The payment id in the URL is
// the only credential, as with a real provider's checkout link.
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { formatMoney } from '../../shared/orders';
import { escapeHtml } from '../mail/templates/blocks';
import type { PaymentProvider } from './payment-provider';

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1d1b18}' +
  '.note{background:#fff4d6;padding:.75rem 1rem;border-radius:.5rem}' +
  'button{font:inherit;padding:.6rem 1.2rem;margin-right:.5rem;border-radius:.4rem;border:1px solid #1d1b18;background:#fff;cursor:pointer}' +
  'button[value=pay]{background:#1d1b18;color:#fff}';
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
/** Only this page's own inline style, forms to this server, nothing else. */
export const TEST_CHECKOUT_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const paymentParams = z.object({ paymentId: z.uuid() });
const actionBody = z.object({ action: z.enum(['pay', 'decline']) });

function page(reply: FastifyReply, status: number, title: string, body: string): FastifyReply {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
  return reply.code(status).header('content-security-policy', TEST_CHECKOUT_CSP).type('text/html; charset=utf-8').send(html);
}

const backLink = (returnPath: string | null) => (returnPath ? `<p><a href="${escapeHtml(returnPath)}">Back to your order</a></p>` : '');

export const testPaymentProvider: PaymentProvider = {
  id: 'test',
  name: 'Test card provider',

  async startPayment() {
    const paymentId = randomUUID();
    return { paymentId, redirectUrl: `/pay/test/${paymentId}` };
  },

  async routes(app: FastifyInstance, settle) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    const { db } = app.proofdesk;

    app.get('/pay/test/:paymentId', async (request, reply) => {
      const params = paymentParams.safeParse(request.params);
      const payment = params.success
        ? await db
            .selectFrom('payments')
            .innerJoin('orders', 'orders.id', 'payments.order_id')
            .innerJoin('studios', 'studios.id', 'payments.studio_id')
            .innerJoin('galleries', 'galleries.id', 'orders.gallery_id')
            .select([
              'payments.state',
              'payments.amount_minor',
              'payments.currency',
              'orders.id as order_id',
              'orders.number',
              'studios.name',
              'galleries.slug',
            ])
            .where('payments.id', '=', params.data.paymentId)
            .where('payments.provider', '=', 'test')
            .executeTakeFirst()
        : undefined;
      if (!payment)
        return page(
          reply,
          404,
          'No such payment',
          '<h1>No such payment</h1><p>This payment link is not known. Start again from your order page.</p>',
        );
      const amount = formatMoney(Number(payment.amount_minor), payment.currency);
      const back = `/g/${payment.slug}#order=${encodeURIComponent(payment.order_id)}`;
      const head = `<h1>Test card payment — no money moves</h1><p class="note">This is the test payment provider: paying here records the order as paid by card, and no card is charged.</p><p>${escapeHtml(payment.name)} · Order ${escapeHtml(payment.number)}</p><p><strong>${escapeHtml(amount)}</strong></p>`;
      if (payment.state !== 'pending') {
        const said = payment.state === 'succeeded' ? 'This payment has gone through.' : 'This payment was declined.';
        return page(reply, 200, 'Test card payment — no money moves', `${head}<p>${said}</p>${backLink(back)}`);
      }
      return page(
        reply,
        200,
        'Test card payment — no money moves',
        `${head}<form method="post"><button type="submit" name="action" value="pay">Pay ${escapeHtml(amount)}</button><button type="submit" name="action" value="decline">Decline</button></form>${backLink(back)}`,
      );
    });

    app.post('/pay/test/:paymentId', async (request, reply) => {
      const params = paymentParams.safeParse(request.params);
      const body = actionBody.safeParse(request.body);
      if (!params.success) return page(reply, 404, 'No such payment', '<h1>No such payment</h1><p>This payment link is not known.</p>');
      if (!body.success)
        return page(reply, 400, 'Choose Pay or Decline', '<h1>Choose Pay or Decline</h1><p>Go back and press one of the two buttons.</p>');
      const result = await settle(params.data.paymentId, body.data.action === 'pay' ? 'succeeded' : 'declined');
      if (result.ok) return reply.code(303).header('location', result.returnPath).send();
      return page(
        reply,
        result.status,
        'Payment not made',
        `<h1>Payment not made</h1><p>${escapeHtml(result.message)}</p>${backLink(result.returnPath)}`,
      );
    });
  },
};
