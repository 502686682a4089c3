import { expect, it } from 'vitest';
import { CLIENT_SESSION_TTL_MS } from '../galleries/client-sessions';
import { hitRateLimit } from '../security/rate-limit';
import { describeOnEachDatabase } from '../test-support/test-server';
import { ACCESS_RATE_PER_GALLERY, ACCESS_RATE_PER_IP } from './gallery-access';

describeOnEachDatabase('client gallery access', (server) => {
  const enter = (slug: string, code: string) => server().request('POST', `/v1/galleries/${slug}/access`, { body: { code } });

  it('the right code opens the gallery with a short-lived session', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio, 'Anna & Tom — wedding');
    const res = await enter(gallery.slug, gallery.accessCode);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      token: expect.stringMatching(/^pdc\./),
      expiresAt: expect.any(String),
      gallery: { slug: gallery.slug, title: 'Anna & Tom — wedding' },
    });
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeLessThanOrEqual(CLIENT_SESSION_TTL_MS);

    const view = await server().request('GET', '/v1/client/gallery', { token: res.body.token });
    expect(view.status).toBe(200);
    expect(view.body.title).toBe('Anna & Tom — wedding');
  });

  it('forgives case, spaces and dashes in the typed code', async () => {
    const gallery = await server().newGallery(await server().newStudio());
    expect((await enter(gallery.slug, ` ${gallery.accessCode.toLowerCase().replace('-', '')} `)).status).toBe(200);
  });

  it('stores the access code only as a salted scrypt hash', async () => {
    const gallery = await server().newGallery(await server().newStudio());
    const row = await server().app.proofdesk.db.selectFrom('galleries').selectAll().where('id', '=', gallery.id).executeTakeFirstOrThrow();
    expect(row.access_code_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(row.access_code_hash).not.toContain(gallery.accessCode.replace('-', ''));
  });

  it('gives the same 401 for a wrong code and for a link that does not exist', async () => {
    const gallery = await server().newGallery(await server().newStudio());
    const wrong = await enter(gallery.slug, 'AAAA-AAAA');
    const missing = await enter('no-such-gallery', gallery.accessCode);
    expect(wrong.status).toBe(401);
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual(wrong.body);
    expect(wrong.body.error.message).toMatch(/does not open this gallery.*e-mail from your photographer/);
  });

  it('a client of gallery A can read nothing of gallery B', async () => {
    const studio = await server().newStudio();
    const a = await server().newGallery(studio, 'Gallery A');
    const b = await server().newGallery(studio, 'Gallery B');
    const sessionA = (await enter(a.slug, a.accessCode)).body.token as string;
    const sessionB = (await enter(b.slug, b.accessCode)).body.token as string;

    expect((await server().request('GET', '/v1/client/gallery', { token: sessionA })).body.title).toBe('Gallery A');
    // A's code does not open B.
    expect((await enter(b.slug, a.accessCode)).status).toBe(401);
    // The gallery comes from the session only: a slug or id in the query is ignored.
    const probe = await server().request('GET', `/v1/client/gallery?slug=${b.slug}&galleryId=${b.id}`, { token: sessionA });
    expect(probe.body.title).toBe('Gallery A');
    // Splicing B's session id with A's secret is refused.
    const [, idB] = sessionB.split('.');
    const [, , secretA] = sessionA.split('.');
    const spliced = await server().request('GET', '/v1/client/gallery', { token: `pdc.${idB}.${secretA}` });
    expect(spliced.status).toBe(401);
  });

  it('a client session is refused on studio routes, and a device token on client routes', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio);
    const session = (await enter(gallery.slug, gallery.accessCode)).body.token as string;
    expect((await server().request('GET', '/v1/devices', { token: session })).status).toBe(401);
    expect((await server().request('POST', '/v1/pairing-codes', { token: session })).status).toBe(401);
    expect((await server().request('GET', '/v1/client/gallery', { token: studio.token })).status).toBe(401);
  });

  it('a session expires and asks for the code again', async () => {
    const gallery = await server().newGallery(await server().newStudio());
    const session = (await enter(gallery.slug, gallery.accessCode)).body.token as string;
    server().clock.offsetMs += CLIENT_SESSION_TTL_MS + 1;
    try {
      const res = await server().request('GET', '/v1/client/gallery', { token: session });
      expect(res.status).toBe(401);
      expect(res.body.error.message).toMatch(/expired\. Enter the access code again/);
    } finally {
      server().clock.offsetMs -= CLIENT_SESSION_TTL_MS + 1;
    }
  });

  it('guessing one gallery’s code gets 429 with a clear message, per gallery and network', async () => {
    const studio = await server().newStudio();
    const target = await server().newGallery(studio);
    const other = await server().newGallery(studio);
    const app = server().app;
    const attempt = (slug: string, code: string, ip: string) =>
      app.inject({ method: 'POST', url: `/v1/galleries/${slug}/access`, remoteAddress: ip, payload: { code } });
    for (let i = 0; i < ACCESS_RATE_PER_GALLERY.limit; i += 1) {
      expect((await attempt(target.slug, `WRNG-${String(i).padStart(4, '2')}`, '203.0.113.9')).statusCode).toBe(401);
    }
    const blocked = await attempt(target.slug, target.accessCode, '203.0.113.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toEqual({
      code: 'rate_limited',
      message: 'Too many access code attempts for this gallery from your network. Wait 15 minutes and try again.',
    });
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
    expect(blocked.headers['x-content-type-options']).toBe('nosniff');
    // The same network can still open another gallery; another network can open this one.
    expect((await attempt(other.slug, other.accessCode, '203.0.113.9')).statusCode).toBe(200);
    expect((await attempt(target.slug, target.accessCode, '198.51.100.9')).statusCode).toBe(200);
  });

  it('sweeping many gallery links from one network is capped too', async () => {
    const { db, now } = server().app.proofdesk;
    for (let i = 0; i < ACCESS_RATE_PER_IP.limit; i += 1) await hitRateLimit(db, 'access:ip:192.0.2.77', ACCESS_RATE_PER_IP, now());
    const res = await server().app.inject({
      method: 'POST',
      url: '/v1/galleries/some-gallery/access',
      remoteAddress: '192.0.2.77',
      payload: { code: 'AAAA-AAAA' },
    });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toBe('Too many access code attempts from your network. Wait 15 minutes and try again.');
  });

  it('validates the link and the code', async () => {
    const bad = await enter('Bad_Slug!', 'AAAA-AAAA');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/gallery link/);
    const noCode = await server().request('POST', '/v1/galleries/some-gallery/access', { body: {} });
    expect(noCode.status).toBe(400);
    expect(noCode.body.error.fields).toHaveProperty('code');
  });
});
