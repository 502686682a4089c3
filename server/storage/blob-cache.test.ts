import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobCache } from './blob-cache';
import type { BlobStorage } from './blob-storage';
import { LocalDiskStorage } from './local-disk-storage';

async function readAll(body: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('BlobCache', () => {
  let root: string;
  let disk: LocalDiskStorage;
  let gets: string[];
  let storage: BlobStorage;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-blob-cache-'));
    disk = new LocalDiskStorage(root);
    gets = [];
    storage = {
      put: (source, options) => disk.put(source, options),
      get: (sha256) => {
        gets.push(sha256);
        return disk.get(sha256);
      },
      has: (sha256) => disk.has(sha256),
      delete: (sha256) => disk.delete(sha256),
    };
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));
  const bytes = (size: number, seed: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * seed) % 251));

  it('reads a small blob from storage once, then answers the same bytes from memory', async () => {
    const data = bytes(200_000, 7);
    const digest = await storage.put(Readable.from([data]));
    const cache = new BlobCache(storage);
    expect(await cache.read(digest)).toEqual(data);
    expect(await cache.read(digest)).toEqual(data);
    expect(gets).toEqual([digest]);
  });

  it('answers null for a blob storage does not have, and streams one above the entry limit without keeping it', async () => {
    const cache = new BlobCache(storage, 1024 * 1024, 100_000);
    expect(await cache.read('a'.repeat(64))).toBeNull();
    const large = bytes(300_000, 3);
    const digest = await storage.put(Readable.from([large]));
    const first = await cache.read(digest);
    expect(Buffer.isBuffer(first)).toBe(false);
    expect(await readAll(first as Readable)).toEqual(large);
    expect(await readAll((await cache.read(digest)) as Readable)).toEqual(large);
    expect(gets.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps at most its byte budget, dropping the least recently used blob first', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map((seed) => storage.put(Readable.from([bytes(40_000, seed)]))));
    const cache = new BlobCache(storage, 100_000, 50_000);
    await cache.read(a as string);
    await cache.read(b as string);
    await cache.read(a as string); // a is now the most recently used
    await cache.read(c as string); // over budget: b goes
    gets.length = 0;
    await cache.read(a as string);
    await cache.read(c as string);
    expect(gets).toEqual([]);
    await cache.read(b as string);
    expect(gets).toEqual([b]);
  });
});
