// BlobStorage on the local disk: <root>/<ab>/<cd>/<sha256>. A write streams into tmp/,
// hashing as it goes, fsyncs, then renames into place, so a crash never leaves a partial
// blob under a real name. Two fan-out levels keep directories small for large studios.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ApiError } from '../http/api-error';
import { type BlobStorage, type ByteRange, isSha256Hex } from './blob-storage';

const LARGE_BLOB_BYTES = 8 * 1024 * 1024;

export class LocalDiskStorage implements BlobStorage {
  private readonly tmpDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = path.join(root, 'tmp');
  }

  private pathFor(sha256: string): string {
    // The only input to a path is a validated hex digest: never a user string.
    if (!isSha256Hex(sha256))
      throw new ApiError('invalid_input', 'A file is identified by its sha256: 64 lowercase hexadecimal characters.');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: Readable | AsyncIterable<Uint8Array>, options: { maxBytes?: number } = {}): Promise<string> {
    await fs.mkdir(this.tmpDir, { recursive: true, mode: 0o700 });
    const tmp = path.join(this.tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    const handle = await fs.open(tmp, 'wx', 0o600);
    let size = 0;
    try {
      for await (const chunk of source) {
        size += chunk.byteLength;
        if (options.maxBytes !== undefined && size > options.maxBytes) {
          throw new ApiError('payload_too_large', `The file is larger than the ${options.maxBytes} bytes allowed here.`);
        }
        hash.update(chunk);
        await handle.write(chunk);
      }
      await handle.sync();
    } catch (error) {
      await handle.close();
      await fs.rm(tmp, { force: true });
      throw error;
    }
    await handle.close();

    const sha256 = hash.digest('hex');
    const target = this.pathFor(sha256);
    if (await this.has(sha256)) {
      await fs.rm(tmp, { force: true });
      return sha256;
    }
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await fs.rename(tmp, target);
    await syncDirectory(path.dirname(target));
    return sha256;
  }

  async get(sha256: string, range?: ByteRange): Promise<Readable> {
    const file = this.pathFor(sha256);
    const size = await this.size(sha256);
    if (size === null) throw new ApiError('not_found', `No stored file has the sha256 ${sha256}. Upload it first.`);
    // Large blobs (delivered files, zips of them) in 1 MiB reads: a sixteenth of the calls and chunks.
    const highWaterMark = size > LARGE_BLOB_BYTES ? 1024 * 1024 : 64 * 1024;
    return createReadStream(file, range ? { start: range.start, end: range.end, highWaterMark } : { highWaterMark });
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.size(sha256)) !== null;
  }

  async size(sha256: string): Promise<number | null> {
    try {
      const stat = await fs.stat(this.pathFor(sha256));
      return stat.isFile() ? stat.size : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await fs.rm(this.pathFor(sha256), { force: true });
  }
}

/** Makes the rename itself durable. Windows cannot open a directory for fsync; NTFS journals renames. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
