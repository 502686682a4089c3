// Delivery end to end through the API (issue 6 point 5): the studio uploads real JPEGs, states the
// delivery set and delivers; the client lists, downloads single files (whole and in ranges) and a
// zip of each set, checked entry by entry against the uploads; links renew, expire and stay
// within their order; names that could leave the zip's folder are refused.
import { createHash } from 'node:crypto';
import { createWriteStream, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliveryStateSchema, downloadListResponse } from '../../shared/schemas/delivery-api';
import { UPLOAD_CHUNK_MAX_BYTES } from '../../shared/schemas/hosted-api';
import { studioOrderSchema } from '../../shared/schemas/orders-api';
import { sharedImagesDir } from '../../test/helpers/fixtures';
import { readZipDirectory, zipEntryDigest } from '../../test/helpers/zip-reader';
import { formatBytes } from '../deliveries/delivery-words';
import { describeOnEachDatabase, type TestGallery, type TestServer, type TestStudio } from '../test-support/test-server';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const JPEGS = ['camera-canon-1300d-18mp-low-detail.jpg', 'camera-nikon-d3100-14mp.jpg', 'orient-6-portrait.jpg'].map((name) => ({
  name,
  bytes: readFileSync(path.join(sharedImagesDir, name)),
}));
const contact = { name: 'Anna Nowak', email: 'anna@example.com', phone: null };
const DAY = 24 * 60 * 60 * 1000;

let tempDir: string;
beforeAll(async () => {
  tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-deliveries-'));
});
afterAll(() => fs.rm(tempDir, { recursive: true, force: true }));

