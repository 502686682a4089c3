import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readZipDirectory, zipEntryDigest } from '../../test/helpers/zip-reader';
import type { BlobStorage } from '../storage/blob-storage';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { deliveryZip, installNativeCrc32 } from './delivery-zip';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const hasUnzip = spawnSync('sh', ['-c', 'command -v unzip']).status === 0;

describe('deliveryZip', () => {
  let dir: string;
  let storage: LocalDiskStorage;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-zip-'));
    storage = new LocalDiskStorage(path.join(dir, 'files'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('streams the files STOREd under their folder, exactly as long as announced, readable by a zip reader and unzip', async () => {
    const files = [
      { name: 'IMG_0001.jpg', data: randomBytes(300_000) },
      { name: 'Żółć – ślub.jpg', data: randomBytes(70_000) },
      { name: 'empty-ish.jpg', data: randomBytes(1) },
    ];
    const entries = [];
    for (const f of files) {
      entries.push({ path: `Pełna rozdzielczość/${f.name}`, sha256: await storage.put(Readable.from([f.data])), size: f.data.length });
    }
    const zip = deliveryZip(storage, entries, new Date(Date.UTC(2026, 4, 1, 12)));
    const out = path.join(dir, 'out.zip');
    await pipeline(zip.stream, createWriteStream(out));
    expect((await fs.stat(out)).size).toBe(zip.size);

    const directory = await readZipDirectory(out);
    expect(directory.zip64).toBe(false);
    expect(directory.entries.map((e) => e.name)).toEqual(files.map((f) => `Pełna rozdzielczość/${f.name}`));
    for (const [i, entry] of directory.entries.entries()) {
      expect(entry).toMatchObject({ method: 0, utf8: true, uncompressedSize: files[i]?.data.length });
      const digest = await zipEntryDigest(out, entry);
      expect(digest).toEqual({ sha256: sha(files[i]?.data as Buffer), size: files[i]?.data.length, crcOk: true });
    }
    if (hasUnzip) {
      const tested = spawnSync('unzip', ['-t', out], { encoding: 'utf8' });
      expect(tested.status, tested.stdout + tested.stderr).toBe(0);
    }
  });

  it('closes the file being read and opens no more when the client goes away', async () => {
    const entries = [];
    for (let i = 0; i < 4; i += 1) {
      const data = randomBytes(2 * 1024 * 1024);
      entries.push({ path: `web/${i}.jpg`, sha256: await storage.put(Readable.from([data])), size: data.length });
    }
    const opened: Readable[] = [];
    const counting: BlobStorage = {
      put: (s, o) => storage.put(s, o),
      has: (s) => storage.has(s),
      size: (s) => storage.size(s),
      delete: (s) => storage.delete(s),
      get: async (s, r) => {
        const stream = await storage.get(s, r);
        opened.push(stream);
        return stream;
      },
    };
    const zip = deliveryZip(counting, entries, new Date());
    let received = 0;
    await new Promise<void>((resolve) => {
      zip.stream.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > 100_000) {
          zip.stream.destroy();
          resolve();
        }
      });
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(opened.length).toBe(1);
    expect(opened.every((s) => s.destroyed)).toBe(true);
  });

  it('ends the zip with an error when a file cannot be read', async () => {
    const zip = deliveryZip(storage, [{ path: 'full/gone.jpg', sha256: 'a'.repeat(64), size: 10 }], new Date());
    await expect(pipeline(zip.stream, createWriteStream(path.join(dir, 'broken.zip')))).rejects.toThrow(/sha256/);
  });
});

describe('installNativeCrc32', () => {
  it('has given yazl the native CRC-32, which agrees with the JavaScript one', async () => {
    expect(installNativeCrc32()).toBe(true);
    const { createRequire } = await import('node:module');
    const fromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
    const crc = fromYazl('buffer-crc32') as { unsigned: (b: Buffer, p?: number) => number; nativeCrc32?: boolean };
    expect(crc.nativeCrc32).toBe(true);
    const data = randomBytes(100_000);
    const { crc32 } = await import('node:zlib');
    expect(crc.unsigned(data)).toBe(crc32(data));
    expect(crc.unsigned(data.subarray(50_000), crc.unsigned(data.subarray(0, 50_000)))).toBe(crc32(data));
  });
});
