// Every route the server has, walked from its own route list: a new route is covered the
// moment it is registered, and must either refuse strangers with 401 or be listed here as
// public on purpose.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../test-support/test-server';

const PUBLIC_ROUTES = new Set([
  'GET /v1/health',
  'POST /v1/devices/pair',
  'POST /v1/galleries/:slug/access',
  // The gallery page and its static files hold no gallery data: the page asks for the code.
  'GET /g/:slug',
  'GET /g/assets/*',
  // The test card provider's checkout (PROOFDESK_CARD_PROVIDER=test): the random payment id is its only credential.
  'GET /pay/test/:paymentId',
  'POST /pay/test/:paymentId',
  // Downloads: the link's token is the credential (unknown 404, expired or replaced 410: routes/downloads.ts).
  'GET /d/:token',
  'GET /d/assets/:name',
  'GET /v1/downloads/:token',
  'GET /v1/downloads/:token/files/:fileId',
  'GET /v1/downloads/:token/zip',
]);

const fillParams = (url: string) =>
  url
    .replace(':deviceId', randomUUID())
    .replace(':uploadId', randomUUID())
    .replace(':slug', 'some-gallery')
    .replace(/:(clientId|galleryId|photoId|orderId|emailId|taskId)/g, 'some-id')
    .replace(':sha256', 'a'.repeat(64))
    .replace('*', 'x.js');

describeOnEachDatabase('every route without credentials', (server) => {
  it('knows the routes it is checking', () => {
    const routes = server().app.proofdesk.routes.map((r) => `${r.method} ${r.url}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        ...PUBLIC_ROUTES,
        'GET /v1/me',
        'GET /v1/devices',
        'POST /v1/devices/:deviceId/revoke',
        'POST /v1/pairing-codes',
        'PUT /v1/clients/:clientId',
        'PUT /v1/galleries/:galleryId',
        'POST /v1/galleries/:galleryId/publish',
        'POST /v1/galleries/:galleryId/unpublish',
        'POST /v1/galleries/:galleryId/code',
        'PUT /v1/galleries/:galleryId/photos/:photoId/flags',
        'POST /v1/uploads',
        'PUT /v1/uploads/:uploadId',
        'POST /v1/uploads/:uploadId/finish',
        'GET /v1/changes',
        'GET /v1/client/gallery',
        'GET /v1/client/photos/:photoId/proof',
        'GET /v1/client/favourites',
        'PUT /v1/client/favourites/:photoId',
        'DELETE /v1/client/favourites/:photoId',
        'DELETE /v1/client/favourites',
        'GET /v1/client/basket',
        'PUT /v1/client/basket/:photoId',
        'DELETE /v1/client/basket/:photoId',
        'DELETE /v1/client/basket',
        'POST /v1/client/orders',
        'GET /v1/client/orders',
        'GET /v1/client/orders/:orderId',
        'PUT /v1/orders/:orderId/delivery',
        'POST /v1/orders/:orderId/delivery/link',
        'POST /v1/client/orders/:orderId/payment',
        'POST /v1/orders/:orderId/events',
        'PATCH /v1/orders/:orderId/contact',
        'GET /v1/orders/:orderId',
        'POST /v1/orders/:orderId/emails/:emailId/resend',
        'GET /v1/studio/settings',
        'PUT /v1/studio/settings',
        'GET /v1/retouch/tasks',
        'GET /v1/retouch/tasks/:taskId',
        'POST /v1/retouch/tasks',
        'PATCH /v1/retouch/tasks/:taskId',
        'POST /v1/retouch/tasks/:taskId/events',
        'PUT /v1/retouch/photos/:photoId/original',
        'GET /v1/retouch/files/:sha256',
        'GET /v1/retouch/originals.zip',
      ]),
    );
  });

  it('refuses every non-public route with a JSON 401 — no token, a malformed one, a made-up one, the wrong kind, a cookie where none counts', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio);
    const session = await server().openGallery(gallery);
    const madeUpDevice = `pdd.${randomUUID()}.${'A'.repeat(43)}`;
    const madeUpClient = `pdc.${randomUUID()}.${'A'.repeat(43)}`;

    const checked: string[] = [];
    for (const route of server().app.proofdesk.routes) {
      const name = `${route.method} ${route.url}`;
      if (PUBLIC_ROUTES.has(name)) continue;
      const isClientRoute = route.url.startsWith('/v1/client/');
      const wrongKind = isClientRoute ? studio.token : session;
      const attempts: { token?: string; cookie?: string; label: string }[] = [
        { label: 'no token' },
        ...[undefined, 'garbage', madeUpDevice, madeUpClient, wrongKind].map((token) => ({ token, label: token?.slice(0, 12) ?? '' })),
        { cookie: `pd_client=${madeUpClient}`, label: 'made-up cookie' },
        // The session cookie opens client routes only; on studio routes it is ignored.
        ...(isClientRoute ? [] : [{ cookie: `pd_client=${session}`, label: 'client cookie on a studio route' }]),
      ];
      for (const attempt of attempts) {
        const res = await server().request(route.method, fillParams(route.url), {
          token: attempt.token,
          headers: attempt.cookie ? { cookie: attempt.cookie } : {},
          body:
            route.method === 'POST' ? {} : route.method === 'PUT' && route.url.startsWith('/v1/uploads/') ? Buffer.from('x') : undefined,
        });
        expect(res.status, `${name} with ${attempt.label}`).toBe(401);
        expect(res.body.error.code).toBe('unauthorized');
        expect(res.body.error.message.length).toBeGreaterThan(20);
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      }
      checked.push(name);
    }
    expect(checked.length).toBeGreaterThanOrEqual(42);
  });

  it('public routes give nothing away without the right code', async () => {
    expect((await server().request('GET', '/v1/health')).body).toEqual({ status: 'ok' });
    const pair = await server().request('POST', '/v1/devices/pair', { body: { code: 'AAAA-AAAA-AAAA', deviceName: 'x' } });
    expect(pair.status).toBe(401);
    expect(Object.keys(pair.body)).toEqual(['error']);
    const access = await server().request('POST', '/v1/galleries/some-gallery/access', { body: { code: 'AAAA-AAAA' } });
    expect(access.status).toBe(401);
    expect(Object.keys(access.body)).toEqual(['error']);
    expect(access.headers.get('set-cookie')).toBeNull();
    // The page is the same static file for every link, existing or not: it tells nothing.
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio);
    const real = await server().request('GET', `/g/${gallery.slug}`);
    const made = await server().request('GET', '/g/no-such-gallery');
    expect(real.status).toBe(200);
    expect(made.body).toBe(real.body);
    expect(real.body).not.toContain(gallery.title);
    // The test checkout knows only payments that exist.
    const checkout = await server().request('GET', `/pay/test/${randomUUID()}`);
    expect(checkout.status).toBe(404);
    expect(checkout.body).not.toMatch(/Order \d{4}-\d{4}/);
    expect(
      (
        await server().request('POST', `/pay/test/${randomUUID()}`, {
          body: 'action=pay',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).status,
    ).toBe(404);
  });
});
