// One stored blob as a download: ETag (its sha256), Content-Disposition with the UTF-8 name, one
// byte range (206, or 416 past the end; If-Range with another ETag gets the whole file), an exact
// Content-Length, and HEAD answered from the headers alone. The client's delivery downloads and
// the retouch queue's files answer the same way.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BlobStorage } from '../storage/blob-storage';
import { parseByteRange } from './byte-range';
import { attachment } from './content-disposition';

const contentTypes: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  webp: 'image/webp',
  heic: 'image/heic',
  avif: 'image/avif',
};

export function contentTypeOf(name: string): string {
  return contentTypes[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** What the name of a file or zip on the receiver's disk may not contain (Windows is the strictest). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what is replaced
export const unsavable = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').trim();

export interface StoredFile {
  sha256: string;
  size: number;
  /** The name the file is saved under. */
  name: string;
}

/** Sends the file; `beforeBody` runs only when bytes are about to flow (a GET that is not 304/416), e.g. to record a download. */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  storage: BlobStorage,
  file: StoredFile,
  beforeBody: () => Promise<unknown> = async () => {},
): Promise<FastifyReply> {
  const { size } = file;
  const etag = `"${file.sha256}"`;
  reply
    .header('etag', etag)
    .header('accept-ranges', 'bytes')
    .header('content-disposition', attachment(unsavable(file.name)))
    .type(contentTypeOf(file.name));
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  const ifRange = request.headers['if-range'];
  const range = ifRange !== undefined && ifRange !== etag ? ({ kind: 'whole' } as const) : parseByteRange(request.headers.range, size);
  if (range.kind === 'unsatisfiable') {
    return reply.code(416).header('content-range', `bytes */${size}`).header('content-length', '0').send();
  }
  if (range.kind === 'partial') reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`);
  const length = range.kind === 'partial' ? range.end - range.start + 1 : size;
  reply.header('content-length', String(length));
  if (request.method === 'HEAD') return reply.send();
  const stream = await storage.get(file.sha256, range.kind === 'partial' ? { start: range.start, end: range.end } : undefined);
  try {
    await beforeBody();
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return reply.send(stream);
}
