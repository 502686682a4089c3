import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error';
import { LocalDiskStorage } from './local-disk-storage';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const streamOf = (data: Buffer, chunk = 1000) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += chunk) yield data.subarray(i, i + chunk);
    })(),
  );
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-storage-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('stores a stream under its sha256 and gives the same bytes back', async () => {
    const data = Buffer.from(Array.from({ length: 50_000 }, (_, i) => i % 251));
    const digest = await storage.put(streamOf(data));
    expect(digest).toBe(sha(data));
    expect(await storage.has(digest)).toBe(true);
    expect(await readAll(await storage.get(digest))).toEqual(data);
    // Content-addressed layout, nothing left in tmp/.
    await expect(fs.stat(path.join(root, digest.slice(0, 2), digest.slice(2, 4), digest))).resolves.toBeTruthy();
    expect(await fs.readdir(path.join(root, 'tmp'))).toEqual([]);
  });

  it('answers a blob’s size (null when there is none) and a byte range of it', async () => {
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 241));
    const digest = await storage.put(streamOf(data));
    expect(await storage.size(digest)).toBe(10_000);
    expect(await storage.size('0'.repeat(64))).toBeNull();
    expect(await readAll(await storage.get(digest, { start: 100, end: 199 }))).toEqual(data.subarray(100, 200));
    expect(await readAll(await storage.get(digest, { start: 9_999, end: 9_999 }))).toEqual(data.subarray(9_999));
  });

  it('keeps one copy of the same bytes stored twice', async () => {
    const data = Buffer.from('the same proof twice');
    const first = await storage.put(streamOf(data));
    const second = await storage.put(Readable.from([data]));
    expect(second).toBe(first);
    expect(await fs.readdir(path.join(root, first.slice(0, 2), first.slice(2, 4)))).toEqual([first]);
    expect(await fs.readdir(path.join(root, 'tmp'))).toEqual([]);
  });

  it('deletes, and deleting twice is fine', async () => {
    const digest = await storage.put(Readable.from([Buffer.from('x')]));
    await storage.delete(digest);
    await storage.delete(digest);
    expect(await storage.has(digest)).toBe(false);
    await expect(storage.get(digest)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('never builds a path from anything but a sha256', async () => {
    for (const bad of ['../../etc/passwd', 'ABCDEF', `${'a'.repeat(63)}/`, `${'A'.repeat(64)}`]) {
      await expect(storage.has(bad)).rejects.toBeInstanceOf(ApiError);
      await expect(storage.get(bad)).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(storage.delete(bad)).rejects.toMatchObject({ code: 'invalid_input' });
    }
  });

  it('refuses a stream over maxBytes and leaves no partial file', async () => {
    const data = Buffer.alloc(10_000, 7);
    await expect(storage.put(streamOf(data), { maxBytes: 5_000 })).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(await fs.readdir(path.join(root, 'tmp'))).toEqual([]);
    expect(await storage.has(sha(data))).toBe(false);
  });

  it('leaves no partial file when the source fails midway', async () => {
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('half a photo');
        throw new Error('connection reset');
      })(),
    );
    await expect(storage.put(failing)).rejects.toThrow('connection reset');
    expect(await fs.readdir(path.join(root, 'tmp'))).toEqual([]);
  });
});
