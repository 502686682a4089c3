import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { UPLOAD_CHUNK_MAX_BYTES } from '../../shared/schemas/hosted-api';
import { describeOnEachDatabase, type TestStudio } from '../test-support/test-server';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describeOnEachDatabase('chunked resumable uploads', (server) => {
  const start = (studio: TestStudio, data: Buffer, size = data.length) =>
    server().request('POST', '/v1/uploads', { token: studio.token, body: { sha256: sha(data), size } });
  const chunk = (studio: TestStudio, uploadId: string, offset: number, bytes: Buffer) =>
    server().request('PUT', `/v1/uploads/${uploadId}?offset=${offset}`, { token: studio.token, body: bytes });
  const finish = (studio: TestStudio, uploadId: string, headers: Record<string, string> = {}) =>
    server().request('POST', `/v1/uploads/${uploadId}/finish`, { token: studio.token, headers });
  const partialFile = (uploadId: string) => path.join(server().config.dataDir, 'uploads', `${uploadId}.part`);

  it('uploads in chunks, verifies and stores the blob under its sha256', async () => {
    const studio = await server().newStudio();
    const data = randomBytes(300_000);
    const started = await start(studio, data);
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ uploadId: expect.stringMatching(/^[0-9a-f-]{36}$/), received: 0, complete: false });
    const { uploadId } = started.body;
    for (let offset = 0; offset < data.length; offset += 100_000) {
      const res = await chunk(studio, uploadId, offset, data.subarray(offset, offset + 100_000));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ uploadId, received: Math.min(offset + 100_000, data.length), complete: false });
    }
    const done = await finish(studio, uploadId);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ uploadId, received: data.length, complete: true });
    expect(await readAll(await server().app.proofdesk.storage.get(sha(data)))).toEqual(data);
    await expect(fs.stat(partialFile(uploadId))).rejects.toMatchObject({ code: 'ENOENT' });
    // Finishing again is harmless.
    expect((await finish(studio, uploadId)).body).toEqual({ uploadId, received: data.length, complete: true });
  });

  it('deduplicates: content the server already has is complete at once, for any studio', async () => {
    const data = randomBytes(5000);
    await server().app.proofdesk.storage.put(Readable.from([data]));
    const studio = await server().newStudio();
    const res = await start(studio, data);
    expect(res.body).toEqual({ uploadId: expect.any(String), received: 5000, complete: true });
    expect((await finish(studio, res.body.uploadId)).body.complete).toBe(true);
  });

  it('a chunk at the wrong offset gets 409 with the offset to resume from; starting again resumes the same upload', async () => {
    const studio = await server().newStudio();
    const data = randomBytes(30_000);
    const { uploadId } = (await start(studio, data)).body;
    await chunk(studio, uploadId, 0, data.subarray(0, 10_000));
    for (const offset of [0, 5000, 20_000]) {
      const wrong = await chunk(studio, uploadId, offset, data.subarray(offset, offset + 10_000));
      expect(wrong.status).toBe(409);
      expect(wrong.body.error).toEqual({
        code: 'conflict',
        message: 'The server has 10000 bytes of this upload. Resume by sending the bytes from offset 10000.',
        expectedOffset: 10_000,
      });
    }
    expect((await start(studio, data)).body).toEqual({ uploadId, received: 10_000, complete: false });
    const early = await finish(studio, uploadId);
    expect(early.status).toBe(409);
    expect(early.body.error.expectedOffset).toBe(10_000);
    await chunk(studio, uploadId, 10_000, data.subarray(10_000));
    expect((await finish(studio, uploadId)).body.complete).toBe(true);
    const after = await chunk(studio, uploadId, 30_000, Buffer.from('x'));
    expect(after.status).toBe(409);
    expect(after.body.error.message).toMatch(/already complete/);
  });

  it('a sha256 mismatch at finish is 422 and the partial data is discarded', async () => {
    const studio = await server().newStudio();
    const data = randomBytes(20_000);
    const { uploadId } = (await start(studio, data)).body;
    const corrupted = Buffer.from(data);
    corrupted[123] = (corrupted[123] ?? 0) ^ 0xff;
    await chunk(studio, uploadId, 0, corrupted);
    const res = await finish(studio, uploadId);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.message).toMatch(/do not match the file.*discarded; upload the file again/);
    await expect(fs.stat(partialFile(uploadId))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await server().app.proofdesk.storage.has(sha(data))).toBe(false);
    expect(await server().app.proofdesk.storage.has(sha(corrupted))).toBe(false);
    const again = await start(studio, data);
    expect(again.body).toMatchObject({ received: 0, complete: false });
    expect(again.body.uploadId).not.toBe(uploadId);
  });

  it('refuses chunks past the declared size, empty ones, JSON ones and ones over 8 MiB', async () => {
    const studio = await server().newStudio();
    const data = randomBytes(UPLOAD_CHUNK_MAX_BYTES + 10);
    const { uploadId } = (await start(studio, data)).body;
    const tooBig = await chunk(studio, uploadId, 0, data);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toContain('8 MiB');
    const exactly = await chunk(studio, uploadId, 0, data.subarray(0, UPLOAD_CHUNK_MAX_BYTES));
    expect(exactly.status).toBe(200);
    const past = await chunk(studio, uploadId, UPLOAD_CHUNK_MAX_BYTES, randomBytes(11));
    expect(past.status).toBe(400);
    expect(past.body.error.message).toMatch(/past the \d+ bytes declared/);
    const empty = await chunk(studio, uploadId, UPLOAD_CHUNK_MAX_BYTES, Buffer.alloc(0));
    expect(empty.status).toBe(400);
    const json = await server().request('PUT', `/v1/uploads/${uploadId}?offset=${UPLOAD_CHUNK_MAX_BYTES}`, {
      token: studio.token,
      body: { bytes: 'abc' },
    });
    expect(json.status).toBe(415);
    expect(json.body.error.message).toMatch(/application\/octet-stream/);
    const noOffset = await server().request('PUT', `/v1/uploads/${uploadId}`, { token: studio.token, body: Buffer.from('x') });
    expect(noOffset.status).toBe(400);
    expect(noOffset.body.error.fields).toHaveProperty('offset');
    // A start larger than 200 MiB is refused before anything is written.
    const huge = await server().request('POST', '/v1/uploads', {
      token: studio.token,
      body: { sha256: 'a'.repeat(64), size: 300 * 1024 * 1024 },
    });
    expect(huge.status).toBe(400);
  });

  it('an upload belongs to its studio: another studio gets 404 for it', async () => {
    const mine = await server().newStudio();
    const theirs = await server().newStudio();
    const data = randomBytes(1000);
    const { uploadId } = (await start(mine, data)).body;
    expect((await chunk(theirs, uploadId, 0, data)).status).toBe(404);
    expect((await finish(theirs, uploadId)).status).toBe(404);
    expect((await chunk(mine, uploadId, 0, data)).status).toBe(200);
  });

  it('survives a server restart mid-upload: the partial bytes stay on disk and the upload resumes', async () => {
    const studio = await server().newStudio();
    const data = randomBytes(250_000);
    const { uploadId } = (await start(studio, data)).body;
    await chunk(studio, uploadId, 0, data.subarray(0, 100_000));
    await chunk(studio, uploadId, 100_000, data.subarray(100_000, 200_000));

    await server().restart();
    expect((await fs.stat(partialFile(uploadId))).size).toBe(200_000);

    // What a studio does after a crash: ask again where to resume, then send the rest.
    expect((await start(studio, data)).body).toEqual({ uploadId, received: 200_000, complete: false });
    const stale = await chunk(studio, uploadId, 100_000, data.subarray(100_000, 200_000));
    expect(stale.body.error.expectedOffset).toBe(200_000);
    expect((await chunk(studio, uploadId, 200_000, data.subarray(200_000))).status).toBe(200);
    expect((await finish(studio, uploadId)).body).toEqual({ uploadId, received: 250_000, complete: true });
    expect(await readAll(await server().app.proofdesk.storage.get(sha(data)))).toEqual(data);
  });

  it('a chunk cut off mid-request does not move the offset', async () => {
    const studio = await server().newStudio();
    const data = randomBytes(100_000);
    const { uploadId } = (await start(studio, data)).body;
    const url = new URL(`${server().baseUrl}/v1/uploads/${uploadId}?offset=0`);
    await new Promise<void>((resolve) => {
      const req = http.request(url, {
        method: 'PUT',
        headers: { authorization: `Bearer ${studio.token}`, 'content-type': 'application/octet-stream', 'content-length': data.length },
      });
      req.on('error', () => resolve());
      req.on('response', (res) => {
        res.resume();
        resolve();
      });
      req.write(data.subarray(0, 40_000), () => setTimeout(() => req.destroy(), 50));
    });
    expect((await start(studio, data)).body.received).toBe(0);
    expect((await chunk(studio, uploadId, 0, data)).body.received).toBe(100_000);
  });

  it('finish replayed with one Idempotency-Key answers the same; uploaded proofs unblock publishing', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio, { publish: false });
    const data = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(2000)]);
    await server().request('PUT', `/v1/galleries/${gallery.id}`, {
      token: studio.token,
      body: {
        clientId: gallery.clientId,
        title: gallery.title,
        settings: gallery.settings,
        deliveryMethods: gallery.deliveryMethods,
        photos: [...gallery.photos, { id: 'new-photo', name: 'IMG_9.jpg', proofSha256: sha(data), width: 10, height: 10 }],
      },
    });
    expect((await server().request('POST', `/v1/galleries/${gallery.id}/publish`, { token: studio.token })).status).toBe(409);
    const { uploadId } = (await start(studio, data)).body;
    await chunk(studio, uploadId, 0, data);
    const first = await finish(studio, uploadId, { 'idempotency-key': 'finish-1' });
    const again = await finish(studio, uploadId, { 'idempotency-key': 'finish-1' });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await server().request('POST', `/v1/galleries/${gallery.id}/publish`, { token: studio.token })).status).toBe(200);
  });
});
