import { expect, it } from 'vitest';
import { changesResponse } from '../../shared/schemas/hosted-api';
import { PAGE_PAYLOAD_BUDGET, recordChange } from '../changes/change-feed';
import { describeOnEachDatabase, type TestStudio } from '../test-support/test-server';

describeOnEachDatabase('change feed', (server) => {
  const feed = (studio: TestStudio, query = '') => server().request('GET', `/v1/changes${query}`, { token: studio.token });

  it('records what the client does, in order, with a per-studio seq that only grows', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio, { photoCount: 3 });
    const session = await server().openGallery(gallery);
    const [p1, p2] = gallery.photos.map((p) => p.id) as [string, string];
    const client = (method: string, path: string, body?: unknown) => server().request(method, path, { token: session, body });
    // Setting the gallery up (client, gallery, publish) are the studio's own changes: seqs 1–3.
    const setup = await feed(studio);
    expect(setup.body.changes.map((c: { seq: number; type: string }) => [c.seq, c.type])).toEqual([
      [1, 'client.updated'],
      [2, 'gallery.updated'],
      [3, 'gallery.updated'],
    ]);

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

    const res = await feed(studio, '?after=3');
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
      ['order.placed', { order: expect.objectContaining({ id: order.body.id, number: order.body.number, state: 'awaiting_payment' }) }],
      // The ordered photo leaves the basket with the order: it cannot be ordered twice by accident.
      ['basket.removed', { photoId: p1, reason: 'ordered' }],
      ['gallery.viewed', {}],
    ]);
    expect(changes.map((c) => c.seq)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const c of changes) {
      expect(c.galleryId).toBe(gallery.id);
      expect(Date.parse(c.at)).toBeGreaterThanOrEqual(t0 - 1000);
    }
    expect(res.body.cursor).toBe(12);
    expect(res.body.more).toBe(false);
  });

  it('pages with after/limit: cursor is the last seq returned, more says whether to ask again', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio);
    const session = await server().openGallery(gallery);
    for (let i = 0; i < 5; i += 1) await server().request('GET', '/v1/client/gallery', { token: session });
    // Seqs 1–3 are the gallery's setup; 4–8 the five views.

    const first = await feed(studio, '?limit=2');
    expect(first.body.changes.map((c: { seq: number }) => c.seq)).toEqual([1, 2]);
    expect(first.body).toMatchObject({ cursor: 2, more: true });
    const second = await feed(studio, `?after=${first.body.cursor}&limit=3`);
    expect(second.body).toMatchObject({ cursor: 5, more: true });
    const third = await feed(studio, `?after=${second.body.cursor}&limit=2`);
    expect(third.body).toMatchObject({ cursor: 7, more: true });
    const fourth = await feed(studio, `?after=${third.body.cursor}&limit=2`);
    expect(fourth.body.changes.map((c: { seq: number }) => c.seq)).toEqual([8]);
    expect(fourth.body).toMatchObject({ cursor: 8, more: false });
    // Nothing new: the same cursor comes back.
    expect((await feed(studio, '?after=8')).body).toEqual({ changes: [], cursor: 8, more: false });
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
    const theirFeed = (await feed(theirs)).body.changes;
    expect(theirFeed.map((c: { seq: number; type: string; galleryId: string }) => [c.seq, c.type, c.galleryId])).toEqual([
      [1, 'client.updated', ''],
      [2, 'gallery.updated', gallery.id],
      [3, 'gallery.updated', gallery.id],
      [4, 'gallery.viewed', gallery.id],
    ]);
    // Every device of the studio reads the same feed.
    const second = await server().pairAnotherDevice(theirs);
    expect((await feed(second)).body.changes).toEqual(theirFeed);
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
    const { changes } = (await feed(studio, '?after=3&limit=1000')).body;
    expect(changes.map((c: { seq: number }) => c.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 4));
  });

  it('cuts a page of big payloads (whole galleries) at the size budget, never below one change', async () => {
    const studio = await server().newStudio();
    const { db } = server().app.proofdesk;
    const third = 'x'.repeat(Math.floor(PAGE_PAYLOAD_BUDGET / 3));
    const sizes = [third, third, third, 'x'.repeat(PAGE_PAYLOAD_BUDGET + 10), 'small'];
    for (const filler of sizes) {
      await db
        .transaction()
        .execute((trx) =>
          recordChange(trx, { studioId: studio.studioId, galleryId: 'g', type: 'gallery.viewed', at: Date.now(), payload: { filler } }),
        );
    }
    const pages: number[][] = [];
    let after = 0;
    for (let more = true; more; ) {
      const page = (await feed(studio, `?after=${after}&limit=1000`)).body;
      pages.push(page.changes.map((c: { seq: number }) => c.seq));
      ({ cursor: after, more } = page);
    }
    expect(pages).toEqual([[1, 2], [3], [4], [5]]);
  });
});
