import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { buildServer } from '../build-server';
import { describeOnEachDatabase } from '../test-support/test-server';

describeOnEachDatabase('client gallery', (server) => {
  it('GET /v1/client/gallery shows the gallery as the client sees it, without studio internals', async () => {
    const studio = await server().newStudio('Northlight Studio');
    const gallery = await server().newGallery(studio, { title: 'Anna & Tom', photoCount: 2, settings: { saveDeterrent: true } });
    const session = await server().openGallery(gallery);
    const res = await server().request('GET', '/v1/client/gallery', { token: session });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      title: 'Anna & Tom',
      studioName: 'Northlight Studio',
      language: 'pl',
      settings: { allowWebDownloads: true, saveDeterrent: true, expiresAt: null },
      deliveryMethods: gallery.deliveryMethods,
      photos: gallery.photos.map(({ id, name, width, height }) => ({ id, name, width, height })),
    });
    expect(JSON.stringify(res.body)).not.toContain(gallery.photos[0]?.proofSha256);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('the access answer sets an HttpOnly, SameSite=Strict cookie that works for <img> and API calls; Secure behind https', async () => {
    const gallery = await server().newGallery(await server().newStudio());
    const res = await server().request('POST', `/v1/galleries/${gallery.slug}/access`, { body: { code: gallery.accessCode } });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toBe(`pd_client=${res.body.token}; Path=/v1/client; Max-Age=14400; HttpOnly; SameSite=Strict`);
    const jar = { cookie: `theme=dark; pd_client=${res.body.token}` };
    expect((await server().request('GET', '/v1/client/gallery', { headers: jar })).status).toBe(200);
    const proof = await server().request('GET', `/v1/client/photos/${gallery.photos[0]?.id}/proof`, { headers: jar });
    expect(proof.status).toBe(200);
    expect((await server().request('PUT', `/v1/client/favourites/${gallery.photos[0]?.id}`, { headers: jar })).status).toBe(200);
    // A wrong Authorization header is not rescued by a good cookie.
    expect((await server().request('GET', '/v1/client/gallery', { headers: { ...jar, authorization: 'Bearer nope' } })).status).toBe(401);

    // A forwarded "https" from an untrusted hop is ignored...
    const enterVia = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: `/v1/galleries/${gallery.slug}/access`,
        payload: { code: gallery.accessCode },
        headers: { 'x-forwarded-proto': 'https' },
      });
    expect(String((await enterVia(server().app)).headers['set-cookie'])).not.toContain('Secure');
    // ...behind a trusted TLS-terminating proxy (a second instance on the same database), the cookie is Secure.
    const behindProxy = await buildServer({ ...server().config, trustProxy: 1 });
    try {
      expect(String((await enterVia(behindProxy)).headers['set-cookie'])).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    } finally {
      await behindProxy.close();
    }
  });

  it('streams the proof with its image type, private caching and an ETag that answers 304', async () => {
    const gallery = await server().newGallery(await server().newStudio());
    const session = await server().openGallery(gallery);
    const photo = gallery.photos[0];
    const res = await fetch(`${server().baseUrl}/v1/client/photos/${photo?.id}/proof`, { headers: { authorization: `Bearer ${session}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(res.headers.get('etag')).toBe(`"${photo?.proofSha256}"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(bytes.length).toBe(68);
    const again = await fetch(`${server().baseUrl}/v1/client/photos/${photo?.id}/proof`, {
      headers: { authorization: `Bearer ${session}`, 'if-none-match': `"${photo?.proofSha256}"` },
    });
    expect(again.status).toBe(304);
    const unknown = await server().request('GET', '/v1/client/photos/nope/proof', { token: session });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/not in your gallery/);
  });

  it('favourites and basket: add, remove, clear, with a running count; repeats change nothing', async () => {
    const gallery = await server().newGallery(await server().newStudio(), { photoCount: 4 });
    const session = await server().openGallery(gallery);
    const [a, b, c] = gallery.photos.map((p) => p.id) as [string, string, string];
    for (const list of ['favourites', 'basket']) {
      const call = (method: string, suffix = '') => server().request(method, `/v1/client/${list}${suffix}`, { token: session });
      expect((await call('GET')).body).toEqual({ photoIds: [], count: 0 });
      expect((await call('PUT', `/${c}`)).body).toEqual({ photoIds: [c], count: 1 });
      expect((await call('PUT', `/${a}`)).body).toEqual({ photoIds: [c, a], count: 2 });
      expect((await call('PUT', `/${a}`)).body).toEqual({ photoIds: [c, a], count: 2 });
      expect((await call('PUT', `/${b}`)).body.count).toBe(3);
      expect((await call('DELETE', `/${c}`)).body).toEqual({ photoIds: [a, b], count: 2 });
      expect((await call('DELETE', `/${c}`)).body).toEqual({ photoIds: [a, b], count: 2 });
      expect((await call('PUT', '/not-a-photo')).status).toBe(404);
      expect((await call('DELETE')).body).toEqual({ photoIds: [], count: 0 });
    }
  });
});
