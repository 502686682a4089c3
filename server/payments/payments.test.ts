// Card payments through the test provider: the client starts one from the order page, the
// provider's page (a form, no script) pays or declines, and a payment becomes the state
// machine's card_payment_succeeded in one transaction with the payment row, order.updated and
// the client_paid e-mail. The machine refuses paying a paid order; a decline changes nothing.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { paymentStartResponse, studioOrderSchema } from '../../shared/schemas/orders-api';
import { describeOnEachDatabase, type GalleryOptions, type TestServer, type TestStudio } from '../test-support/test-server';
import { TEST_CHECKOUT_CSP } from './test-provider';

const contact = { name: 'Anna Nowak', email: 'anna@example.com', phone: null };

async function form(server: TestServer, paymentId: string, body: string) {
  const response = await fetch(`${server.baseUrl}/pay/test/${paymentId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  return {
    status: response.status,
    location: response.headers.get('location'),
    csp: response.headers.get('content-security-policy'),
    html: await response.text(),
  };
}

describeOnEachDatabase('card payments (test provider)', (server) => {
  const setup = async (options: GalleryOptions & { cardPayments?: boolean } = {}) => {
    const studio = await server().newStudio('Studio Nowak');
    const settings = await server().request('PUT', '/v1/studio/settings', {
      token: studio.token,
      body: {
        paymentInstructions: 'IBAN PL61 1090 1014 0000 0712 1981 2874',
        notificationEmail: null,
        cardPayments: options.cardPayments ?? true,
      },
    });
    expect(settings.status).toBe(200);
    const gallery = await server().newGallery(studio, options);
    const session = await server().openGallery(gallery);
    const placed = await server().request('POST', '/v1/client/orders', {
      token: session,
      body: { deliveryMethodId: 'full', photoIds: gallery.photos.slice(0, 3).map((p) => p.id), contact },
    });
    expect(placed.status).toBe(201);
    const start = () =>
      server().request('POST', `/v1/client/orders/${placed.body.id}/payment`, {
        token: session,
        headers: { 'idempotency-key': randomUUID() },
      });
    return { studio, gallery, session, order: placed.body, start, returnPath: `/g/${gallery.slug}#order=${placed.body.id}` };
  };
  const studioView = async (studio: TestStudio, orderId: string) =>
    studioOrderSchema.parse((await server().request('GET', `/v1/orders/${orderId}`, { token: studio.token })).body);
  const paymentRow = (id: string) =>
    server().app.proofdesk.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('starts a payment, shows the test checkout (no script, its own CSP) and, on Pay, records the card payment and goes back to the order page', async () => {
    const { studio, session, order, start, returnPath } = await setup();
    expect(order).toMatchObject({ state: 'awaiting_payment', canPayByCard: true });
    const started = await start();
    expect(started.status).toBe(201);
    expect(paymentStartResponse.parse(started.body)).toEqual({
      paymentId: expect.any(String),
      redirectUrl: `/pay/test/${started.body.paymentId}`,
    });
    const { paymentId } = started.body;
    expect(await paymentRow(paymentId)).toMatchObject({
      order_id: order.id,
      provider: 'test',
      state: 'pending',
      amount_minor: 4500,
      currency: 'PLN',
      settled_at: null,
    });

    const checkout = await server().request('GET', started.body.redirectUrl);
    expect(checkout.status).toBe(200);
    expect(checkout.headers.get('content-type')).toMatch(/^text\/html/);
    expect(checkout.headers.get('content-security-policy')).toBe(TEST_CHECKOUT_CSP);
    expect(TEST_CHECKOUT_CSP).not.toMatch(/unsafe-inline|script-src/);
    const html = checkout.body as string;
    expect(html).toContain('<title>Test card payment — no money moves</title>');
    expect(html).toContain('<form method="post">');
    expect(html).toMatch(/<button type="submit" name="action" value="pay">Pay 45\.00 PLN<\/button>/);
    expect(html).toContain('value="decline">Decline</button>');
    expect(html).toContain(`Studio Nowak · Order ${order.number}`);
    expect(html).not.toMatch(/<script|onclick|javascript:/i);

    const paid = await form(server(), paymentId, 'action=pay');
    expect(paid.status).toBe(303);
    expect(paid.location).toBe(returnPath);
    const view = await studioView(studio, order.id);
    expect(view).toMatchObject({ state: 'ready_to_deliver', flow: { paid: { method: 'card', amountMinor: 4500, reference: paymentId } } });
    expect(view.history.at(-1)).toMatchObject({
      from: 'awaiting_payment',
      to: 'ready_to_deliver',
      via: ['paid'],
      eventType: 'card_payment_succeeded',
      actor: { kind: 'provider', name: 'Test card provider' },
      note: `Paid by card (ref ${paymentId}): 45.00 PLN; ready to deliver.`,
    });
    expect(view.emails.at(-1)).toMatchObject({
      kind: 'client_paid',
      to: 'anna@example.com',
      subject: `Zamówienie ${order.number} zostało opłacone`,
    });
    expect(await paymentRow(paymentId)).toMatchObject({ state: 'succeeded', settled_at: expect.any(Number) });
    const feed = (await server().request('GET', '/v1/changes?limit=1000', { token: studio.token })).body.changes;
    // The payment's own change; an e-mail's outcome (cause 'email') comes whenever the sender gets to it.
    const updated = feed.filter(
      (c: { type: string; payload: { cause?: string } }) => c.type === 'order.updated' && c.payload.cause !== 'email',
    );
    expect(updated).toHaveLength(1);
    expect(updated[0].payload.order.flow.paid.reference).toBe(paymentId);
    expect((await server().request('GET', `/v1/client/orders/${order.id}`, { token: session })).body).toMatchObject({
      state: 'ready_to_deliver',
      canPayByCard: false,
      paymentInstructions: null,
    });
    // The page of a settled payment says so and offers only the way back.
    const again = (await server().request('GET', started.body.redirectUrl)).body as string;
    expect(again).toContain('This payment has gone through.');
    expect(again).not.toContain('<form');
  });

  it('paying twice is refused by the state machine: the same payment again, or a second one from another tab', async () => {
    const { studio, order, start, returnPath } = await setup();
    const first = (await start()).body.paymentId;
    const second = (await start()).body.paymentId;
    expect((await form(server(), first, 'action=pay')).status).toBe(303);
    const paidOn = (await studioView(studio, order.id)).flow.paid?.at.slice(0, 10);
    for (const paymentId of [first, second]) {
      const refused = await form(server(), paymentId, 'action=pay');
      expect(refused.status).toBe(409);
      expect(refused.html).toContain(`This order is already marked as paid on ${paidOn}.`);
      expect(refused.html).toContain(`href="${returnPath}"`);
    }
    expect(await paymentRow(second)).toMatchObject({ state: 'pending' });
    const view = await studioView(studio, order.id);
    expect(view.history.filter((h) => h.eventType === 'card_payment_succeeded')).toHaveLength(1);
    expect(view.emails.filter((e) => e.kind === 'client_paid')).toHaveLength(1);
    // And no new payment can start.
    const third = await start();
    expect(third.status).toBe(409);
    expect(third.body.error.message).toBe('This order is already paid (45.00 PLN). There is nothing more to pay.');
  });

  it('a declined payment changes only the payment: the order still awaits payment and the client can try again', async () => {
    const { studio, order, start, returnPath } = await setup();
    const { paymentId } = (await start()).body;
    const before = await studioView(studio, order.id);
    const declined = await form(server(), paymentId, 'action=decline');
    expect(declined).toMatchObject({ status: 303, location: returnPath });
    expect(await paymentRow(paymentId)).toMatchObject({ state: 'declined', settled_at: expect.any(Number) });
    const after = await studioView(studio, order.id);
    expect(after.flow).toEqual(before.flow);
    expect(after.history).toEqual(before.history);
    expect((await form(server(), paymentId, 'action=pay')).html).toContain(
      'This payment was declined. Start a new one from your order page.',
    );
    expect((await server().request('GET', `/pay/test/${paymentId}`)).body as string).toContain('This payment was declined.');
    const retry = await start();
    expect(retry.status).toBe(201);
    expect((await form(server(), retry.body.paymentId, 'action=pay')).status).toBe(303);
    expect((await studioView(studio, order.id)).state).toBe('ready_to_deliver');
  });

  it('refuses to start a payment with a sentence: card payments off, not validated yet, cancelled; another gallery’s order is not found', async () => {
    const off = await setup({ cardPayments: false });
    expect(off.order.canPayByCard).toBe(false);
    const refusedOff = await off.start();
    expect(refusedOff.status).toBe(409);
    expect(refusedOff.body.error.message).toMatch(/does not take card payments/);

    const validated = await setup({ settings: { manualValidation: true } });
    expect(validated.order).toMatchObject({ state: 'awaiting_validation', canPayByCard: false, paymentInstructions: null });
    expect((await validated.start()).body.error.message).toMatch(/has not confirmed this order yet/);
    await server().request('POST', `/v1/orders/${validated.order.id}/events`, {
      token: validated.studio.token,
      body: { type: 'cancel', reason: 'client asked' },
    });
    expect((await validated.start()).body.error.message).toBe('This order is cancelled, so it can’t be paid.');

    const other = await setup();
    const theirs = await server().request('POST', `/v1/client/orders/${other.order.id}/payment`, { token: off.session });
    expect(theirs.status).toBe(404);
    expect(await server().app.proofdesk.db.selectFrom('payments').select('id').where('order_id', '=', other.order.id).execute()).toEqual(
      [],
    );
  });

  it('the checkout knows only its own payments: unknown or malformed ids are 404 pages, an unknown action is 400', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const get = await server().request('GET', `/pay/test/${id}`);
      expect(get.status).toBe(404);
      expect(get.body).toContain('No such payment');
      expect((await form(server(), id, 'action=pay')).status).toBe(404);
    }
    const { start } = await setup();
    const { paymentId } = (await start()).body;
    expect((await form(server(), paymentId, 'action=refund')).status).toBe(400);
    expect((await form(server(), paymentId, '')).status).toBe(400);
    expect(await paymentRow(paymentId)).toMatchObject({ state: 'pending' });
  });
});

describeOnEachDatabase(
  'a server without a card payment provider',
  (server) => {
    it('cannot have card payments turned on, offers no card button and serves no checkout', async () => {
      const studio = await server().newStudio();
      const on = await server().request('PUT', '/v1/studio/settings', {
        token: studio.token,
        body: { paymentInstructions: 'IBAN', notificationEmail: null, cardPayments: true },
      });
      expect(on.status).toBe(409);
      expect(on.body.error.message).toMatch(/no card payment provider/);
      const gallery = await server().newGallery(studio);
      const session = await server().openGallery(gallery);
      const order = await server().request('POST', '/v1/client/orders', {
        token: session,
        body: { deliveryMethodId: 'full', photoIds: [gallery.photos[0]?.id], contact },
      });
      expect(order.body.canPayByCard).toBe(false);
      const pay = await server().request('POST', `/v1/client/orders/${order.body.id}/payment`, { token: session });
      expect(pay.status).toBe(409);
      expect((await server().request('GET', `/pay/test/${randomUUID()}`)).body.error.code).toBe('not_found');
    });
  },
  { cardProvider: null },
);
