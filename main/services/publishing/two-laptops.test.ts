// Issue 5 point 7: two studio laptops (two catalogs) on one studio account publish and rate
// photos at the same time, through a network that drops every third request; afterwards both
// show the same galleries and the same flags as the server, and each change reached the server
// once. Then they disagree about one gallery: the server's order decides, and the laptop whose
// view changed is told who changed it.
import { expect, it } from 'vitest';
import type { Catalog } from '../catalog';
import { createApiClient } from '../sync/api-client';
import { readCredentials } from '../sync/device-credentials';
import { serverBehindProxy } from '../sync/test-support/server-behind-proxy';
import { untilDrained } from '../sync/test-support/studio-fixture';
import { openPublishingStudio, type PublishingStudio, pairNewStudio, publishInputFor } from './test-support/publishing-studio';
import { FIXTURE_NAMES } from './test-support/shoot-with-variants';

const net = serverBehindProxy();

async function twoLaptops() {
  const a = await openPublishingStudio(net.proxy.url, FIXTURE_NAMES.slice(0, 4));
  const b = await openPublishingStudio(net.proxy.url, FIXTURE_NAMES.slice(2, 6));
  await pairNewStudio(a, net.server, net.proxy.url, 'Studio laptop');
  const token = (await readCredentials(a.secrets))?.token;
  const issued = await createApiClient(fetch, net.server.url).request('POST', '/v1/pairing-codes', { token });
  await b.sync.pair(net.proxy.url, (issued.body as { code: string }).code, 'Studio iMac');
  return { a, b };
}

/** What a laptop shows of every gallery and of the flags of every gallery photo. */
function view(catalog: Catalog) {
  const galleries = catalog.clients
    .list()
    .flatMap((c) => catalog.galleries.byClient(c.id))
    .map((g) => ({
      id: g.id,
      title: g.title,
      state: g.state,
      slug: g.slug,
      expiresAt: g.settings.expiresAt,
      client: catalog.clients.get(g.clientId)?.email,
      photos: catalog.galleries.photos(g.id).map((p) => `${p.photoId}:${p.name}:${p.proofSha256}`),
    }))
    .sort((x, y) => x.id.localeCompare(y.id));
  return { galleries };
}

function flagsOf(studio: PublishingStudio, photoIds: string[]) {
  const local = new Set(studio.photoIds);
  return photoIds.map((id) => {
    const { rating, pick, colorLabel } = local.has(id) ? studio.catalog.flags.get(id) : studio.catalog.flags.remote(id);
    return { id, rating, pick, colorLabel };
  });
}

/** Until both have sent everything and pulled the whole feed: rounds can fail on dropped sockets. */
async function settle(a: PublishingStudio, b: PublishingStudio) {
  await Promise.all([untilDrained(a, 60_000), untilDrained(b, 60_000)]);
  const deadline = Date.now() + 30_000;
  const studioId = (await readCredentials(a.secrets))?.studio.id;
  const latest = () => net.server.count('SELECT coalesce(max(seq), 0) FROM changes WHERE studio_id = ?', studioId);
  while ([a, b].some((s) => s.catalog.syncState.get().cursor < latest() || s.catalog.outbox.pendingCount() > 0)) {
    if (Date.now() > deadline) throw new Error('The two laptops did not converge within 30 s.');
    await Promise.all([a.sync.syncNow(), b.sync.syncNow()]);
  }
}

