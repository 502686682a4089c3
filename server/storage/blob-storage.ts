// Content-addressed file storage: a blob's name is its sha256, so uploads deduplicate and
// no path is ever built from a file name or anything else a user typed. Local disk now; an
// S3-compatible adapter implements the same interface later (design §5).
import type { Readable } from 'node:stream';

export interface BlobStorage {
  /** Stores the stream's bytes and returns their sha256 (lowercase hex). Storing the same bytes twice keeps one copy. */
  put(source: Readable | AsyncIterable<Uint8Array>, options?: { maxBytes?: number }): Promise<string>;
  /** The blob's bytes, or those of `range` (inclusive offsets); throws a not_found ApiError when there is none. */
  get(sha256: string, range?: ByteRange): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** The blob's size in bytes, or null when there is none (blobSize() reads the bytes when a storage has no cheaper way). */
  size?(sha256: string): Promise<number | null>;
  /** Removes the blob; removing one that is not there is not an error. */
  delete(sha256: string): Promise<void>;
}

/** Bytes start…end of a blob, both inclusive (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}

/** A blob's size, or null when there is none: the storage's own answer, else by reading it through. */
export async function blobSize(storage: BlobStorage, sha256: string): Promise<number | null> {
  if (storage.size) return storage.size(sha256);
  if (!(await storage.has(sha256))) return null;
  let size = 0;
  for await (const chunk of await storage.get(sha256)) size += (chunk as Buffer).length;
  return size;
}
