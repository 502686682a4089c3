// Placing an order goes through the shared state machine and, in the same transaction, stores the
// flow and its first history row, queues the studio's and the client's e-mails and records
// order.placed with the studio's view. The default transport writes the e-mails as .eml files.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { expect, it } from 'vitest';
import { orderSchema } from '../../shared/schemas/hosted-api';
import { studioOrderSchema } from '../../shared/schemas/orders-api';
import { putStudioSettings } from '../accounts/studio-settings';
import { describeOnEachDatabase, type TestGallery, type TestServer, type TestStudio } from '../test-support/test-server';
import { waitFor } from '../test-support/wait-for';

const contact = { name: 'Anna Nowak', email: 'anna@example.com', phone: '+48 600 100 200' };

describeOnEachDatabase('placing an order', (server) => {
  const ids = (gallery: TestGallery, n: number) => gallery.photos.slice(0, n).map((p) => p.id);
  const year = () => new Date(Date.now() + server().clock.offsetMs).getUTCFullYear();
  const place = async (gallery: TestGallery, body: Record<string, unknown>) => {
    const res = await server().request('POST', '/v1/client/orders', {
      token: await server().openGallery(gallery),
      body: { contact, ...body },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const placedView = async (studio: TestStudio, orderId: string) => {
    const feed = (await server().request('GET', '/v1/changes?limit=1000', { token: studio.token })).body.changes;
    const change = feed.find(
      (c: { type: string; payload: { order?: { id?: string } } }) => c.type === 'order.placed' && c.payload.order?.id === orderId,
    );
    return studioOrderSchema.parse(change.payload.order);
  };
  const emailRows = (orderId: string) =>
    server()
      .app.proofdesk.db.selectFrom('order_emails')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  const studioEmail = async (s: TestServer, studio: TestStudio) =>
    (await s.app.proofdesk.db.selectFrom('studios').select('email').where('id', '=', studio.studioId).executeTakeFirstOrThrow()).email;

  it('stores the flow and its first history row, queues two e-mails and records order.placed with the studio’s view', async () => {
    const studio = await server().newStudio('Studio Nowak');
    const gallery = await server().newGallery(studio, { title: 'Ślub Ani i Marka' });
    const order = await place(gallery, { deliveryMethodId: 'full', photoIds: ids(gallery, 2) });
    expect(order.state).toBe('awaiting_payment');

    const view = await placedView(studio, order.id);
    const { paymentInstructions: _p, canPayByCard: _c, ...client } = order;
    expect(view).toMatchObject(client);
    expect(view.flow).toEqual({
      state: 'awaiting_payment',
      manualValidation: false,
      retouchBeforeDelivery: false,
      photoIds: ids(gallery, 2),
      totalMinor: 3000,
      currency: 'PLN',
      paid: null,
      forcedDelivery: null,
      cancellation: null,
      refunds: [],
    });
    expect(view.history).toEqual([
      {
        from: 'placed',
        to: 'awaiting_payment',
        via: [],
        eventType: 'place',
        actor: { kind: 'client', name: 'Anna Nowak' },
        at: order.placedAt,
        note: 'Placed: 2 photos, 30.00 PLN; waiting for payment.',
      },
    ]);
    const owner = await studioEmail(server(), studio);
    expect(view.emails.map((e) => [e.kind, e.to, e.language, e.subject, e.status])).toEqual([
      ['studio_new_order', owner, 'en', `New order ${year()}-0001 from Anna Nowak (2 photos)`, 'queued'],
      ['client_order_confirmation', 'anna@example.com', 'pl', `Zamówienie ${year()}-0001 zostało przyjęte`, 'queued'],
    ]);
    const stored = await server()
      .app.proofdesk.db.selectFrom('orders')
      .select(['flow', 'state'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.flow)).toEqual(view.flow);

    // The background sender writes them to the mail folder, each as <id>.eml, and logs where.
    const sent = await waitFor(
      () => emailRows(order.id),
      (rows) => rows.every((r) => r.status === 'sent'),
      'both e-mails sent',
    );
    for (const row of sent) {
      expect(row.detail).toBe(`written to mail/${row.id}.eml`);
      expect(row.attempts).toBe(1);
      expect(typeof row.sent_at).toBe('number');
    }
    const [toStudio, toClient] = await Promise.all(
      sent.map(async (row) => simpleParser(await readFile(path.join(server().config.dataDir, 'mail', `${row.id}.eml`)))),
    );
    const galleryUrl = `${server().baseUrl}/g/${gallery.slug}`;
    expect(toClient?.subject).toBe(`Zamówienie ${year()}-0001 zostało przyjęte`);
    expect(toClient?.from?.value).toEqual([{ name: 'Studio Nowak', address: 'proofdesk@localhost' }]);
    expect(toClient?.replyTo?.value[0]?.address).toBe(owner);
    expect(toClient?.headers.get('content-language')).toBe('pl');
    expect(toClient?.text).toContain(`${galleryUrl}#order=${order.id}`);
    expect(toClient?.text).toContain(galleryUrl);
    expect(toClient?.text).toMatch(/Razem:\s+30,00\s*zł \(w tym VAT 5,61\s*zł\)/);
    expect(toClient?.text).toContain('Full resolution');
    expect(toClient?.text).toContain('Zamówienie czeka na płatność.');
    expect(toClient?.text).toContain('Studio Nowak prześle Ci dane do płatności.');
    expect(toClient?.html).toContain(`href="${galleryUrl}#order=${order.id}"`);
    expect(toClient?.html).toContain('Ślub Ani i Marka');
    expect(toClient?.html).not.toMatch(/<img|<script|https?:\/\/(?!127\.0\.0\.1)/);
    expect(toStudio?.subject).toBe(`New order ${year()}-0001 from Anna Nowak (2 photos)`);
    expect(toStudio?.replyTo?.value[0]?.address).toBe('anna@example.com');
    expect(toStudio?.text).toContain('IMG_0001.jpg');
    expect(toStudio?.text).toContain('+48 600 100 200');
    expect(toStudio?.text).toMatch(/Total:\s+PLN\s30\.00 \(incl\. VAT PLN\s5\.61\)/);
  });

  it('copies manual validation and retouching from the gallery; a free order skips payment', async () => {
    const studio = await server().newStudio();
    const validated = await server().newGallery(studio, { settings: { manualValidation: true } });
    const waiting = await place(validated, { deliveryMethodId: 'full', photoIds: ids(validated, 1) });
    expect(waiting).toMatchObject({ state: 'awaiting_validation', paymentInstructions: null, canPayByCard: false });
    const waitingView = await placedView(studio, waiting.id);
    expect(waitingView.flow).toMatchObject({ manualValidation: true, retouchBeforeDelivery: false });
    expect((await emailRows(waiting.id))[1]?.body_text).toContain('sprawdzi i potwierdzi zamówienie');

    const free = await server().newGallery(studio, {
      settings: { retouchBeforeDelivery: true },
      deliveryMethods: [
        { id: 'free', kind: 'digital_web', label: 'Web files', priceMinor: 0, currency: 'PLN', vatRateBp: 2300, pricing: 'package' },
      ],
    });
    const freeOrder = await place(free, { deliveryMethodId: 'free', photoIds: ids(free, 2) });
    expect(freeOrder.state).toBe('waiting_to_retouch');
    const freeView = await placedView(studio, freeOrder.id);
    expect(freeView.flow.paid).toEqual({ method: 'free', amountMinor: 0, at: freeOrder.placedAt, reference: null });
    expect(freeView.history[0]).toMatchObject({ from: 'placed', to: 'waiting_to_retouch', via: ['paid'] });
    expect((await emailRows(freeOrder.id))[1]?.body_text).toContain('To zamówienie jest bezpłatne');
  });

  it('gives the client the studio’s payment instructions while awaiting payment, and announces to the notification address', async () => {
    const studio = await server().newStudio();
    await putStudioSettings(
      server().app.proofdesk.db,
      studio.studioId,
      {
        paymentInstructions: 'Przelew na konto PL61 1090 1014 0000 0712 1981 2874\nTytuł: numer zamówienia',
        notificationEmail: 'orders@studio.example',
        cardPayments: true,
      },
      Date.now(),
    );
    const gallery = await server().newGallery(studio);
    // An English-speaking client gets English e-mails.
    await server().request('PUT', `/v1/clients/${gallery.clientId}`, {
      token: studio.token,
      body: { name: 'Emma Brown', email: 'emma@example.com', phone: null, language: 'en' },
    });
    const order = await place(gallery, { deliveryMethodId: 'pack', photoIds: ids(gallery, 3) });
    expect(orderSchema.parse(order)).toEqual(order);
    expect(order).toMatchObject({
      state: 'awaiting_payment',
      paymentInstructions: 'Przelew na konto PL61 1090 1014 0000 0712 1981 2874\nTytuł: numer zamówienia',
      canPayByCard: true,
    });
    const session = await server().openGallery(gallery);
    expect((await server().request('GET', `/v1/client/orders/${order.id}`, { token: session })).body).toEqual(order);
    expect((await server().request('GET', '/v1/client/orders', { token: session })).body).toEqual({ orders: [order] });

    const [toStudio, toClient] = await emailRows(order.id);
    expect(toStudio).toMatchObject({ kind: 'studio_new_order', to_address: 'orders@studio.example' });
    expect(toClient).toMatchObject({
      kind: 'client_order_confirmation',
      language: 'en',
      subject: `Your order ${year()}-0001 has been received`,
    });
    expect(toClient?.reply_to).toBe('orders@studio.example');
    expect(toClient?.body_text).toContain('How to pay\n  Przelew na konto PL61 1090 1014 0000 0712 1981 2874\n  Tytuł: numer zamówienia');
    expect(toClient?.body_text).toContain('You can also pay by card on your order page.');
    expect(toClient?.body_text).toMatch(/Total:\s+PLN\s250\.00 \(incl\. VAT PLN\s46\.75\)/);
    expect(toClient?.body_html).toContain('Przelew na konto PL61 1090 1014 0000 0712 1981 2874\nTytuł: numer zamówienia</pre>');
  });
});
