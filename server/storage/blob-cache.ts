// Proofs are read far more often than written and never change (a blob's name is its sha256),
// so the bytes of recently served small blobs stay in memory: a cached proof costs no stat,
// open, read or close, and goes out in one write with a Content-Length. Bounded by total bytes,
// least recently used out first; a blob above the per-entry limit is streamed as before.
import type { Readable } from 'node:stream';
import type { BlobStorage } from './blob-storage';

export const BLOB_CACHE_MAX_BYTES = 64 * 1024 * 1024;
export const BLOB_CACHE_MAX_ENTRY_BYTES = 4 * 1024 * 1024;

export class BlobCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(
    private readonly storage: BlobStorage,
    private readonly maxBytes = BLOB_CACHE_MAX_BYTES,
    private readonly maxEntryBytes = BLOB_CACHE_MAX_ENTRY_BYTES,
  ) {}

  /** The blob's bytes (small blobs, from memory once read) or a stream of them; null when storage has none. */
  async read(sha256: string): Promise<Buffer | Readable | null> {
    const hit = this.entries.get(sha256);
    if (hit) {
      this.entries.delete(sha256);
      this.entries.set(sha256, hit);
      return hit;
    }
    if (!(await this.storage.has(sha256))) return null;
    const stream = await this.storage.get(sha256);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      // Too large to keep: stop reading (breaking out closes the file) and stream it afresh.
      if (size > this.maxEntryBytes) return this.storage.get(sha256);
      chunks.push(chunk);
    }
    const bytes = Buffer.concat(chunks, size);
    this.keep(sha256, bytes);
    return bytes;
  }

  private keep(sha256: string, bytes: Buffer): void {
    if (this.entries.has(sha256)) return;
    this.entries.set(sha256, bytes);
    this.bytes += bytes.length;
    for (const [key, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(key);
      this.bytes -= old.length;
    }
  }
}
