// Every route the server has, walked from its own route list: a new route is covered the
// moment it is registered, and must either refuse strangers with 401 or be listed here as
// public on purpose.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../test-support/test-server';

const PUBLIC_ROUTES = new Set(['GET /v1/health', 'POST /v1/devices/pair', 'POST /v1/galleries/:slug/access']);

const fillParams = (url: string) => url.replace(':deviceId', randomUUID()).replace(':slug', 'some-gallery');

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
        'GET /v1/client/gallery',
      ]),
    );
  });

  it('refuses every non-public route with a JSON 401 — no token, a malformed one, a made-up one, the wrong kind', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio);
    const session = (await server().request('POST', `/v1/galleries/${gallery.slug}/access`, { body: { code: gallery.accessCode } })).body
      .token as string;
    const madeUpDevice = `pdd.${randomUUID()}.${'A'.repeat(43)}`;
    const madeUpClient = `pdc.${randomUUID()}.${'A'.repeat(43)}`;

    const checked: string[] = [];
    for (const route of server().app.proofdesk.routes) {
      const name = `${route.method} ${route.url}`;
      if (PUBLIC_ROUTES.has(name)) continue;
      const wrongKind = route.url.startsWith('/v1/client/') ? studio.token : session;
      for (const token of [undefined, 'garbage', madeUpDevice, madeUpClient, wrongKind]) {
        const res = await server().request(route.method, fillParams(route.url), { token, body: route.method === 'POST' ? {} : undefined });
        expect(res.status, `${name} with ${token ? token.slice(0, 12) : 'no token'}`).toBe(401);
        expect(res.body.error.code).toBe('unauthorized');
        expect(res.body.error.message.length).toBeGreaterThan(20);
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      }
      checked.push(name);
    }
    expect(checked.length).toBeGreaterThanOrEqual(5);
  });

  it('public routes give nothing away without the right code', async () => {
    expect((await server().request('GET', '/v1/health')).body).toEqual({ status: 'ok' });
    const pair = await server().request('POST', '/v1/devices/pair', { body: { code: 'AAAA-AAAA-AAAA', deviceName: 'x' } });
    expect(pair.status).toBe(401);
    expect(Object.keys(pair.body)).toEqual(['error']);
    const access = await server().request('POST', '/v1/galleries/some-gallery/access', { body: { code: 'AAAA-AAAA' } });
    expect(access.status).toBe(401);
    expect(Object.keys(access.body)).toEqual(['error']);
  });
});
