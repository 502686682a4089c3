// The order desk's studio routes: actions through the state machine (with its refusals as 409
// sentences), the history with the device, the client's e-mail for each new state, contact
// correction, resending an e-mail, the studio settings, and one studio never reaching another's order.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { studioOrderSchema, studioSettingsSchema } from '../../shared/schemas/orders-api';
import { describeOnEachDatabase, type GalleryOptions, type TestStudio } from '../test-support/test-server';

const contact = { name: 'Anna Nowak', email: 'anna@example.com', phone: null };
const instructions = 'Przelew: PL61 1090 1014 0000 0712 1981 2874';

describeOnEachDatabase('studio order routes', (server) => {
  const as = (studio: TestStudio) => ({
    event: (orderId: string, body: unknown, key = randomUUID()) =>
      server().request('POST', `/v1/orders/${orderId}/events`, { token: studio.token, body, headers: { 'idempotency-key': key } }),
    get: (orderId: string) => server().request('GET', `/v1/orders/${orderId}`, { token: studio.token }),
  });
  const setup = async (options: GalleryOptions = {}) => {
    const studio = await server().newStudio('Studio Nowak');
    const gallery = await server().newGallery(studio, options);
    const session = await server().openGallery(gallery);
    const placed = await server().request('POST', '/v1/client/orders', {
      token: session,
      body: { deliveryMethodId: 'full', photoIds: gallery.photos.slice(0, 2).map((p) => p.id), contact },
    });
    expect(placed.status).toBe(201);
    return { studio, gallery, session, order: placed.body, api: as(studio) };
  };
  // What the studio's actions recorded: an e-mail's outcome (cause 'email') arrives whenever the sender gets to it.
  const feedOf = async (studio: TestStudio) =>
    (
      (await server().request('GET', '/v1/changes?limit=1000', { token: studio.token })).body.changes as {
        type: string;
        galleryId: string;
        payload: { order?: { id: string; state: string; history: unknown[] }; cause?: string };
      }[]
    ).filter((c) => c.payload.cause !== 'email');

  it('validates, then marks as paid: each step in the history with the device, the client told in Polish, the feed told', async () => {
    const { studio, gallery, session, order, api } = await setup({ settings: { manualValidation: true } });
    await server().request('PUT', '/v1/studio/settings', {
      token: studio.token,
      body: { paymentInstructions: instructions, notificationEmail: null, cardPayments: false },
    });
    expect(order.state).toBe('awaiting_validation');
    const validated = await api.event(order.id, { type: 'validate' });
    expect(validated.status).toBe(200);
    expect(studioOrderSchema.parse(validated.body)).toEqual(validated.body);
    expect(validated.body).toMatchObject({ id: order.id, state: 'awaiting_payment', flow: { state: 'awaiting_payment', paid: null } });
    expect(validated.body.history.map((h: { from: string; to: string; eventType: string }) => [h.from, h.to, h.eventType])).toEqual([
      ['placed', 'awaiting_validation', 'place'],
      ['awaiting_validation', 'awaiting_payment', 'validate'],
    ]);
    expect(validated.body.history[1]).toMatchObject({
      actor: { kind: 'studio', deviceId: studio.deviceId, name: 'First laptop' },
      note: 'Validated; waiting for payment.',
    });
    const emails = validated.body.emails.map((e: { kind: string; to: string; language: string; subject: string }) => [
      e.kind,
      e.to,
      e.language,
      e.subject,
    ]);
    expect(emails.slice(2)).toEqual([
      [
        'client_awaiting_payment',
        'anna@example.com',
        'pl',
        `${order.number ? `Zamówienie ${order.number}` : ''} zostało potwierdzone – dane do płatności`,
      ],
    ]);
    const stored = await server()
      .app.proofdesk.db.selectFrom('order_emails')
      .select('body_text')
      .where('id', '=', validated.body.emails[2].id)
      .executeTakeFirstOrThrow();
    expect(stored.body_text).toContain(instructions);
    // The client's page now shows how to pay.
    const clientView = (await server().request('GET', `/v1/client/orders/${order.id}`, { token: session })).body;
    expect(clientView).toMatchObject({ state: 'awaiting_payment', paymentInstructions: instructions, canPayByCard: false });

    const paid = await api.event(order.id, { type: 'mark_paid', method: 'offline', reference: 'przelew 12/03' });
    expect(paid.body).toMatchObject({
      state: 'ready_to_deliver',
      flow: { paid: { method: 'offline', amountMinor: 3000, reference: 'przelew 12/03' } },
    });
    expect(paid.body.history[2]).toMatchObject({ from: 'awaiting_payment', to: 'ready_to_deliver', via: ['paid'], eventType: 'mark_paid' });
    expect(paid.body.emails.at(-1)).toMatchObject({ kind: 'client_paid', subject: `Zamówienie ${order.number} zostało opłacone` });
    const clientAfter = (await server().request('GET', `/v1/client/orders/${order.id}`, { token: session })).body;
    expect(clientAfter).toMatchObject({ state: 'ready_to_deliver', paymentInstructions: null, canPayByCard: false });

    const updates = (await feedOf(studio)).filter((c) => c.type === 'order.updated');
    expect(updates.map((c) => [c.galleryId, c.payload.order?.state, c.payload.order?.history.length])).toEqual([
      [gallery.id, 'awaiting_payment', 2],
      [gallery.id, 'ready_to_deliver', 3],
    ]);
    expect(updates[1]?.payload.order).toEqual(paid.body);
    // GET answers the same order (its e-mails may have been sent meanwhile).
    const { emails: nowEmails, ...now } = (await api.get(order.id)).body;
    const { emails: paidEmails, ...then } = paid.body;
    expect(now).toEqual(then);
    expect(nowEmails.map((e: { id: string }) => e.id)).toEqual(paidEmails.map((e: { id: string }) => e.id));
  });

  it('refuses with the machine’s sentence (409, its code), changing nothing: paying twice, cancelling a paid order, a bad event', async () => {
    const { studio, order, api } = await setup();
    await api.event(order.id, { type: 'mark_paid', method: 'offline' });
    const before = (await api.get(order.id)).body;
    const feedBefore = (await feedOf(studio)).length;

    const twice = await api.event(order.id, { type: 'mark_paid', method: 'offline' });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toEqual({
      code: 'conflict',
      message: `This order is already marked as paid on ${before.flow.paid.at.slice(0, 10)}.`,
      refusal: 'already_paid',
      reasonKey: 'pay.already_paid',
    });
    const cancel = await api.event(order.id, { type: 'cancel', reason: 'client changed their mind' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error).toMatchObject({
      refusal: 'order_paid_locked',
      message: expect.stringMatching(/^This order is paid, so it can’t be cancelled/),
    });
    const noReason = await api.event(order.id, { type: 'record_refund', amountMinor: 100, currency: 'PLN', reason: ' ' });
    expect(noReason.status).toBe(409);
    expect(noReason.body.error).toMatchObject({ refusal: 'invalid_event', message: expect.stringContaining('Say why') });
    const tooMuch = await api.event(order.id, { type: 'record_refund', amountMinor: 5000, currency: 'PLN', reason: 'retouch fault' });
    expect(tooMuch.body.error).toMatchObject({ refusal: 'refund_exceeds_payment', message: expect.stringContaining('Record at most') });
    // Delivering needs the delivery set (PUT …/delivery; routes/deliveries.test.ts delivers one).
    const deliver = await api.event(order.id, { type: 'deliver', fileCount: 2 });
    expect(deliver.status).toBe(409);
    expect(deliver.body.error).toMatchObject({
      code: 'conflict',
      refusal: 'no_delivery_files',
      message: expect.stringMatching(/^Add the edited photos first/),
    });
    // Not a studio action, nor a machine event at all.
    for (const type of ['place', 'change_items', 'launch']) {
      const res = await api.event(order.id, { type, fileCount: 1 });
      expect(res.status, type).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    // Actor and time are the server's, whatever the body says.
    const refund = await api.event(order.id, {
      type: 'record_refund',
      amountMinor: 500,
      currency: 'PLN',
      reason: 'one photo was missing',
      actor: { kind: 'provider' },
      at: '2001-01-01T00:00:00.000Z',
    });
    expect(refund.status).toBe(200);
    expect(refund.body.history.at(-1)).toMatchObject({ eventType: 'record_refund', actor: { kind: 'studio', deviceId: studio.deviceId } });
    expect(refund.body.history.at(-1).at).not.toBe('2001-01-01T00:00:00.000Z');
    expect(refund.body.flow.refunds).toHaveLength(1);
    expect(refund.body.state).toBe('ready_to_deliver');
    // Refusals left no trace: one more history row and one more feed entry, both for the refund.
    expect(refund.body.history).toHaveLength(before.history.length + 1);
    const kinds = (emails: { id: string; kind: string }[]) => emails.map((e) => [e.id, e.kind]);
    expect(kinds(refund.body.emails)).toEqual(kinds(before.emails)); // A refund e-mails nobody.
    expect(await feedOf(studio)).toHaveLength(feedBefore + 1);
  });

  it('an unpaid order is not delivered unless forced: retouching and completing are refused until the studio forces delivery or it is paid', async () => {
    const { order, api } = await setup({ settings: { retouchBeforeDelivery: true } });
    const retouch = await api.event(order.id, { type: 'retouch_completed', by: 'manual' });
    expect(retouch.status).toBe(409);
    expect(retouch.body.error).toMatchObject({
      refusal: 'not_paid',
      message: expect.stringContaining('Mark it as paid or force delivery first'),
    });
    const complete = await api.event(order.id, { type: 'complete' });
    expect(complete.body.error.refusal).toBe('not_delivered');

    const forced = await api.event(order.id, { type: 'force_delivery', reason: 'pays on collection' });
    expect(forced.body).toMatchObject({
      state: 'waiting_to_retouch',
      flow: { paid: null, forcedDelivery: { reason: 'pays on collection' } },
    });
    // No e-mail for a forced delivery: the client hears when the files are delivered.
    expect(forced.body.emails.map((e: { kind: string }) => e.kind)).toEqual(['studio_new_order', 'client_order_confirmation']);
    const done = await api.event(order.id, { type: 'retouch_completed', by: 'manual' });
    expect(done.body.state).toBe('ready_to_deliver');
    expect((await api.event(order.id, { type: 'cancel', reason: 'no' })).body.error.refusal).toBe('order_forced_locked');
    // A late payment is recorded where the order is, and the client thanked.
    const late = await api.event(order.id, { type: 'mark_paid', method: 'offline' });
    expect(late.body).toMatchObject({ state: 'ready_to_deliver', flow: { paid: { method: 'offline' } } });
    expect(late.body.history.at(-1)).toMatchObject({ from: 'ready_to_deliver', to: 'ready_to_deliver', via: [] });
    expect(late.body.emails.at(-1).kind).toBe('client_paid');
  });

  it('cancels before payment and tells the client; a replayed action is applied once', async () => {
    const { studio, order, api } = await setup();
    const key = randomUUID();
    const first = await api.event(order.id, { type: 'cancel', reason: 'duplicate order' }, key);
    expect(first.body).toMatchObject({ state: 'cancelled', flow: { cancellation: { reason: 'duplicate order' } } });
    expect(first.body.emails.at(-1)).toMatchObject({ kind: 'client_cancelled', subject: `Zamówienie ${order.number} zostało anulowane` });
    const again = await api.event(order.id, { type: 'cancel', reason: 'duplicate order' }, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const now = (await api.get(order.id)).body;
    expect(now.history).toHaveLength(2);
    expect(now.emails.filter((e: { kind: string }) => e.kind === 'client_cancelled')).toHaveLength(1);
    expect((await feedOf(studio)).filter((c) => c.type === 'order.updated')).toHaveLength(1);
    // A new key is a new action, and the machine refuses it.
    expect((await api.event(order.id, { type: 'cancel', reason: 'again' })).body.error.refusal).toBe('order_cancelled');
  });

  it('two laptops marking the same order paid at once: one wins, the other is told it is already paid', async () => {
    const { studio, order, api } = await setup();
    const second = as(await server().pairAnotherDevice(studio, 'Studio iMac'));
    const results = await Promise.all([
      api.event(order.id, { type: 'mark_paid', method: 'offline' }),
      second.event(order.id, { type: 'mark_paid', method: 'card' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.refusal).toBe('already_paid');
    const final = (await api.get(order.id)).body;
    expect(final.history).toHaveLength(2);
    expect(final.emails.filter((e: { kind: string }) => e.kind === 'client_paid')).toHaveLength(1);
  });

  it('corrects the client’s e-mail, and resends an e-mail to the corrected address (the studio’s to the studio)', async () => {
    const { studio, session, order } = await setup();
    const bad = await server().request('PATCH', `/v1/orders/${order.id}/contact`, { token: studio.token, body: { email: 'anna@' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.email).toMatch(/valid e-mail/);
    const fixed = await server().request('PATCH', `/v1/orders/${order.id}/contact`, {
      token: studio.token,
      body: { email: 'anna.nowak@example.com', phone: '+48 600 100 200' },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.contact).toEqual({ name: 'Anna Nowak', email: 'anna.nowak@example.com', phone: '+48 600 100 200' });
    expect((await server().request('GET', `/v1/client/orders/${order.id}`, { token: session })).body.contact.email).toBe(
      'anna.nowak@example.com',
    );
    const updated = (await feedOf(studio)).filter((c) => c.type === 'order.updated');
    expect(updated.at(-1)?.payload.order).toEqual(fixed.body);
    // Phone left out: kept.
    const emailOnly = await server().request('PATCH', `/v1/orders/${order.id}/contact`, {
      token: studio.token,
      body: { email: 'anna.nowak@example.com' },
    });
    expect(emailOnly.body.contact.phone).toBe('+48 600 100 200');

    const [toStudio, confirmation] = fixed.body.emails;
    const resent = await server().request('POST', `/v1/orders/${order.id}/emails/${confirmation.id}/resend`, { token: studio.token });
    expect(resent.status).toBe(200);
    const copy = resent.body.emails.at(-1);
    expect(copy).toMatchObject({
      kind: 'client_order_confirmation',
      to: 'anna.nowak@example.com',
      subject: confirmation.subject,
      status: expect.any(String),
    });
    expect(copy.id).not.toBe(confirmation.id);
    await server().request('PUT', '/v1/studio/settings', {
      token: studio.token,
      body: { paymentInstructions: '', notificationEmail: 'desk@studio.example', cardPayments: false },
    });
    const studioCopy = await server().request('POST', `/v1/orders/${order.id}/emails/${toStudio.id}/resend`, {
      token: studio.token,
      body: {},
    });
    expect(studioCopy.body.emails.at(-1)).toMatchObject({ kind: 'studio_new_order', to: 'desk@studio.example' });
    const unknown = await server().request('POST', `/v1/orders/${order.id}/emails/${randomUUID()}/resend`, { token: studio.token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/has no e-mail/);
  });

  it('keeps the studio settings: defaults first, then what was saved; refuses what is not a setting', async () => {
    const studio = await server().newStudio();
    const get = () => server().request('GET', '/v1/studio/settings', { token: studio.token });
    expect((await get()).body).toEqual({ paymentInstructions: '', notificationEmail: null, cardPayments: false });
    const saved = {
      paymentInstructions: `  ${instructions}\n  Tytuł: numer zamówienia  `,
      notificationEmail: 'orders@studio.example',
      cardPayments: true,
    };
    const put = await server().request('PUT', '/v1/studio/settings', { token: studio.token, body: saved });
    expect(put.status).toBe(200);
    expect(studioSettingsSchema.parse(put.body)).toEqual(put.body);
    expect(put.body.paymentInstructions).toBe(`${instructions}\n  Tytuł: numer zamówienia`);
    expect((await get()).body).toEqual(put.body);
    for (const body of [{ ...saved, notificationEmail: 'nope' }, { ...saved, extra: 1 }, { cardPayments: true }]) {
      const res = await server().request('PUT', '/v1/studio/settings', { token: studio.token, body });
      expect(res.status).toBe(400);
    }
    expect((await get()).body).toEqual(put.body);
  });

  it('studio B can neither see nor act on studio A’s order: every order-desk route answers 404 and A’s order stays as it was', async () => {
    const { studio: a, order } = await setup();
    const b = await server().newStudio('Other Studio');
    const before = (await as(a).get(order.id)).body;
    const emailId = before.emails[1].id;
    const asB = (method: string, path: string, body?: unknown) => server().request(method, path, { token: b.token, body });
    const cases: Record<string, () => Promise<void>> = {
      'POST /v1/orders/:orderId/events': async () => {
        const res = await asB('POST', `/v1/orders/${order.id}/events`, { type: 'cancel', reason: 'mine now' });
        expect(res.status).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain(order.number);
      },
      'PATCH /v1/orders/:orderId/contact': async () => {
        expect((await asB('PATCH', `/v1/orders/${order.id}/contact`, { email: 'mallory@example.com' })).status).toBe(404);
      },
      'GET /v1/orders/:orderId': async () => {
        const res = await asB('GET', `/v1/orders/${order.id}`);
        expect(res.status).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain('anna@example.com');
      },
      'POST /v1/orders/:orderId/emails/:emailId/resend': async () => {
        expect((await asB('POST', `/v1/orders/${order.id}/emails/${emailId}/resend`)).status).toBe(404);
      },
      'PUT /v1/orders/:orderId/delivery': async () => {
        const file = { photoId: order.photoIds[0], set: 'full', name: 'IMG.jpg', sha256: 'a'.repeat(64), size: 1, width: 1, height: 1 };
        expect((await asB('PUT', `/v1/orders/${order.id}/delivery`, { files: [file] })).status).toBe(404);
      },
      'POST /v1/orders/:orderId/delivery/link': async () => {
        expect((await asB('POST', `/v1/orders/${order.id}/delivery/link`, {})).status).toBe(404);
      },
      'GET /v1/studio/settings': async () => {
        expect((await asB('GET', '/v1/studio/settings')).body).toEqual({
          paymentInstructions: '',
          notificationEmail: null,
          cardPayments: false,
        });
      },
      'PUT /v1/studio/settings': async () => {
        // B's settings are B's: A's stay as they were.
        expect(
          (await asB('PUT', '/v1/studio/settings', { paymentInstructions: 'B', notificationEmail: null, cardPayments: true })).status,
        ).toBe(200);
        expect((await server().request('GET', '/v1/studio/settings', { token: a.token })).body.cardPayments).toBe(false);
      },
    };
    const deskRoutes = server()
      .app.proofdesk.routes.filter((r) => r.url.startsWith('/v1/orders/') || r.url === '/v1/studio/settings')
      .map((r) => `${r.method} ${r.url}`);
    expect(Object.keys(cases).sort()).toEqual([...deskRoutes].sort());
    for (const [route, check] of Object.entries(cases)) {
      try {
        await check();
      } catch (error) {
        throw new Error(`${route}: ${(error as Error).message}`);
      }
    }
    const after = (await as(a).get(order.id)).body;
    expect({ ...after, emails: after.emails.map((e: { id: string }) => e.id) }).toEqual({
      ...before,
      emails: before.emails.map((e: { id: string }) => e.id),
    });
    expect((await feedOf(b)).filter((c) => c.type.startsWith('order.'))).toEqual([]);
    // An order id that does not exist at all reads the same as another studio's.
    expect((await as(a).get(randomUUID())).status).toBe(404);
  });
});
