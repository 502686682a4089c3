// One set of a delivery as one zip, streamed (yazl): each file is opened only when its turn comes
// (addReadStreamLazy) and flows through with backpressure, so memory stays flat whatever the set
// weighs; only the central directory (under 100 bytes a file) is kept. Photos are JPEGs, which
// deflate cannot shrink, so entries are STOREd: the zip's length is then known before the first
// byte (yazl's calculated total size, zip64 records included when sizes or offsets need them),
// and the answer carries an exact Content-Length, so browsers show progress and detect a cut.
import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { BlobStorage } from '../storage/blob-storage';

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
