// Content-addressed file storage: a blob's name is its sha256, so uploads deduplicate and
// no path is ever built from a file name or anything else a user typed. Local disk now; an
// S3-compatible adapter implements the same interface later (design §5).
import type { Readable } from 'node:stream';

export interface BlobStorage {
  /** Stores the stream's bytes and returns their sha256 (lowercase hex). Storing the same bytes twice keeps one copy. */
  put(source: Readable | AsyncIterable<Uint8Array>, options?: { maxBytes?: number }): Promise<string>;
  /** The blob's bytes; throws a not_found ApiError when there is none. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** Removes the blob; removing one that is not there is not an error. */
  delete(sha256: string): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}
