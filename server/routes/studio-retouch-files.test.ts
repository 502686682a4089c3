// The retouch queue's files through the API: a photo's original is named only once uploaded and
// then shows on every task of the photo; originals and versions download whole or in ranges, only
// by their own studio; a batch's originals come as one zip with unique names, checked by a zip
// reader written from the format and by unzip.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readZipDirectory, zipEntryDigest } from '../../test/helpers/zip-reader';
import { uniqueZipNames } from '../retouch/originals-zip';
import { orderWaitingToRetouch, retouchCalls, retouchFeed, sha256Of, uploadBytes } from '../test-support/retouch-fixtures';
import { describeOnEachDatabase, fakeJpeg } from '../test-support/test-server';

let tempDir: string;
beforeAll(async () => {
  tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-retouch-files-'));
});
afterAll(() => fs.rm(tempDir, { recursive: true, force: true }));

it('names in a zip are unique as Windows and macOS compare them, keeping the extension', () => {
  expect(uniqueZipNames(['IMG_1.CR3', 'img_1.cr3', 'IMG_1.CR3', 'IMG_2.jpg', 'IMG_1 (2).CR3', 'a/b.jpg'])).toEqual([
    'IMG_1.CR3',
    'img_1 (2).cr3',
    'IMG_1 (3).CR3',
    'IMG_2.jpg',
    'IMG_1 (2) (2).CR3',
    'a_b.jpg',
  ]);
});

