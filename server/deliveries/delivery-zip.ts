// One set of a delivery as one zip, streamed (yazl): each file is opened only when its turn comes
// (addReadStreamLazy) and flows through with backpressure, so memory stays flat whatever the set
// weighs; only the central directory (under 100 bytes a file) is kept. Photos are JPEGs, which
// deflate cannot shrink, so entries are STOREd: the zip's length is then known before the first
// byte (yazl's calculated total size, zip64 records included when sizes or offsets need them),
// and the answer carries an exact Content-Length, so browsers show progress and detect a cut.
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { ZipFile } from 'yazl';
import type { BlobStorage } from '../storage/blob-storage';

type Crc32Module = { unsigned: (data: Buffer, previous?: number | Buffer) => number };

/**
 * yazl takes each entry's CRC-32 from buffer-crc32, a JavaScript loop (~0.5 GB/s here) that was
 * most of a zip's CPU time; Node's zlib.crc32 (native, ~6 GB/s) computes the same number. The very
 * module yazl loaded is given the native function, once (on the first zip), after checking both agree; anything
 * unexpected leaves yazl's own in place. Answers whether the native one is in use.
 */
export function installNativeCrc32(): boolean {
  try {
    const fromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
    const crc = fromYazl('buffer-crc32') as Crc32Module & { nativeCrc32?: true };
    if (crc.nativeCrc32) return true;
    const original = crc.unsigned;
    if (typeof zlib.crc32 !== 'function') return false;
    const sample = Buffer.from('Proofdesk delivery: Żółć 0123456789');
    if (original(sample) !== zlib.crc32(sample) || original(sample, 0xdeadbeef) !== zlib.crc32(sample, 0xdeadbeef)) return false;
    crc.unsigned = (data, previous) =>
      previous === undefined || typeof previous === 'number' ? zlib.crc32(data, previous ?? 0) : original(data, previous);
    crc.nativeCrc32 = true;
    return true;
  } catch {
    return false;
  }
}

export interface ZipEntry {
  /** The path inside the zip, e.g. "Full resolution/IMG_0412.jpg". */
  path: string;
  sha256: string;
  size: number;
}

export interface DeliveryZip {
  stream: Readable;
  /** The exact length in bytes. */
  size: number;
}

export function deliveryZip(storage: BlobStorage, entries: readonly ZipEntry[], mtime: Date): DeliveryZip {
  installNativeCrc32();
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  // The file being copied now: closed with the zip when the client goes away (Fastify destroys
  // the answer's stream), so an aborted download leaves no file open.
  let active: Readable | null = null;
  let closed = false;
  output.once('close', () => {
    closed = true;
    active?.destroy();
  });
  zip.on('error', (error: Error) => output.destroy(error));
  const stopped = () => new Error('The zip download was stopped.');
  for (const entry of entries) {
    zip.addReadStreamLazy(entry.path, { size: entry.size, compress: false, mtime }, (callback) => {
      if (closed) return callback(stopped(), undefined as unknown as NodeJS.ReadableStream);
      storage.get(entry.sha256).then(
        (stream) => {
          if (closed) {
            stream.destroy();
            return callback(stopped(), undefined as unknown as NodeJS.ReadableStream);
          }
          active = stream;
          // yazl pipes the stream but does not listen for its errors: a failed read ends the zip with it.
          stream.once('error', (error) => zip.emit('error', error));
          stream.once('close', () => {
            if (active === stream) active = null;
          });
          callback(null, stream);
        },
        (error: unknown) => callback(error, undefined as unknown as NodeJS.ReadableStream),
      );
    });
  }
  let size = -1;
  // The typings say () => void; yazl passes the total, or -1 when it cannot be known.
  (zip.end as (options: object, callback: (total: number) => void) => void)({}, (total) => {
    size = total;
  });
  if (size < 0) {
    output.destroy();
    throw new Error('The zip length could not be calculated: every entry needs its size and no compression.');
  }
  return { stream: output, size };
}
