// A client of gallery A can read or change nothing of gallery B — even B of the same studio,
// even knowing B's photo, order and delivery-method ids. One case per client route; the
// route list itself is checked, so a new client route without a case fails here.
import { expect, it } from 'vitest';
import { defaultDeliveryMethods, describeOnEachDatabase } from '../test-support/test-server';

const contact = { name: 'Mallory', email: 'mallory@example.com', phone: null };

describeOnEachDatabase('client isolation between galleries', (server) => {
  it('every client route, used with gallery A’s session and gallery B’s ids, reveals and changes nothing of B', async () => {
    const studio = await server().newStudio();
    const a = await server().newGallery(studio, { title: 'Gallery A' });
    const b = await server().newGallery(studio, {
      title: 'Gallery B',
      deliveryMethods: [
        ...defaultDeliveryMethods,
        { ...defaultDeliveryMethods[0], id: 'b-only', label: 'B only' } as (typeof defaultDeliveryMethods)[0],
      ],
    });
    const sessionA = await server().openGallery(a);
    const sessionB = await server().openGallery(b);
    const asA = (method: string, path: string, body?: unknown) => server().request(method, path, { token: sessionA, body });
    const asB = (method: string, path: string, body?: unknown) => server().request(method, path, { token: sessionB, body });
    const bPhoto = b.photos[0]?.id as string;
    await asB('PUT', `/v1/client/favourites/${bPhoto}`);
    await asB('PUT', `/v1/client/basket/${bPhoto}`);
    const bOrder = (await asB('POST', '/v1/client/orders', { deliveryMethodId: 'full', photoIds: [bPhoto], contact })).body;
    const bState = async () => ({
      favourites: (await asB('GET', '/v1/client/favourites')).body,
      basket: (await asB('GET', '/v1/client/basket')).body,
      orders: (await asB('GET', '/v1/client/orders')).body,
    });
    const before = await bState();

    const cases: Record<string, () => Promise<void>> = {
      'GET /v1/client/gallery': async () => {
        const res = await asA('GET', `/v1/client/gallery?galleryId=${b.id}&slug=${b.slug}`);
        expect(res.body.title).toBe('Gallery A');
        expect(JSON.stringify(res.body)).not.toContain(bPhoto);
      },
      'GET /v1/client/photos/:photoId/proof': async () => {
        expect((await asA('GET', `/v1/client/photos/${bPhoto}/proof`)).status).toBe(404);
      },
      'GET /v1/client/favourites': async () => {
        expect((await asA('GET', '/v1/client/favourites')).body).toEqual({ photoIds: [], count: 0 });
      },
      'PUT /v1/client/favourites/:photoId': async () => {
        expect((await asA('PUT', `/v1/client/favourites/${bPhoto}`)).status).toBe(404);
      },
      'DELETE /v1/client/favourites/:photoId': async () => {
        expect((await asA('DELETE', `/v1/client/favourites/${bPhoto}`)).status).toBe(404);
      },
      'DELETE /v1/client/favourites': async () => {
        expect((await asA('DELETE', '/v1/client/favourites')).body).toEqual({ photoIds: [], count: 0 });
      },
      'GET /v1/client/basket': async () => {
        expect((await asA('GET', '/v1/client/basket')).body).toEqual({ photoIds: [], count: 0 });
      },
      'PUT /v1/client/basket/:photoId': async () => {
        expect((await asA('PUT', `/v1/client/basket/${bPhoto}`)).status).toBe(404);
      },
      'DELETE /v1/client/basket/:photoId': async () => {
        expect((await asA('DELETE', `/v1/client/basket/${bPhoto}`)).status).toBe(404);
      },
      'DELETE /v1/client/basket': async () => {
        expect((await asA('DELETE', '/v1/client/basket')).body).toEqual({ photoIds: [], count: 0 });
      },
      'POST /v1/client/orders': async () => {
        expect((await asA('POST', '/v1/client/orders', { deliveryMethodId: 'full', photoIds: [bPhoto], contact })).status).toBe(400);
        const bMethod = await asA('POST', '/v1/client/orders', { deliveryMethodId: 'b-only', photoIds: [a.photos[0]?.id], contact });
        expect(bMethod.status).toBe(400);
      },
      'GET /v1/client/orders': async () => {
        expect((await asA('GET', '/v1/client/orders')).body).toEqual({ orders: [] });
      },
      'POST /v1/client/orders/:orderId/payment': async () => {
        const res = await asA('POST', `/v1/client/orders/${bOrder.id}/payment`);
        expect(res.status).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain(bOrder.number);
      },
      'GET /v1/client/orders/:orderId': async () => {
        const res = await asA('GET', `/v1/client/orders/${bOrder.id}`);
        expect(res.status).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain(bOrder.number);
      },
    };

    const clientRoutes = server()
      .app.proofdesk.routes.filter((r) => r.url.startsWith('/v1/client/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(Object.keys(cases).sort()).toEqual([...clientRoutes].sort());
    for (const [route, check] of Object.entries(cases)) {
      try {
        await check();
      } catch (error) {
        throw new Error(`${route}: ${(error as Error).message}`);
      }
    }
    expect(await bState()).toEqual(before);
    expect(before.favourites.photoIds).toEqual([bPhoto]);
    expect(before.orders.orders).toHaveLength(1);
  });

  it('galleries of different studios are just as separate, and the studio feeds stay apart', async () => {
    const studioA = await server().newStudio();
    const studioB = await server().newStudio();
    const a = await server().newGallery(studioA);
    const b = await server().newGallery(studioB);
    const sessionA = await server().openGallery(a);
    expect((await server().request('PUT', `/v1/client/basket/${b.photos[0]?.id}`, { token: sessionA })).status).toBe(404);
    expect((await server().request('GET', `/v1/client/photos/${b.photos[0]?.id}/proof`, { token: sessionA })).status).toBe(404);
    await server().request('PUT', `/v1/client/basket/${a.photos[0]?.id}`, { token: sessionA });
    // B's feed holds only B's own setup (client, gallery, publish), nothing of A's client.
    const feedB = (await server().request('GET', '/v1/changes', { token: studioB.token })).body.changes;
    expect(feedB.map((c: { type: string; galleryId: string }) => [c.type, c.galleryId])).toEqual([
      ['client.updated', ''],
      ['gallery.updated', b.id],
      ['gallery.updated', b.id],
    ]);
    expect(JSON.stringify(feedB)).not.toContain(a.id);
    // A studio device cannot read a client route, nor a client a studio route (see also the route walker).
    expect((await server().request('GET', '/v1/client/basket', { token: studioA.token })).status).toBe(401);
    expect((await server().request('GET', '/v1/changes', { token: sessionA })).status).toBe(401);
  });
});