describeOnEachDatabase('retouch queue: files', (server) => {
  it('an original is named once uploaded, shows on every task of its photo, downloads whole and in ranges, and only for its studio', async () => {
    const { studio, gallery, order } = await orderWaitingToRetouch(server(), { photoCount: 1 });
    const desk = retouchCalls(server, studio);
    const photoId = gallery.photos[0]?.id as string;
    const byHand = (await desk.create({ photoId, galleryId: gallery.id })).body.task.id as string;
    const feedBefore = (await retouchFeed(server(), studio)).length;

    const bytes = fakeJpeg(4000);
    const original = { sha256: sha256Of(bytes), name: 'IMG_0001.CR3', size: bytes.length };
    const early = await desk.putOriginal(photoId, original);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      missingFiles: [original.sha256],
      message: expect.stringMatching(/^IMG_0001\.CR3 has not been uploaded yet/),
    });
    await uploadBytes(server(), studio, bytes);
    const put = await desk.putOriginal(photoId, original);
    expect(put.status).toBe(200);
    expect(put.body.tasks).toHaveLength(2);
    for (const view of put.body.tasks) expect(view.photo.original).toEqual(original);
    expect(put.body.tasks.map((v: { task: { id: string } }) => v.task.id)).toContain(byHand);
    expect((await desk.list(order.id)).body.tasks[0].photo.original).toEqual(original);
    expect(await retouchFeed(server(), studio)).toHaveLength(feedBefore + 2);
    // The same original again changes nothing.
    expect((await desk.putOriginal(photoId, original)).body.tasks.map((v: { revision: number }) => v.revision)).toEqual(
      put.body.tasks.map((v: { revision: number }) => v.revision),
    );
    expect(await retouchFeed(server(), studio)).toHaveLength(feedBefore + 2);

    const whole = await fetch(`${server().baseUrl}/v1/retouch/files/${original.sha256}`, {
      headers: { authorization: `Bearer ${studio.token}` },
    });
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    expect(whole.headers.get('content-length')).toBe(String(bytes.length));
    expect(whole.headers.get('etag')).toBe(`"${original.sha256}"`);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-disposition')).toBe(`attachment; filename="IMG_0001.CR3"; filename*=UTF-8''IMG_0001.CR3`);
    const part = await fetch(`${server().baseUrl}/v1/retouch/files/${original.sha256}`, {
      headers: { authorization: `Bearer ${studio.token}`, range: 'bytes=100-199' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    const tail = await desk.file(original.sha256, { range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect((await desk.file(original.sha256, { range: `bytes=${bytes.length}-` })).status).toBe(416);
    const head = await server().request('HEAD', `/v1/retouch/files/${original.sha256}`, { token: studio.token });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));

    // A version is the studio's file too, once submitted.
    const marek = retouchCalls(server, await server().pairAnotherDevice(studio), 'Marek');
    await marek.claim(byHand);
    const edit = fakeJpeg(300);
    const editSha = await uploadBytes(server(), studio, edit);
    expect((await desk.file(editSha)).status).toBe(404); // Uploaded, but not yet a version of a task.
    await marek.event(byHand, {
      type: 'submit',
      version: { sha256: editSha, name: 'IMG_0001-edit.jpg', size: edit.length, width: 10, height: 10 },
    });
    const version = await desk.file(editSha);
    expect(version.status).toBe(200);
    expect(version.headers.get('content-type')).toBe('image/jpeg');

    // Another studio: 404, even when it uploads the same bytes itself (the blob is shared, the queue is not).
    const other = await server().newStudio('Other Studio');
    const stranger = retouchCalls(server, other);
    const refused = await stranger.file(original.sha256);
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toMatch(/not an original or a version in this studio’s retouch queue/);
    await uploadBytes(server(), other, bytes);
    expect((await stranger.file(original.sha256)).status).toBe(404);
    expect((await stranger.file(editSha)).status).toBe(404);
    // A stored proof is no file of the queue either.
    expect((await desk.file(gallery.photos[0]?.proofSha256 as string)).status).toBe(404);
    expect((await desk.file('not-a-sha')).status).toBe(400);
  });

  it('a batch’s originals as one STOREd zip: one entry per photo, unique names, exact length; 409 naming what is not uploaded, 404 for what is not the studio’s', async () => {
    const studio = await server().newStudio();
    const desk = retouchCalls(server, studio);
    const files = [fakeJpeg(5000), fakeJpeg(7000), fakeJpeg(3000)];
    const tasks: string[] = [];
    for (const [i, photoId] of ['p-1', 'p-2', 'p-3'].entries()) {
      tasks.push((await desk.create({ photoId, name: i === 2 ? 'IMG_0002.jpg' : 'IMG_0001.jpg' })).body.task.id);
    }
    // A second task of p-1: the photo is still in the zip once.
    tasks.push((await desk.create({ photoId: 'p-1', brief: 'Also the sky' })).body.task.id);
    const zipUrl = (ids: string[]) => `/v1/retouch/originals.zip?tasks=${ids.join(',')}`;

    const first = files[0] as Buffer;
    await uploadBytes(server(), studio, first);
    expect((await desk.putOriginal('p-1', { sha256: sha256Of(first), name: 'IMG_0001.CR3', size: first.length })).status).toBe(200);
    const waiting = await server().request('GET', zipUrl(tasks), { token: studio.token });
    expect(waiting.status).toBe(409);
    expect(waiting.body.error.message).toBe(
      'The originals of 2 photos have not been uploaded yet (IMG_0001.jpg, IMG_0002.jpg). The laptop that holds them uploads them when it is online; try again then, or leave those photos out of the batch.',
    );
    expect(waiting.body.error.tasksWithoutOriginal).toEqual([tasks[1], tasks[2]]);

    for (const [i, photoId] of ['p-2', 'p-3'].entries()) {
      const bytes = files[i + 1] as Buffer;
      await uploadBytes(server(), studio, bytes);
      await desk.putOriginal(photoId, { sha256: sha256Of(bytes), name: i === 0 ? 'img_0001.cr3' : 'IMG_0002.CR3', size: bytes.length });
    }
    const response = await fetch(`${server().baseUrl}${zipUrl(tasks)}`, { headers: { authorization: `Bearer ${studio.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('Originals to retouch (3 photos).zip');
    const zipBytes = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('content-length')).toBe(String(zipBytes.length));
    const out = path.join(tempDir, `${randomUUID()}.zip`);
    await fs.writeFile(out, zipBytes);
    const directory = await readZipDirectory(out);
    expect(directory.entries.map((e) => e.name)).toEqual(['IMG_0001.CR3', 'img_0001 (2).cr3', 'IMG_0002.CR3']);
    for (const [i, entry] of directory.entries.entries()) {
      expect(entry.method).toBe(0);
      expect(await zipEntryDigest(out, entry)).toEqual({ sha256: sha256Of(files[i] as Buffer), size: files[i]?.length, crcOk: true });
    }
    const tested = spawnSync('unzip', ['-t', out], { encoding: 'utf8' });
    expect(tested.status, tested.stdout + tested.stderr).toBe(0);
    const listed = spawnSync('unzip', ['-Z1', out], { encoding: 'utf8' });
    expect(listed.stdout.trim().split('\n')).toEqual(['IMG_0001.CR3', 'img_0001 (2).cr3', 'IMG_0002.CR3']);
    const head = await server().request('HEAD', zipUrl(tasks), { token: studio.token });
    expect(head.headers.get('content-length')).toBe(String(zipBytes.length));

    const other = await server().newStudio('Other Studio');
    const foreign = await server().request('GET', zipUrl(tasks.slice(0, 1)), { token: other.token });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toMatch(/^This task is not in this studio's retouch queue/);
    const unknown = await server().request('GET', zipUrl([tasks[0] as string, 'nope']), { token: studio.token });
    expect(unknown.body.error).toMatchObject({ code: 'not_found', unknownTasks: ['nope'] });
    const none = await server().request('GET', '/v1/retouch/originals.zip', { token: studio.token });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/tasks=<id>,<id>/);
  });
});