async function upload(server: TestServer, studio: TestStudio, bytes: Buffer): Promise<string> {
  const digest = sha(bytes);
  const started = await server.request('POST', '/v1/uploads', { token: studio.token, body: { sha256: digest, size: bytes.length } });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  if (started.body.complete) return digest;
  for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_MAX_BYTES) {
    const res = await server.request('PUT', `/v1/uploads/${started.body.uploadId}?offset=${offset}`, {
      token: studio.token,
      body: bytes.subarray(offset, offset + UPLOAD_CHUNK_MAX_BYTES),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const done = await server.request('POST', `/v1/uploads/${started.body.uploadId}/finish`, { token: studio.token });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return digest;
}

/** Downloads to a file in the test's folder; answers the response and the file. */
async function download(server: TestServer, url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}${url}`, { headers });
  const file = path.join(tempDir, `download-${Math.random().toString(36).slice(2)}`);
  if (response.body) await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), createWriteStream(file));
  else await fs.writeFile(file, '');
  return { response, file, bytes: async () => fs.readFile(file) };
}

const tokenOf = (link: string) => /\/d\/([A-Za-z0-9_-]{43})$/.exec(link)?.[1] as string;

describeOnEachDatabase('delivery and downloads', (server) => {
  const studioCall = (studio: TestStudio, method: string, url: string, body?: unknown) =>
    server().request(method, url, { token: studio.token, body, headers: { 'idempotency-key': crypto.randomUUID() } });
  const act = (studio: TestStudio, orderId: string, event: Record<string, unknown>) =>
    studioCall(studio, 'POST', `/v1/orders/${orderId}/events`, event);

  async function placeOrder(gallery: TestGallery, photoCount = gallery.photos.length): Promise<string> {
    const session = await server().openGallery(gallery);
    const res = await server().request('POST', '/v1/client/orders', {
      token: session,
      body: { deliveryMethodId: 'full', photoIds: gallery.photos.slice(0, photoCount).map((p) => p.id), contact, note: '' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  async function uploadedSet(studio: TestStudio, gallery: TestGallery) {
    const files = [];
    for (const [i, jpeg] of JPEGS.entries()) {
      const digest = await upload(server(), studio, jpeg.bytes);
      const photo = gallery.photos[i] as TestGallery['photos'][number];
      const base = { photoId: photo.id, name: photo.name, sha256: digest, size: jpeg.bytes.length, width: 4000, height: 3000 };
      files.push({ ...base, set: 'full' as const }, { ...base, set: 'web' as const });
    }
    return files;
  }

  it('uploads, states the set, refuses to deliver unpaid, delivers with a link and an e-mail; the client downloads files and zips', async () => {
    const studio = await server().newStudio('Studio Jasna');
    const gallery = await server().newGallery(studio, { title: 'Ślub Ani', photoCount: 3 });
    const orderId = await placeOrder(gallery);
    const files = await uploadedSet(studio, gallery);

    const put = await studioCall(studio, 'PUT', `/v1/orders/${orderId}/delivery`, { files });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(studioOrderSchema.parse(put.body)).toBeTruthy();
    const delivery = deliveryStateSchema.parse(put.body.delivery);
    expect(delivery.files).toHaveLength(6);
    expect(delivery).toMatchObject({ link: null, linkExpiresAt: null, downloads: [] });
    expect(put.body.state).toBe('awaiting_payment');

    const unpaid = await act(studio, orderId, { type: 'deliver', fileCount: 6 });
    expect(unpaid.status).toBe(409);
    expect(unpaid.body.error).toMatchObject({ code: 'conflict', refusal: 'not_paid', message: expect.stringMatching(/isn’t paid yet/) });

    expect((await act(studio, orderId, { type: 'mark_paid', method: 'offline' })).status).toBe(200);
    const mismatch = await act(studio, orderId, { type: 'deliver', fileCount: 5 });
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.error).toMatchObject({
      refusal: 'delivery_files_changed',
      message: expect.stringMatching(/has 6 files to deliver/),
    });

    const before = Date.now() + server().clock.offsetMs;
    const delivered = await act(studio, orderId, { type: 'deliver', fileCount: 6 });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    expect(delivered.body.state).toBe('delivered');
    const link = delivered.body.delivery.link as string;
    expect(link).toMatch(new RegExp(`^${server().baseUrl}/d/[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(delivered.body.delivery.linkExpiresAt) - before).toBeGreaterThan(30 * DAY - 60_000);
    const token = tokenOf(link);

    // The client's e-mail, in the client's language (the test client is Polish), with the link and the sets.
    const emails = await server()
      .app.proofdesk.db.selectFrom('order_emails')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('kind', '=', 'client_download_links')
      .execute();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to_address: 'anna@example.com', language: 'pl', from_name: 'Studio Jasna' });
    expect(emails[0]?.body_text).toContain(link);
    const setSize = formatBytes(
      JPEGS.reduce((sum, j) => sum + j.bytes.length, 0),
      'pl',
    );
    expect(emails[0]?.body_text).toMatch(new RegExp(`Pełna rozdzielczość:\\s+3 pliki, ${setSize}`));
    expect(emails[0]?.body_text).toMatch(/Wersja do internetu:\s+3 pliki/);
    expect(emails[0]?.subject).toBe(`Twoje zdjęcia są gotowe do pobrania (zamówienie ${delivered.body.number})`);
    // Only the hash of the token is what downloads are checked against.
    const stored = await server().app.proofdesk.db.selectFrom('download_links').selectAll().where('order_id', '=', orderId).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).toBe(sha(Buffer.from(token)));
    expect(stored[0]?.token_hash).not.toContain(token);

    // The list.
    const list = await server().request('GET', `/v1/downloads/${token}`);
    expect(list.status).toBe(200);
    expect(downloadListResponse.parse(list.body)).toEqual(list.body);
    expect(list.body).toMatchObject({
      studioName: 'Studio Jasna',
      galleryTitle: 'Ślub Ani',
      orderNumber: delivered.body.number,
      language: 'pl',
    });
    expect(list.body.sets.map((s: { set: string }) => s.set)).toEqual(['full', 'web']);
    const full = list.body.sets[0];
    expect(full.totalBytes).toBe(JPEGS.reduce((sum, j) => sum + j.bytes.length, 0));
    expect(full.files.map((f: { name: string }) => f.name)).toEqual(gallery.photos.map((p) => p.name));

    // Single files: the uploaded bytes, named, sized and tagged; a range of one; HEAD reads nothing.
    for (const [i, jpeg] of JPEGS.entries()) {
      const file = full.files[i];
      const got = await download(server(), `/v1/downloads/${token}/files/${file.fileId}`);
      expect(got.response.status).toBe(200);
      expect(sha(await got.bytes())).toBe(sha(jpeg.bytes));
      expect(got.response.headers.get('content-length')).toBe(String(jpeg.bytes.length));
      expect(got.response.headers.get('content-type')).toBe('image/jpeg');
      expect(got.response.headers.get('etag')).toBe(`"${sha(jpeg.bytes)}"`);
      expect(got.response.headers.get('content-disposition')).toBe(`attachment; filename="${file.name}"; filename*=UTF-8''${file.name}`);
    }
    const first = full.files[0];
    const ranged = await download(server(), `/v1/downloads/${token}/files/${first.fileId}`, { range: 'bytes=1000-1999' });
    expect(ranged.response.status).toBe(206);
    expect(ranged.response.headers.get('content-range')).toBe(`bytes 1000-1999/${JPEGS[0]?.bytes.length}`);
    expect(await ranged.bytes()).toEqual(JPEGS[0]?.bytes.subarray(1000, 2000));
    const past = await server().request('GET', `/v1/downloads/${token}/files/${first.fileId}`, { headers: { range: 'bytes=99999999-' } });
    expect(past.status).toBe(416);
    const head = await fetch(`${server().baseUrl}/v1/downloads/${token}/files/${first.fileId}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(JPEGS[0]?.bytes.length));

    // The zip of each set: every entry the uploaded bytes, under the set's folder.
    for (const set of ['full', 'web'] as const) {
      const zip = await download(server(), `/v1/downloads/${token}/zip?set=${set}`);
      expect(zip.response.status).toBe(200);
      expect(zip.response.headers.get('content-type')).toBe('application/zip');
      expect(Number(zip.response.headers.get('content-length'))).toBe((await fs.stat(zip.file)).size);
      expect(decodeURIComponent(zip.response.headers.get('content-disposition')?.split("UTF-8''")[1] ?? '')).toBe(
        `Ślub Ani ${delivered.body.number} - ${set === 'full' ? 'Pełna rozdzielczość' : 'Wersja do internetu'}.zip`,
      );
      const directory = await readZipDirectory(zip.file);
      const folder = set === 'full' ? 'Pełna rozdzielczość' : 'Wersja do internetu';
      expect(directory.entries.map((e) => e.name)).toEqual(gallery.photos.map((p) => `${folder}/${p.name}`));
      for (const [i, entry] of directory.entries.entries()) {
        expect(entry.method).toBe(0);
        expect(await zipEntryDigest(zip.file, entry)).toEqual({
          sha256: sha(JPEGS[i]?.bytes as Buffer),
          size: JPEGS[i]?.bytes.length,
          crcOk: true,
        });
      }
    }

    // The studio sees the downloads: one record per file and minute, however many requests.
    const feed = await server().request('GET', '/v1/changes?after=0&limit=500', { token: studio.token });
    const downloaded = feed.body.changes
      .filter((c: { type: string }) => c.type === 'order.downloaded')
      .map((c: { payload: unknown }) => c.payload);
    expect(downloaded).toEqual([
      ...gallery.photos.map((p) => ({ orderId, what: p.name })),
      { orderId, what: 'zip:full' },
      { orderId, what: 'zip:web' },
    ]);
    const view = await server().request('GET', `/v1/orders/${orderId}`, { token: studio.token });
    expect(view.body.delivery.downloads.map((d: { what: string }) => d.what)).toEqual([
      'zip:web',
      'zip:full',
      ...[...gallery.photos].reverse().map((p) => p.name),
    ]);

    // The page: server-rendered, Polish, the strict CSP, its stylesheet.
    const page = await fetch(`${server().baseUrl}/d/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'.*style-src 'self'/);
    const html = await page.text();
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain(`href="/v1/downloads/${token}/zip?set=full"`);
    expect(html).toContain(`Pobierz wszystkie (zip, ${setSize})`);
    const css = /href="(\/d\/assets\/[^"]+\.css)"/.exec(html)?.[1] as string;
    const style = await fetch(`${server().baseUrl}${css}`);
    expect(style.status).toBe(200);
    expect(style.headers.get('content-type')).toMatch(/^text\/css/);
    expect((await fetch(`${server().baseUrl}/d/assets/other.css`)).status).toBe(404);

    // Delivered once: a second deliver is the machine's refusal, and the link stays.
    const again = await act(studio, orderId, { type: 'deliver', fileCount: 6 });
    expect(again.body.error).toMatchObject({ refusal: 'already_delivered' });

    // Renew: the old link stops (410 with the sentence, and its page), the new one works for the days asked.
    const renewed = await studioCall(studio, 'POST', `/v1/orders/${orderId}/delivery/link`, { days: 7 });
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    const newToken = tokenOf(renewed.body.delivery.link);
    expect(newToken).not.toBe(token);
    expect(Date.parse(renewed.body.delivery.linkExpiresAt) - Date.now()).toBeLessThan(7 * DAY + 60_000);
    const old = await server().request('GET', `/v1/downloads/${token}`);
    expect(old.status).toBe(410);
    expect(old.body.error.message).toBe('This download link has expired. Ask the studio for a new one.');
    const oldPage = await fetch(`${server().baseUrl}/d/${token}`);
    expect(oldPage.status).toBe(410);
    expect(await oldPage.text()).toContain('Ten link do pobrania wygasł.');
    expect((await server().request('GET', `/v1/downloads/${newToken}`)).status).toBe(200);
    const oldFile = await server().request('GET', `/v1/downloads/${token}/files/${first.fileId}`);
    expect(oldFile.status).toBe(410);

    // Resend carries the current link, never the revoked one it was sent with.
    const resent = await studioCall(studio, 'POST', `/v1/orders/${orderId}/emails/${emails[0]?.id}/resend`);
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    const copies = await server()
      .app.proofdesk.db.selectFrom('order_emails')
      .select(['id', 'body_text', 'body_html'])
      .where('order_id', '=', orderId)
      .where('kind', '=', 'client_download_links')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(copies).toHaveLength(2);
    expect(copies[1]?.body_text).toContain(renewed.body.delivery.link);
    expect(copies[1]?.body_text).not.toContain(token);
    expect(copies[1]?.body_html).toContain(renewed.body.delivery.link);

    // Expiry: the server's clock past the 7 days.
    server().clock.offsetMs += 8 * DAY;
    try {
      const expired = await server().request('GET', `/v1/downloads/${newToken}`);
      expect(expired.status).toBe(410);
      expect(expired.body.error.message).toBe('This download link has expired. Ask the studio for a new one.');
      expect((await server().request('GET', `/v1/downloads/${newToken}/zip?set=full`)).status).toBe(410);
      const refused = await studioCall(studio, 'POST', `/v1/orders/${orderId}/emails/${emails[0]?.id}/resend`);
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/expired on .*Make a new link first/);
    } finally {
      server().clock.offsetMs -= 8 * DAY;
    }
  });

  it('keeps a link within its order: another order’s file is not found; unknown tokens are 404 (JSON and page)', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio, { photoCount: 3 });
    const orders = [await placeOrder(gallery), await placeOrder(gallery)];
    const files = await uploadedSet(studio, gallery);
    const links: string[] = [];
    const fileIds: string[][] = [];
    for (const orderId of orders) {
      // Each order gets its own first file only, so the file ids differ.
      const put = await studioCall(studio, 'PUT', `/v1/orders/${orderId}/delivery`, { files: files.slice(0, 2) });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      fileIds.push(put.body.delivery.files.map((f: { fileId: string }) => f.fileId));
      await act(studio, orderId, { type: 'mark_paid', method: 'offline' });
      const delivered = await act(studio, orderId, { type: 'deliver', fileCount: 2 });
      expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
      links.push(tokenOf(delivered.body.delivery.link));
    }
    const [a, b] = links as [string, string];
    const otherFile = fileIds[1]?.[0] as string;
    expect(otherFile).not.toBe(fileIds[0]?.[0]);
    expect((await server().request('GET', `/v1/downloads/${b}/files/${otherFile}`)).status).toBe(200);
    const crossed = await server().request('GET', `/v1/downloads/${a}/files/${otherFile}`);
    expect(crossed.status).toBe(404);
    expect(crossed.body.error.code).toBe('not_found');

    const unknown = await server().request('GET', `/v1/downloads/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect((await server().request('GET', '/v1/downloads/short')).status).toBe(404);
    const page = await fetch(`${server().baseUrl}/d/${'y'.repeat(43)}`, { headers: { 'accept-language': 'pl-PL,pl;q=0.9' } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Pod tym adresem nie ma plików do pobrania.');
    expect((await server().request('GET', `/v1/downloads/${a}/zip?set=everything`)).status).toBe(400);
  });

  it('refuses names that leave the folder, duplicates, files not uploaded, photos not ordered, another studio’s order and delivering without files', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio, { photoCount: 3 });
    const orderId = await placeOrder(gallery, 2);
    const digest = await upload(server(), studio, JPEGS[2]?.bytes as Buffer);
    const file = {
      photoId: gallery.photos[0]?.id,
      set: 'full',
      name: 'IMG_0001.jpg',
      sha256: digest,
      size: JPEGS[2]?.bytes.length,
      width: 10,
      height: 10,
    };
    const put = (files: unknown[], as = studio) => studioCall(as, 'PUT', `/v1/orders/${orderId}/delivery`, { files });

    for (const name of ['../evil.jpg', '..', '.', 'folder/IMG.jpg', 'C:\\Windows\\evil.jpg', 'a\u0000b.jpg']) {
      const res = await put([{ ...file, name }]);
      expect([res.status, name]).toEqual([400, name]);
    }
    const control = await put([{ ...file, name: 'bad\nname.jpg' }]);
    expect(control.status).toBe(400);
    expect(control.body.error.message).toMatch(/cannot be saved/);

    const duplicate = await put([file, { ...file, photoId: gallery.photos[1]?.id, name: 'img_0001.JPG' }]);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toMatch(/same name: img_0001\.JPG \(full\)/);
    // The same name in the other set is fine.
    expect((await put([file, { ...file, set: 'web' }])).status).toBe(200);

    const missing = await put([file, { ...file, name: 'IMG_0002.jpg', sha256: 'b'.repeat(64) }]);
    expect(missing.status).toBe(409);
    expect(missing.body.error).toMatchObject({
      missingFiles: ['b'.repeat(64)],
      message: expect.stringMatching(/1 file has not been uploaded yet \(IMG_0002\.jpg\)/),
    });
    const wrongSize = await put([{ ...file, size: 10 }]);
    expect(wrongSize.status).toBe(409);
    expect(wrongSize.body.error.message).toMatch(/is not the size of the uploaded file/);

    const stranger = await put([{ ...file, photoId: gallery.photos[2]?.id, name: 'IMG_0003.jpg' }]);
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.message).toMatch(/not in order .*: IMG_0003\.jpg/);

    const other = await server().newStudio();
    expect((await put([file], other)).status).toBe(404);

    // A paid order without a delivery set.
    const bare = await placeOrder(gallery, 1);
    await act(studio, bare, { type: 'mark_paid', method: 'offline' });
    const refused = await act(studio, bare, { type: 'deliver', fileCount: 1 });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      refusal: 'no_delivery_files',
      message: expect.stringMatching(/^Add the edited photos first/),
    });
    const renew = await studioCall(studio, 'POST', `/v1/orders/${bare}/delivery/link`, {});
    expect(renew.status).toBe(409);
    expect(renew.body.error.message).toMatch(/has not been delivered yet/);
  });
});

// E-mail that cannot leave (nothing listens on the SMTP port): the download e-mail stays queued.
describeOnEachDatabase(
  'delivery e-mails still queued, download records and unknown-link limits',
  (server) => {
    const studioCall = (studio: TestStudio, method: string, url: string, body?: unknown) =>
      server().request(method, url, { token: studio.token, body, headers: { 'idempotency-key': crypto.randomUUID() } });

    async function deliveredOrder() {
      const studio = await server().newStudio();
      const gallery = await server().newGallery(studio, { photoCount: 1 });
      const session = await server().openGallery(gallery);
      const placed = await server().request('POST', '/v1/client/orders', {
        token: session,
        body: { deliveryMethodId: 'full', photoIds: [gallery.photos[0]?.id], contact, note: '' },
      });
      const orderId = placed.body.id as string;
      const bytes = JPEGS[2]?.bytes as Buffer;
      const digest = await server().app.proofdesk.storage.put(Readable.from([bytes]));
      const file = {
        photoId: gallery.photos[0]?.id,
        set: 'web',
        name: 'Zdjęcie 1.jpg',
        sha256: digest,
        size: bytes.length,
        width: 9,
        height: 9,
      };
      expect((await studioCall(studio, 'PUT', `/v1/orders/${orderId}/delivery`, { files: [file] })).status).toBe(200);
      await studioCall(studio, 'POST', `/v1/orders/${orderId}/events`, { type: 'mark_paid', method: 'offline' });
      const delivered = await studioCall(studio, 'POST', `/v1/orders/${orderId}/events`, { type: 'deliver', fileCount: 1 });
      expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
      return { studio, orderId, delivered: delivered.body, bytes };
    }

    it('a new link re-renders the download e-mails still waiting to be sent', async () => {
      const { studio, orderId, delivered } = await deliveredOrder();
      const emailOf = () =>
        server()
          .app.proofdesk.db.selectFrom('order_emails')
          .selectAll()
          .where('order_id', '=', orderId)
          .where('kind', '=', 'client_download_links')
          .executeTakeFirstOrThrow();
      expect((await emailOf()).body_text).toContain(delivered.delivery.link);
      const renewed = await studioCall(studio, 'POST', `/v1/orders/${orderId}/delivery/link`, {});
      expect(renewed.status).toBe(200);
      const email = await emailOf();
      expect(email.status).toBe('queued');
      expect(email.body_text).toContain(renewed.body.delivery.link);
      expect(email.body_html).toContain(renewed.body.delivery.link);
      expect(email.body_text).not.toContain(delivered.delivery.link);
      // The default: 30 days again.
      expect(Date.parse(renewed.body.delivery.linkExpiresAt) - (Date.now() + server().clock.offsetMs)).toBeGreaterThan(30 * DAY - 60_000);
    });

    it('records a download once a minute, however many requests; HEAD and 304 record nothing', async () => {
      const { studio, orderId, delivered, bytes } = await deliveredOrder();
      const token = tokenOf(delivered.delivery.link);
      const fileId = delivered.delivery.files[0].fileId as string;
      const url = `/v1/downloads/${token}/files/${fileId}`;
      const get = (headers: Record<string, string> = {}) =>
        fetch(`${server().baseUrl}${url}`, { headers }).then(async (r) => [r.status, (await r.arrayBuffer()).byteLength]);
      expect(await fetch(`${server().baseUrl}${url}`, { method: 'HEAD' }).then((r) => r.status)).toBe(200);
      expect(await get({ 'if-none-match': `"${sha(bytes)}"` })).toEqual([304, 0]);
      expect(await Promise.all([get({ range: 'bytes=0-99' }), get({ range: 'bytes=100-' }), get()])).toEqual([
        [206, 100],
        [206, bytes.length - 100],
        [200, bytes.length],
      ]);
      // If-Range with another validator: the whole file, not the range of a file that changed.
      expect(await get({ range: 'bytes=0-99', 'if-range': '"elsewhere"' })).toEqual([200, bytes.length]);
      const downloads = async () =>
        (await server().request('GET', `/v1/orders/${orderId}`, { token: studio.token })).body.delivery.downloads;
      expect(await downloads()).toEqual([{ at: expect.any(String), what: 'Zdjęcie 1.jpg' }]);
      server().clock.offsetMs += 61_000;
      try {
        expect(await get()).toEqual([200, bytes.length]);
        expect((await downloads()).map((d: { what: string }) => d.what)).toEqual(['Zdjęcie 1.jpg', 'Zdjęcie 1.jpg']);
      } finally {
        server().clock.offsetMs -= 61_000;
      }
      const feed = await server().request('GET', '/v1/changes?after=0&limit=500', { token: studio.token });
      expect(feed.body.changes.filter((c: { type: string }) => c.type === 'order.downloaded')).toHaveLength(2);
    });

    it('answers 429 (JSON and page) after too many unknown links from one address, while real links keep working', async () => {
      const { delivered } = await deliveredOrder();
      const statuses: number[] = [];
      for (let i = 0; i < 21; i += 1) statuses.push((await server().request('GET', `/v1/downloads/${String(i).padStart(43, 'z')}`)).status);
      expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
      expect(statuses[20]).toBe(429);
      const page = await fetch(`${server().baseUrl}/d/${'q'.repeat(43)}`);
      expect(page.status).toBe(429);
      expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await page.text()).toContain('Too many requests from your network.');
      expect((await server().request('GET', `/v1/downloads/${tokenOf(delivered.delivery.link)}`)).status).toBe(200);
    });
  },
  { mail: { kind: 'smtp', url: 'smtp://127.0.0.1:9' }, mailSender: { pollIntervalMs: 3_600_000, retryDelaysMs: [3_600_000] } },
);
