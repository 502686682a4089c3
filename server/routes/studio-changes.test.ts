// Several laptops, one studio account: what one device does (clients, galleries, photo flags)
// reaches the others through the change feed, in the order the server applied it, by that device.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import {
  type Change,
  changesResponse,
  clientUpdatedPayload,
  galleryUpdatedPayload,
  photoFlaggedPayload,
} from '../../shared/schemas/hosted-api';
import { verifyAccessCode } from '../security/access-code-hash';
import { defaultDeliveryMethods, defaultSettings, describeOnEachDatabase, fakeJpeg, type TestStudio } from '../test-support/test-server';

describeOnEachDatabase('studio devices in the change feed', (server) => {
  const send = (studio: TestStudio, method: string, path: string, body?: unknown, key?: string) =>
    server().request(method, path, { token: studio.token, body, headers: key ? { 'idempotency-key': key } : {} });
  const feed = async (studio: TestStudio, after = 0): Promise<Change[]> => {
    const res = await server().request('GET', `/v1/changes?after=${after}&limit=1000`, { token: studio.token });
    expect(res.status).toBe(200);
    return changesResponse.parse(res.body).changes;
  };
  const db = () => server().app.proofdesk.db;
  const changeRows = async (studio: TestStudio) =>
    (await db().selectFrom('changes').select('seq').where('studio_id', '=', studio.studioId).execute()).length;
  const storeProof = () => server().app.proofdesk.storage.put(Readable.from([fakeJpeg()]));
  const contact = { name: 'Ewa Kowalska', email: 'ewa@example.com', phone: '+48 600 100 200', language: 'pl' as const };

  async function twoDevices() {
    const a = await server().newStudio('Kowalski Photo');
    const b = await server().pairAnotherDevice(a, 'Studio iMac');
    return { a, b, byA: { deviceId: a.deviceId, deviceName: 'First laptop' }, byB: { deviceId: b.deviceId, deviceName: 'Studio iMac' } };
  }

  async function galleryBody(clientId: string, photoCount = 3) {
    const photos = [];
    for (let i = 0; i < photoCount; i += 1) {
      photos.push({
        id: `photo-${i}-${randomUUID()}`,
        name: `IMG_${i}.jpg`,
        proofSha256: await storeProof(),
        width: 2048,
        height: 1365 + i,
      });
    }
    return {
      clientId,
      title: 'Kowalski wedding',
      settings: { ...defaultSettings, expiresAt: '2099-06-30T12:00:00.000Z', watermark: true },
      deliveryMethods: defaultDeliveryMethods,
      photos,
    };
  }

  it('device A’s client, gallery and publish reach device B in order, by A, in the contract’s shapes', async () => {
    const { a, b, byA } = await twoDevices();
    const clientId = `client-${randomUUID()}`;
    const galleryId = randomUUID();
    expect((await send(a, 'PUT', `/v1/clients/${clientId}`, contact)).status).toBe(200);
    const body = await galleryBody(clientId);
    const put = await send(a, 'PUT', `/v1/galleries/${galleryId}`, body);
    expect(put.status).toBe(201);
    expect((await send(a, 'POST', `/v1/galleries/${galleryId}/publish`)).status).toBe(200);

    const changes = await feed(b);
    expect(changes.map((c) => [c.seq, c.type, c.galleryId])).toEqual([
      [1, 'client.updated', ''],
      [2, 'gallery.updated', galleryId],
      [3, 'gallery.updated', galleryId],
    ]);
    const [client, saved, published] = changes as [Change, Change, Change];
    // Parsing strips unknown keys: equal to the parsed value means nothing else was sent.
    expect(clientUpdatedPayload.parse(client.payload)).toEqual(client.payload);
    expect(client.payload).toEqual({ client: { id: clientId, ...contact }, by: byA });
    const gallery = {
      id: galleryId,
      slug: put.body.slug,
      title: body.title,
      client: { id: clientId, ...contact },
      settings: body.settings,
      deliveryMethods: body.deliveryMethods,
      photos: body.photos,
    };
    expect(galleryUpdatedPayload.parse(saved.payload)).toEqual(saved.payload);
    expect(saved.payload).toEqual({ action: 'saved', gallery: { ...gallery, status: 'draft' }, by: byA });
    expect(galleryUpdatedPayload.parse(published.payload)).toEqual(published.payload);
    expect(published.payload).toEqual({ action: 'published', gallery: { ...gallery, status: 'published' }, by: byA });
    // A's own feed is the same feed.
    expect(await feed(a)).toEqual(changes);
  });

  it('unpublish and a new code are gallery.updated too, and the feed never holds an access code or its hash', async () => {
    const { a, b, byA, byB } = await twoDevices();
    const gallery = await server().newGallery(a, { photoCount: 2 });
    const start = (await feed(b)).at(-1)?.seq ?? 0;
    expect((await send(b, 'POST', `/v1/galleries/${gallery.id}/unpublish`)).body.status).toBe('unpublished');
    const code = await send(a, 'POST', `/v1/galleries/${gallery.id}/code`);
    expect(code.status).toBe(200);
    const newCode = code.body.accessCode as string;
    expect(newCode).toMatch(/\S{4,}/);

    const changes = await feed(a, start);
    expect(changes.map((c) => [c.type, c.payload.action, (c.payload.gallery as { status: string }).status, c.payload.by])).toEqual([
      ['gallery.updated', 'unpublished', 'unpublished', byB],
      ['gallery.updated', 'code_regenerated', 'unpublished', byA],
    ]);
    for (const c of changes) {
      expect(galleryUpdatedPayload.parse(c.payload).gallery.photos).toEqual(gallery.photos);
      expect(Object.keys(c.payload.gallery as object).sort()).toEqual(
        ['client', 'deliveryMethods', 'id', 'photos', 'settings', 'slug', 'status', 'title'].sort(),
      );
    }
    const { access_code_hash } = await db()
      .selectFrom('galleries')
      .select('access_code_hash')
      .where('id', '=', gallery.id)
      .executeTakeFirstOrThrow();
    expect(await verifyAccessCode(newCode, access_code_hash)).toBe(true);
    const everything = JSON.stringify(await feed(b));
    for (const secret of [gallery.accessCode, newCode, access_code_hash]) expect(everything).not.toContain(secret);
    // Code comparison ignores case and dashes: neither spelling may appear.
    for (const secret of [gallery.accessCode, newCode]) {
      expect(everything.toLowerCase()).not.toContain(secret.toLowerCase().replace(/-/g, ''));
    }
  });

  it('a later save shows the gallery as it is now: new photo order, corrected client', async () => {
    const { a, b, byB } = await twoDevices();
    const gallery = await server().newGallery(a, { photoCount: 3 });
    const corrected = { ...contact, name: 'Ewa Nowak-Kowalska', email: 'ewa.nowak@example.com' };
    expect((await send(b, 'PUT', `/v1/clients/${gallery.clientId}`, corrected)).status).toBe(200);
    const reordered = [...gallery.photos].reverse().slice(0, 2);
    const saved = await send(b, 'PUT', `/v1/galleries/${gallery.id}`, {
      clientId: gallery.clientId,
      title: 'Renamed',
      settings: gallery.settings,
      deliveryMethods: gallery.deliveryMethods,
      photos: reordered,
    });
    expect(saved.status).toBe(200);
    const [client, save] = (await feed(a)).slice(-2) as [Change, Change];
    expect(client.payload).toEqual({ client: { id: gallery.clientId, ...corrected }, by: byB });
    expect(save.payload).toMatchObject({
      action: 'saved',
      gallery: { title: 'Renamed', status: 'published', client: { id: gallery.clientId, ...corrected }, photos: reordered },
      by: byB,
    });
  });

  it('a refused change records nothing', async () => {
    const { a } = await twoDevices();
    const clientId = `client-${randomUUID()}`;
    await send(a, 'PUT', `/v1/clients/${clientId}`, contact);
    const galleryId = randomUUID();
    const body = await galleryBody(clientId, 1);
    body.photos.push({ id: 'not-uploaded', name: 'IMG_9.jpg', proofSha256: 'c'.repeat(64), width: 10, height: 10 });
    expect((await send(a, 'PUT', `/v1/galleries/${galleryId}`, body)).status).toBe(201);
    const before = await changeRows(a);
    expect((await send(a, 'POST', `/v1/galleries/${galleryId}/publish`)).status).toBe(409);
    expect((await send(a, 'PUT', '/v1/clients/c-bad', { name: '', email: 'nope' })).status).toBe(400);
    expect((await send(a, 'PUT', `/v1/galleries/${galleryId}`, { ...body, clientId: 'no-such-client' })).status).toBe(404);
    expect((await send(a, 'POST', '/v1/galleries/no-such-gallery/unpublish')).status).toBe(404);
    expect(await changeRows(a)).toBe(before);
  });

  it('the same Idempotency-Key 100 times: one change and one effect per request', async () => {
    const { a, b } = await twoDevices();
    const clientId = `client-${randomUUID()}`;
    const galleryId = randomUUID();
    const body = await galleryBody(clientId, 2);
    const photoId = body.photos[0]?.id as string;
    const requests: [string, string, unknown][] = [
      ['PUT', `/v1/clients/${clientId}`, contact],
      ['PUT', `/v1/galleries/${galleryId}`, body],
      ['POST', `/v1/galleries/${galleryId}/publish`, undefined],
      ['POST', `/v1/galleries/${galleryId}/code`, undefined],
      ['PUT', `/v1/galleries/${galleryId}/photos/${photoId}/flags`, { rating: 4, pick: 'pick', colorLabel: 'green' }],
    ];
    const firsts = [];
    for (const [i, [method, path, payload]] of requests.entries()) {
      const key = `0190f5b2-7c1e-7a3b-9c4d-00000000000${i}`;
      const first = await send(a, method, path, payload, key);
      expect(first.status, path).toBeLessThan(300);
      firsts.push(first);
      for (let n = 0; n < 100; n += 1) {
        const again = await send(a, method, path, payload, key);
        expect(again.status).toBe(first.status);
        expect(again.body).toEqual(first.body);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
      }
    }
    expect(await changeRows(a)).toBe(requests.length);
    expect((await feed(b)).map((c) => [c.type, c.payload.action ?? null])).toEqual([
      ['client.updated', null],
      ['gallery.updated', 'saved'],
      ['gallery.updated', 'published'],
      ['gallery.updated', 'code_regenerated'],
      ['photo.flagged', null],
    ]);
    // One effect: the code that works is the one the first answer showed.
    const row = await db()
      .selectFrom('galleries')
      .select(['status', 'access_code_hash'])
      .where('id', '=', galleryId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('published');
    expect(await verifyAccessCode(firsts[3]?.body.accessCode, row.access_code_hash)).toBe(true);
    const flags = await db().selectFrom('studio_photo_flags').selectAll().where('studio_id', '=', a.studioId).execute();
    expect(flags).toHaveLength(1);

    // Concurrent copies of one request: one runs, the others are told to retry; still one change.
    const key = 'burst-flags';
    const burst = await Promise.all(
      Array.from({ length: 8 }, () =>
        send(a, 'PUT', `/v1/galleries/${galleryId}/photos/${photoId}/flags`, { rating: 1, pick: 'reject', colorLabel: null }, key),
      ),
    );
    expect(burst.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(burst.filter((r) => r.status === 200 && r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(await changeRows(a)).toBe(requests.length + 1);
  });

  it('two devices flagging one photo at once: the stored flags are the last photo.flagged in the feed', async () => {
    const { a, b, byA, byB } = await twoDevices();
    const gallery = await server().newGallery(a, { photoCount: 2 });
    const [photo, other] = gallery.photos.map((p) => p.id) as [string, string];
    const start = (await feed(a)).at(-1)?.seq ?? 0;
    const picks = ['none', 'pick', 'reject'] as const;
    const labels = ['red', 'yellow', 'green', 'blue', 'purple', null] as const;
    const flag = (device: TestStudio, photoId: string, i: number) =>
      send(device, 'PUT', `/v1/galleries/${gallery.id}/photos/${photoId}/flags`, {
        rating: i % 6,
        pick: picks[i % 3],
        colorLabel: labels[i % 6],
      });
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => flag(a, photo, i)),
      ...Array.from({ length: 6 }, (_, i) => flag(b, photo, i + 6)),
      flag(a, other, 3),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(photoFlaggedPayload.parse(res.body)).toEqual(res.body);
    }
    expect(answers[0]?.body).toEqual({ photoId: photo, rating: 0, pick: 'none', colorLabel: 'red', by: byA });
    expect(answers[6]?.body).toEqual({ photoId: photo, rating: 0, pick: 'none', colorLabel: 'red', by: byB });

    const changes = await feed(b, start);
    // One total order: every request once, seqs consecutive.
    expect(changes.map((c) => c.seq)).toEqual(Array.from({ length: 13 }, (_, i) => start + i + 1));
    expect(changes.every((c) => c.type === 'photo.flagged' && c.galleryId === gallery.id)).toBe(true);
    expect(changes.map((c) => c.payload).sort(byJson)).toEqual(answers.map((r) => r.body).sort(byJson));

    const stored = await db()
      .selectFrom('studio_photo_flags')
      .selectAll()
      .where('studio_id', '=', a.studioId)
      .orderBy('photo_id')
      .execute();
    for (const photoId of [photo, other]) {
      const last = photoFlaggedPayload.parse(changes.filter((c) => c.payload.photoId === photoId).at(-1)?.payload);
      expect(stored.find((s) => s.photo_id === photoId)).toMatchObject({
        gallery_id: gallery.id,
        rating: last.rating,
        pick: last.pick,
        color_label: last.colorLabel,
        device_id: last.by.deviceId,
      });
    }
    expect(stored).toHaveLength(2);
  });

  it('flags only a photo of this studio’s gallery: 404 with a sentence otherwise, 400 for bad flags; nothing recorded', async () => {
    const { a } = await twoDevices();
    const stranger = await server().newStudio('Another studio');
    const gallery = await server().newGallery(a, { photoCount: 1 });
    const own = await server().newGallery(stranger, { photoCount: 1 });
    const photoId = gallery.photos[0]?.id as string;
    const flags = { rating: 5, pick: 'pick', colorLabel: 'red' };
    const before = [await changeRows(a), await changeRows(stranger)];

    const foreign = await send(stranger, 'PUT', `/v1/galleries/${gallery.id}/photos/${photoId}/flags`, flags);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toMatch(/^There is no gallery ".+" in this studio account\./);
    // Its own gallery id does not open another studio's photo either.
    const mixed = await send(stranger, 'PUT', `/v1/galleries/${own.id}/photos/${photoId}/flags`, flags);
    expect(mixed.status).toBe(404);
    expect(mixed.body.error.message).toMatch(/^There is no photo ".+" in the gallery ".+"\. Send the gallery with this photo/);
    expect((await send(a, 'PUT', `/v1/galleries/${gallery.id}/photos/not-in-it/flags`, flags)).status).toBe(404);

    for (const bad of [
      { ...flags, rating: 6 },
      { ...flags, rating: 2.5 },
      { ...flags, pick: 'maybe' },
      { ...flags, colorLabel: 'orange' },
      { rating: 1, pick: 'none' },
      { ...flags, note: 'extra' },
    ]) {
      const res = await send(a, 'PUT', `/v1/galleries/${gallery.id}/photos/${photoId}/flags`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.message).toMatch(/^The photo flags/);
    }
    expect([await changeRows(a), await changeRows(stranger)]).toEqual(before);
    expect(
      await db().selectFrom('studio_photo_flags').selectAll().where('studio_id', 'in', [a.studioId, stranger.studioId]).execute(),
    ).toEqual([]);
  });
});

function byJson(x: unknown, y: unknown): number {
  return JSON.stringify(x).localeCompare(JSON.stringify(y));
}
