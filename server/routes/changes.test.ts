import { expect, it } from 'vitest';
import { changesResponse } from '../../shared/schemas/hosted-api';
import { describeOnEachDatabase, type TestStudio } from '../test-support/test-server';

describeOnEachDatabase('change feed', (server) => {
  const feed = (studio: TestStudio, query = '') => server().request('GET', `/v1/changes${query}`, { token: studio.token });

  it('records what the client does, in order, with a per-studio seq that only grows', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio, { photoCount: 3 });
    const session = await server().openGallery(gallery);
    const [p1, p2] = gallery.photos.map((p) => p.id) as [string, string];
    const client = (method: string, path: string, body?: unknown) => server().request(method, path, { token: session, body });

    const t0 = Date.now();
    await client('GET', '/v1/client/gallery');
    await client('PUT', `/v1/client/favourites/${p1}`);
    await client('PUT', `/v1/client/favourites/${p1}`); // no change, no record
    await client('DELETE', `/v1/client/favourites/${p1}`);
    await client('PUT', `/v1/client/basket/${p1}`);
    await client('PUT', `/v1/client/basket/${p2}`);
    await client('DELETE', `/v1/client/basket/${p2}`);
    const order = await client('POST', '/v1/client/orders', {
      deliveryMethodId: 'full',
      photoIds: [p1],
      contact: { name: 'Anna', email: 'anna@example.com', phone: null },
    });
    await client('GET', '/v1/client/gallery');

    const res = await feed(studio);
    expect(res.status).toBe(200);
    expect(changesResponse.safeParse(res.body).success).toBe(true);
    const { changes } = res.body as { changes: { seq: number; type: string; galleryId: string; at: string; payload: unknown }[] };
    expect(changes.map((c) => [c.type, c.payload])).toEqual([
      ['gallery.viewed', {}],
      ['favourite.added', { photoId: p1 }],
      ['favourite.removed', { photoId: p1 }],
      ['basket.added', { photoId: p1 }],
      ['basket.added', { photoId: p2 }],
      ['basket.removed', { photoId: p2 }],
      ['order.placed', order.body],
      ['gallery.viewed', {}],
    ]);
    expect(changes.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const c of changes) {
      expect(c.galleryId).toBe(gallery.id);
      expect(Date.parse(c.at)).toBeGreaterThanOrEqual(t0 - 1000);
    }
    expect(res.body.cursor).toBe(8);
    expect(res.body.more).toBe(false);
  });

  it('pages with after/limit: cursor is the last seq returned, more says whether to ask again', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio);
    const session = await server().openGallery(gallery);
    for (let i = 0; i < 5; i += 1) await server().request('GET', '/v1/client/gallery', { token: session });

    const first = await feed(studio, '?limit=2');
    expect(first.body.changes.map((c: { seq: number }) => c.seq)).toEqual([1, 2]);
    expect(first.body).toMatchObject({ cursor: 2, more: true });
    const second = await feed(studio, `?after=${first.body.cursor}&limit=2`);
    expect(second.body).toMatchObject({ cursor: 4, more: true });
    const third = await feed(studio, `?after=${second.body.cursor}&limit=2`);
    expect(third.body.changes.map((c: { seq: number }) => c.seq)).toEqual([5]);
    expect(third.body).toMatchObject({ cursor: 5, more: false });
    // Nothing new: the same cursor comes back.
    expect((await feed(studio, '?after=5')).body).toEqual({ changes: [], cursor: 5, more: false });
    const bad = await feed(studio, '?after=-1&limit=5000');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['after', 'limit']);
  });

  it('each studio sees its own feed only, numbered from 1', async () => {
    const mine = await server().newStudio();
    const theirs = await server().newStudio();
    const gallery = await server().newGallery(theirs);
    await server().request('GET', '/v1/client/gallery', { token: await server().openGallery(gallery) });
    expect((await feed(mine)).body).toEqual({ changes: [], cursor: 0, more: false });
    expect((await feed(theirs)).body.changes[0]).toMatchObject({ seq: 1, galleryId: gallery.id });
    // Every device of the studio reads the same feed.
    const second = await server().pairAnotherDevice(theirs);
    expect((await feed(second)).body.changes).toHaveLength(1);
  });

  it('concurrent client actions get distinct, gap-free seqs', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio, { photoCount: 10 });
    const session = await server().openGallery(gallery);
    await Promise.all(
      gallery.photos.flatMap((p) => [
        server().request('PUT', `/v1/client/favourites/${p.id}`, { token: session }),
        server().request('PUT', `/v1/client/basket/${p.id}`, { token: session }),
      ]),
    );
    const { changes } = (await feed(studio, '?limit=1000')).body;
    expect(changes.map((c: { seq: number }) => c.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
