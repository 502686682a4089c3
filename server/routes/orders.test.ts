import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { orderSchema } from '../../shared/schemas/hosted-api';
import { describeOnEachDatabase, type TestGallery } from '../test-support/test-server';

const contact = { name: 'Anna Nowak', email: 'anna@example.com', phone: '+48 600 100 200' };

describeOnEachDatabase('client orders', (server) => {
  const place = (session: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    server().request('POST', '/v1/client/orders', { token: session, body: { contact, ...body }, headers });
  const ids = (gallery: TestGallery, n: number) => gallery.photos.slice(0, n).map((p) => p.id);
  const year = () => new Date(Date.now() + server().clock.offsetMs).getUTCFullYear();

  it('per photo: price × photos, VAT from the gross total, awaiting payment, a human number per studio', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio, { photoCount: 4 });
    const session = await server().openGallery(gallery);
    const before = Date.now();
    // A client-sent total is ignored: the server prices the order.
    const res = await place(session, { deliveryMethodId: 'full', photoIds: ids(gallery, 3), note: ' Matte prints please ', totalMinor: 1 });
    expect(res.status).toBe(201);
    expect(orderSchema.parse(res.body)).toEqual(res.body);
    expect(res.body).toEqual({
      id: expect.any(String),
      number: `${year()}-0001`,
      galleryId: gallery.id,
      state: 'awaiting_payment',
      placedAt: expect.stringMatching(/Z$/),
      deliveryMethod: gallery.deliveryMethods[0],
      photoIds: ids(gallery, 3),
      contact,
      note: 'Matte prints please',
      totalMinor: 4500,
      vatMinor: 841,
      currency: 'PLN',
      paymentInstructions: null,
      canPayByCard: false,
    });
    expect(Date.parse(res.body.placedAt)).toBeGreaterThanOrEqual(before - 1000);

    const pkg = await place(session, { deliveryMethodId: 'pack', photoIds: [...ids(gallery, 4), ...ids(gallery, 2)] });
    expect(pkg.body).toMatchObject({ number: `${year()}-0002`, totalMinor: 25_000, vatMinor: 4675, photoIds: ids(gallery, 4), note: '' });

    // Numbers are per studio.
    const other = await server().newGallery(await server().newStudio());
    const first = await place(await server().openGallery(other), { deliveryMethodId: 'full', photoIds: ids(other, 1) });
    expect(first.body.number).toBe(`${year()}-0001`);
  });

  it('manual validation: the order waits for the studio', async () => {
    const gallery = await server().newGallery(await server().newStudio(), { settings: { manualValidation: true } });
    const res = await place(await server().openGallery(gallery), { deliveryMethodId: 'full', photoIds: ids(gallery, 1) });
    expect(res.body.state).toBe('awaiting_validation');
  });

  it('computes with the gallery’s own rates: 8 % VAT, and a free method', async () => {
    const gallery = await server().newGallery(await server().newStudio(), {
      photoCount: 5,
      deliveryMethods: [
        { id: 'print', kind: 'print', label: '13×18 print', priceMinor: 999, currency: 'EUR', vatRateBp: 800, pricing: 'per_photo' },
        { id: 'free', kind: 'digital_web', label: 'Web files', priceMinor: 0, currency: 'EUR', vatRateBp: 2300, pricing: 'package' },
      ],
    });
    const session = await server().openGallery(gallery);
    // 4995 × 800 / 10800 = 370.0
    expect((await place(session, { deliveryMethodId: 'print', photoIds: ids(gallery, 5) })).body).toMatchObject({
      totalMinor: 4995,
      vatMinor: 370,
      currency: 'EUR',
    });
    expect((await place(session, { deliveryMethodId: 'free', photoIds: ids(gallery, 5) })).body).toMatchObject({
      totalMinor: 0,
      vatMinor: 0,
    });
  });

  it('refuses an unknown delivery method, photos not in the gallery and an empty order, saying what to do', async () => {
    const gallery = await server().newGallery(await server().newStudio());
    const session = await server().openGallery(gallery);
    const method = await place(session, { deliveryMethodId: 'courier', photoIds: ids(gallery, 1) });
    expect(method.status).toBe(400);
    expect(method.body.error.message).toMatch(/no longer offered/);
    const photos = await place(session, { deliveryMethodId: 'full', photoIds: [...ids(gallery, 1), 'ghost'] });
    expect(photos.status).toBe(400);
    expect(photos.body.error.message).toMatch(/One photo in this order is no longer in the gallery/);
    const empty = await place(session, { deliveryMethodId: 'full', photoIds: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.photoIds).toMatch(/at least one photo/);
    const noContact = await server().request('POST', '/v1/client/orders', {
      token: session,
      body: { deliveryMethodId: 'full', photoIds: ids(gallery, 1), contact: { name: '', email: 'x' } },
    });
    expect(Object.keys(noContact.body.error.fields)).toEqual(expect.arrayContaining(['contact.name', 'contact.email']));
    expect((await server().request('GET', '/v1/client/orders', { token: session })).body).toEqual({ orders: [] });
  });

  it('reads one order and the gallery’s list, newest first, from any session of the same gallery', async () => {
    const gallery = await server().newGallery(await server().newStudio());
    const session = await server().openGallery(gallery);
    const a = (await place(session, { deliveryMethodId: 'full', photoIds: ids(gallery, 1) })).body;
    server().clock.offsetMs += 1000;
    const b = (await place(session, { deliveryMethodId: 'pack', photoIds: ids(gallery, 2) })).body;
    server().clock.offsetMs -= 1000;
    const later = await server().openGallery(gallery);
    expect((await server().request('GET', `/v1/client/orders/${a.id}`, { token: later })).body).toEqual(a);
    expect((await server().request('GET', '/v1/client/orders', { token: later })).body).toEqual({ orders: [b, a] });
    const missing = await server().request('GET', `/v1/client/orders/${randomUUID()}`, { token: later });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/no such order/);
  });

  it('an order replayed 100 times with one Idempotency-Key is placed once; a retry after re-entering the code too', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio);
    const session = await server().openGallery(gallery);
    const key = randomUUID();
    const body = { deliveryMethodId: 'full', photoIds: ids(gallery, 2) };
    const first = await place(session, body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    for (let i = 0; i < 99; i += 1) {
      const again = await place(session, body, { 'idempotency-key': key });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
    }
    const retried = await place(await server().openGallery(gallery), body, { 'idempotency-key': key });
    expect(retried.body).toEqual(first.body);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    const orders = await server().app.proofdesk.db.selectFrom('orders').select('id').where('gallery_id', '=', gallery.id).execute();
    expect(orders).toHaveLength(1);
    const placed = (await server().request('GET', '/v1/changes?limit=1000', { token: studio.token })).body.changes.filter(
      (c: { type: string }) => c.type === 'order.placed',
    );
    expect(placed).toHaveLength(1);
    // The same key for a different order is a client bug, not a replay.
    const misuse = await place(session, { deliveryMethodId: 'pack', photoIds: ids(gallery, 1) }, { 'idempotency-key': key });
    expect(misuse.status).toBe(422);
    // Another gallery's client with the same key is a different order.
    const other = await server().newGallery(studio);
    const theirs = await place(
      await server().openGallery(other),
      { deliveryMethodId: 'full', photoIds: ids(other, 1) },
      { 'idempotency-key': key },
    );
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });
});