it('publishing and rating at the same time on two laptops through a flaky network converges, each change once', async () => {
  const { a, b } = await twoLaptops();
  net.options.dropEvery = 3;
  const [ga, gb] = await Promise.all([
    (async () => {
      const p = a.publishing.publish(publishInputFor(a, 'Nowak wedding'));
      await p.done;
      return p.galleryId;
    })(),
    (async () => {
      const p = b.publishing.publish(
        publishInputFor(b, 'Kowalski portraits', {
          client: { name: 'Jan Kowalski', email: 'jan@example.com', phone: null, language: 'en' },
        }),
      );
      await p.done;
      return p.galleryId;
    })(),
  ]);
  a.sync.start();
  b.sync.start();
  // Both rate their photos while the uploads are still going out, several times over.
  for (let round = 1; round <= 3; round += 1) {
    for (const [studio, ids] of [
      [a, a.photoIds],
      [b, b.photoIds],
    ] as const) {
      studio.catalog.transaction(() => {
        for (const [i, id] of ids.entries()) studio.catalog.flags.setRating(id, (round + i) % 6);
        studio.catalog.flags.setPick(ids[0] as string, round % 2 ? 'pick' : 'reject');
        studio.publishing.queueFlagChanges(ids);
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await settle(a, b);
  net.options.dropEvery = 0;

  expect(net.proxy.dropped).toBeGreaterThanOrEqual(5);
  for (const s of [a, b]) expect(s.catalog.outbox.list('rejected')).toEqual([]);
  expect(view(a.catalog)).toEqual(view(b.catalog));
  expect(view(a.catalog).galleries.map((g) => [g.id, g.state])).toEqual(
    [
      [ga, 'published'],
      [gb, 'published'],
    ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
  );
  const all = [...a.photoIds, ...b.photoIds];
  expect(flagsOf(a, all)).toEqual(flagsOf(b, all));
  expect(flagsOf(a, a.photoIds).map((f) => f.rating)).toEqual(a.photoIds.map((_, i) => (3 + i) % 6));
  // Exactly once on the server: one gallery row each, one photo list each, each client once.
  expect(net.server.count('SELECT count(*) FROM galleries WHERE id IN (?, ?)', ga, gb)).toBe(2);
  expect(net.server.count('SELECT count(*) FROM gallery_photos WHERE gallery_id = ?', ga)).toBe(a.photoIds.length);
  expect(net.server.count('SELECT count(*) FROM clients')).toBe(2);
  expect(
    net.server.count(
      'SELECT count(*) FROM changes WHERE type = \'gallery.updated\' AND payload LIKE \'%"published"%\' AND payload LIKE \'%"action":"published"%\'',
    ),
  ).toBe(2);
  // The other laptop's gallery arrived with a remark, once.
  expect(a.notices.filter((n) => n === '“Kowalski portraits” was published on Studio iMac.')).toHaveLength(1);
  expect(b.notices.filter((n) => n === '“Nowak wedding” was published on Studio laptop.')).toHaveLength(1);
});

it('two laptops disagree about a gallery: the server’s order decides, and the laptop whose view changed is told', async () => {
  const { a, b } = await twoLaptops();
  const { galleryId, done } = a.publishing.publish(publishInputFor(a, 'Nowak wedding'));
  await done;
  await settle(a, b);
  const code = a.publishing.get(galleryId).accessCode;
  expect(b.publishing.get(galleryId)).toMatchObject({ state: 'published', accessCode: null, link: a.publishing.get(galleryId).link });

  // Offline at the same time: A extends the expiry; B takes the gallery offline and makes a new code.
  const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
  a.publishing.extendExpiry(galleryId, later);
  b.publishing.unpublish(galleryId);
  b.publishing.regenerateCode(galleryId);
  await untilDrained(a);
  await untilDrained(b);
  await settle(a, b);

  expect(view(a.catalog)).toEqual(view(b.catalog));
  expect(a.publishing.get(galleryId)).toMatchObject({ state: 'unpublished', expiresAt: later, accessCode: null });
  expect(b.publishing.get(galleryId).accessCode).not.toBe(code);
  expect(b.publishing.get(galleryId).accessCode).toEqual(expect.any(String));
  expect(a.notices).toEqual(
    expect.arrayContaining([
      '“Nowak wedding” was taken offline on Studio iMac.',
      'A new access code for “Nowak wedding” was made on Studio iMac; the old one no longer works.',
    ]),
  );
  expect(net.server.count("SELECT count(*) FROM galleries WHERE id = ? AND status = 'unpublished'", galleryId)).toBe(1);
});
