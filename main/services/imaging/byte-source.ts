// Positional reads over a file (or a buffer) with a tiny block cache. RAW parsers hop between
// IFDs and boxes with dozens of small reads and then take one large preview; reading a whole
// 25–80 MB RAW into memory would cost more than the parse itself.
import { promises as fs } from 'node:fs';

const BLOCK = 64 * 1024;
const MAX_CACHED_BLOCKS = 16;

/** A read that reaches past the end of the data: the file is cut short or a pointer is bogus. */
export class OutOfRangeError extends Error {
  constructor(offset: number, length: number, size: number) {
    super(`read of ${length} bytes at ${offset} is past the end (${size} bytes)`);
    this.name = 'OutOfRangeError';
  }
}

/** Bytes that do not have the structure their header promises (a damaged or forged file). */
export class StructureError extends Error {
  override name = 'StructureError';
}

export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes at `offset`, or OutOfRangeError. */
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export function bufferSource(data: Buffer): ByteSource {
  return {
    size: data.length,
    async read(offset, length) {
      checkRange(offset, length, data.length);
      return data.subarray(offset, offset + length);
    },
    async close() {},
  };
}

export async function openFileSource(filePath: string): Promise<ByteSource> {
  const handle = await fs.open(filePath, 'r');
  const { size } = await handle.stat();
  const blocks = new Map<number, Buffer>();

  async function readExact(offset: number, length: number): Promise<Buffer> {
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(out, done, length - done, offset + done);
      // The file shrank under us (a copy being replaced): same as a cut-short file.
      if (bytesRead === 0) throw new OutOfRangeError(offset, length, offset + done);
      done += bytesRead;
    }
    return out;
  }

  async function block(index: number): Promise<Buffer> {
    const cached = blocks.get(index);
    if (cached) return cached;
    const start = index * BLOCK;
    const data = await readExact(start, Math.min(BLOCK, size - start));
    if (blocks.size >= MAX_CACHED_BLOCKS) {
      const oldest = blocks.keys().next().value;
      if (oldest !== undefined) blocks.delete(oldest);
    }
    blocks.set(index, data);
    return data;
  }

  return {
    size,
    async read(offset, length) {
      checkRange(offset, length, size);
      // Large reads (the preview itself) bypass the cache so they are not copied twice.
      if (length > BLOCK) return readExact(offset, length);
      const first = Math.floor(offset / BLOCK);
      const last = Math.floor((offset + length - 1) / BLOCK);
      if (length === 0) return Buffer.alloc(0);
      if (first === last) {
        const b = await block(first);
        return b.subarray(offset - first * BLOCK, offset - first * BLOCK + length);
      }
      const parts: Buffer[] = [];
      for (let i = first; i <= last; i++) parts.push(await block(i));
      const joined = Buffer.concat(parts);
      return joined.subarray(offset - first * BLOCK, offset - first * BLOCK + length);
    },
    close: () => handle.close(),
  };
}

function checkRange(offset: number, length: number, size: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    throw new OutOfRangeError(offset, length, size);
  }
}
