import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { defaultDeliveryMethods, defaultSettings, describeOnEachDatabase, fakeJpeg, type TestStudio } from '../test-support/test-server';

describeOnEachDatabase('publishing (studio)', (server) => {
  const put = (studio: TestStudio, path: string, body: unknown, headers: Record<string, string> = {}) =>
    server().request('PUT', path, { token: studio.token, body, headers });
  const post = (studio: TestStudio, path: string) => server().request('POST', path, { token: studio.token });

  async function clientOf(studio: TestStudio) {
    const clientId = randomUUID();
    expect((await put(studio, `/v1/clients/${clientId}`, { name: 'Ewa Kowalska', email: 'ewa@example.com' })).status).toBe(200);
    return clientId;
  }
  const storeProof = () => server().app.proofdesk.storage.put(Readable.from([fakeJpeg()]));
  const photo = (proofSha256: string, i = 0) => ({
    id: `p${i}-${randomUUID()}`,
    name: `IMG_${i}.jpg`,
    proofSha256,
    width: 2048,
    height: 1536,
  });
  const galleryBody = (clientId: string, photos: ReturnType<typeof photo>[], over: Record<string, unknown> = {}) => ({
    clientId,
    title: 'Kowalski family',
    settings: defaultSettings,
    deliveryMethods: defaultDeliveryMethods,
    photos,
    ...over,
  });

  it('PUT /v1/clients upserts name, e-mail, phone and language', async () => {
    const studio = await server().newStudio();
    const first = await put(studio, '/v1/clients/c-1', { name: 'Ewa', email: 'ewa@example.com' });
    expect(first.body).toEqual({ id: 'c-1', name: 'Ewa', email: 'ewa@example.com', phone: null, language: 'en' });
    const second = await put(studio, '/v1/clients/c-1', {
      name: 'Ewa K.',
      email: 'ewa@example.com',
      phone: '+48 600 000 000',
      language: 'pl',
    });
    expect(second.body).toEqual({ id: 'c-1', name: 'Ewa K.', email: 'ewa@example.com', phone: '+48 600 000 000', language: 'pl' });
    const rows = await server().app.proofdesk.db.selectFrom('clients').selectAll().where('studio_id', '=', studio.studioId).execute();
    expect(rows).toHaveLength(1);
    // Another studio may use the same catalog id for its own client.
    const other = await server().newStudio();
    expect((await put(other, '/v1/clients/c-1', { name: 'Someone', email: 'x@example.com' })).status).toBe(200);
    const bad = await put(studio, '/v1/clients/c-2', { name: '', email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['name', 'email']));
  });

  it('creates a draft gallery: unguessable slug, access code shown once (stored hashed), proofs it lacks listed', async () => {
    const studio = await server().newStudio();
    const clientId = await clientOf(studio);
    const have = await storeProof();
    const lacking = 'b'.repeat(64);
    const galleryId = randomUUID();
    const created = await put(
      studio,
      `/v1/galleries/${galleryId}`,
      galleryBody(clientId, [photo(have, 1), photo(lacking, 2), photo(lacking, 3)]),
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: galleryId,
      slug: expect.stringMatching(/^[a-z2-9]{16}$/),
      status: 'draft',
      accessCode: expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/),
      missingProofs: [lacking],
    });
    const row = await server().app.proofdesk.db.selectFrom('galleries').selectAll().where('id', '=', galleryId).executeTakeFirstOrThrow();
    expect(row.access_code_hash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(row)).not.toContain(created.body.accessCode);

    const updated = await put(studio, `/v1/galleries/${galleryId}`, galleryBody(clientId, [photo(have, 1)], { title: 'Renamed' }));
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ id: galleryId, slug: created.body.slug, status: 'draft', accessCode: null, missingProofs: [] });
  });

  it('refuses to publish while proofs are missing (409 with the list), then publishes once they are uploaded', async () => {
    const studio = await server().newStudio();
    const clientId = await clientOf(studio);
    const bytes = fakeJpeg();
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const galleryId = randomUUID();
    await put(studio, `/v1/galleries/${galleryId}`, galleryBody(clientId, [photo(sha)]));
    const refused = await post(studio, `/v1/galleries/${galleryId}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'conflict',
      message: '1 proof has not been uploaded yet. Upload it (POST /v1/uploads), then publish again.',
      missingProofs: [sha],
    });
    await server().app.proofdesk.storage.put(Readable.from([bytes]));
    const published = await post(studio, `/v1/galleries/${galleryId}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ id: galleryId, status: 'published', accessCode: null, missingProofs: [] });
  });

  it('validates the gallery: unknown client, duplicate photos, bad settings, another studio’s id', async () => {
    const studio = await server().newStudio();
    const clientId = await clientOf(studio);
    const sha = await storeProof();
    const unknownClient = await put(studio, `/v1/galleries/${randomUUID()}`, galleryBody('nobody', [photo(sha)]));
    expect(unknownClient.status).toBe(404);
    expect(unknownClient.body.error.message).toMatch(/Send PUT \/v1\/clients\/nobody before the gallery/);
    const p = photo(sha);
    const dupes = await put(studio, `/v1/galleries/${randomUUID()}`, galleryBody(clientId, [p, p]));
    expect(dupes.status).toBe(400);
    expect(dupes.body.error.fields.photos).toMatch(/repeated/);
    const badSettings = await put(studio, `/v1/galleries/${randomUUID()}`, galleryBody(clientId, [p], { settings: { expiresAt: 'soon' } }));
    expect(badSettings.status).toBe(400);
    expect(badSettings.body.error.fields).toHaveProperty('settings.expiresAt');

    const taken = await server().newGallery(await server().newStudio());
    const squat = await put(studio, `/v1/galleries/${taken.id}`, galleryBody(clientId, [p], { title: 'Mine now' }));
    expect(squat.status).toBe(409);
    expect(squat.body.error.message).toMatch(/already taken/);
    const row = await server()
      .app.proofdesk.db.selectFrom('galleries')
      .select('title')
      .where('id', '=', taken.id)
      .executeTakeFirstOrThrow();
    expect(row.title).toBe(taken.title);
    for (const action of ['publish', 'unpublish', 'code']) {
      expect((await post(studio, `/v1/galleries/${taken.id}/${action}`)).status).toBe(404);
    }
  });

  it('takes a 20,000-photo list (over the 64 KiB JSON default) and refuses a body over its own limit with 413', async () => {
    const studio = await server().newStudio();
    const clientId = await clientOf(studio);
    const sha = await storeProof();
    const photos = Array.from({ length: 20_000 }, (_, i) => ({
      id: `photo-${i}`,
      name: `IMG_${i}.jpg`,
      proofSha256: sha,
      width: 2048,
      height: 1365,
    }));
    const galleryId = randomUUID();
    const res = await put(studio, `/v1/galleries/${galleryId}`, galleryBody(clientId, photos));
    expect(res.status).toBe(201);
    const count = await server()
      .app.proofdesk.db.selectFrom('gallery_photos')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('gallery_id', '=', galleryId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(20_000);
    const huge = await put(studio, `/v1/galleries/${randomUUID()}`, {
      ...galleryBody(clientId, photos),
      title: 'x'.repeat(9 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toContain('8 MiB');
  }, 30_000);

  it('unpublish closes the gallery to clients at once; publishing again reopens it with the same code', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio);
    const session = await server().openGallery(gallery);
    expect((await post(studio, `/v1/galleries/${gallery.id}/unpublish`)).body.status).toBe('unpublished');
    const closed = await server().request('GET', '/v1/client/gallery', { token: session });
    expect(closed.status).toBe(403);
    expect(closed.body.error.message).toMatch(/taken this gallery offline/);
    const enter = await server().request('POST', `/v1/galleries/${gallery.slug}/access`, { body: { code: gallery.accessCode } });
    expect(enter.status).toBe(403);
    // A wrong code learns nothing about the gallery's state.
    expect((await server().request('POST', `/v1/galleries/${gallery.slug}/access`, { body: { code: 'AAAA-AAAA' } })).status).toBe(401);
    await post(studio, `/v1/galleries/${gallery.id}/publish`);
    expect((await server().request('GET', '/v1/client/gallery', { token: session })).status).toBe(200);
  });

  it('regenerating the code: the new one works, the old one and every open session stop', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio);
    const session = await server().openGallery(gallery);
    const res = await post(studio, `/v1/galleries/${gallery.id}/code`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: gallery.id,
      slug: gallery.slug,
      status: 'published',
      accessCode: expect.stringMatching(/^\w{4}-\w{4}$/),
    });
    expect(res.body.accessCode).not.toBe(gallery.accessCode);
    const old = await server().request('POST', `/v1/galleries/${gallery.slug}/access`, { body: { code: gallery.accessCode } });
    expect(old.status).toBe(401);
    expect((await server().request('GET', '/v1/client/gallery', { token: session })).status).toBe(401);
    const fresh = await server().openGallery({ slug: gallery.slug, accessCode: res.body.accessCode });
    expect((await server().request('GET', '/v1/client/gallery', { token: fresh })).status).toBe(200);
  });

  it('expiry: an expired gallery answers clients 410 with a friendly message; extending it reopens it', async () => {
    const studio = await server().newStudio();
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const gallery = await server().newGallery(studio, { settings: { expiresAt } });
    const session = await server().openGallery(gallery);
    expect((await server().request('GET', '/v1/client/gallery', { token: session })).body.settings.expiresAt).toBe(expiresAt);

    // Two hours on: past the gallery's expiry, still inside the 4-hour client session.
    server().clock.offsetMs += 2 * 3600_000;
    try {
      const gone = await server().request('GET', '/v1/client/gallery', { token: session });
      expect(gone.status).toBe(410);
      expect(gone.body.error).toMatchObject({
        message: `This gallery expired on ${expiresAt.slice(0, 10)}. If you still need your photos, ask your photographer to extend it.`,
        expiredAt: expiresAt,
      });
      expect((await server().request('GET', `/v1/client/photos/${gallery.photos[0]?.id}/proof`, { token: session })).status).toBe(410);
      const enter = await server().request('POST', `/v1/galleries/${gallery.slug}/access`, { body: { code: gallery.accessCode } });
      expect(enter.status).toBe(410);
      // Publishing an expired gallery is refused with what to do.
      const republish = await post(studio, `/v1/galleries/${gallery.id}/publish`);
      expect(republish.status).toBe(409);
      expect(republish.body.error.message).toMatch(/expiry date has passed/);
      // Extend it: open again.
      const later = new Date(Date.now() + server().clock.offsetMs + 7 * 24 * 3600_000).toISOString();
      const extended = await put(studio, `/v1/galleries/${gallery.id}`, {
        clientId: gallery.clientId,
        title: gallery.title,
        settings: { ...gallery.settings, expiresAt: later },
        deliveryMethods: gallery.deliveryMethods,
        photos: gallery.photos,
      });
      expect(extended.status).toBe(200);
      expect((await server().request('GET', '/v1/client/gallery', { token: session })).status).toBe(200);
    } finally {
      server().clock.offsetMs -= 2 * 3600_000;
    }
  });

  it('creating a gallery replayed 100 times with one Idempotency-Key: one gallery, the same answer (and code) every time', async () => {
    const studio = await server().newStudio();
    const clientId = await clientOf(studio);
    const galleryId = randomUUID();
    const body = galleryBody(clientId, [photo(await storeProof())]);
    const key = randomUUID();
    const first = await put(studio, `/v1/galleries/${galleryId}`, body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    for (let i = 0; i < 99; i += 1) {
      const again = await put(studio, `/v1/galleries/${galleryId}`, body, { 'idempotency-key': key });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }
    const rows = await server().app.proofdesk.db.selectFrom('galleries').select('id').where('studio_id', '=', studio.studioId).execute();
    expect(rows).toHaveLength(1);
    // The code shown in the replayed answer really opens the gallery.
    await post(studio, `/v1/galleries/${galleryId}/publish`);
    expect(await server().openGallery({ slug: first.body.slug, accessCode: first.body.accessCode })).toMatch(/^pdc\./);
  });

  it('removing photos from a published gallery takes them out of favourites and basket, and tells the studio', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio, { photoCount: 3 });
    const session = await server().openGallery(gallery);
    const [keep, drop] = gallery.photos as [(typeof gallery.photos)[0], (typeof gallery.photos)[0]];
    for (const p of [keep, drop]) {
      await server().request('PUT', `/v1/client/basket/${p.id}`, { token: session });
      await server().request('PUT', `/v1/client/favourites/${p.id}`, { token: session });
    }
    const before = (await server().request('GET', '/v1/changes', { token: studio.token })).body.cursor;
    await put(studio, `/v1/galleries/${gallery.id}`, {
      clientId: gallery.clientId,
      title: gallery.title,
      settings: gallery.settings,
      deliveryMethods: gallery.deliveryMethods,
      photos: [keep],
    });
    expect((await server().request('GET', '/v1/client/basket', { token: session })).body).toEqual({ photoIds: [keep.id], count: 1 });
    expect((await server().request('GET', '/v1/client/favourites', { token: session })).body.photoIds).toEqual([keep.id]);
    const feed = await server().request('GET', `/v1/changes?after=${before}`, { token: studio.token });
    expect(feed.body.changes.map((c: { type: string; payload: unknown }) => [c.type, c.payload])).toEqual(
      expect.arrayContaining([
        ['basket.removed', { photoId: drop.id, reason: 'photo_removed_from_gallery' }],
        ['favourite.removed', { photoId: drop.id, reason: 'photo_removed_from_gallery' }],
      ]),
    );
  });
});
