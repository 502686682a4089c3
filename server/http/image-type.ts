// The Content-Type of a stored proof, from its first bytes: blobs are stored by sha256 only,
// and with `nosniff` the browser trusts this header, so it must be right.
import type { Readable } from 'node:stream';

export function imageTypeOf(head: Buffer): string {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (head.subarray(4, 8).toString('latin1') === 'ftyp' && head.subarray(8, 12).toString('latin1') === 'avif') return 'image/avif';
  return 'application/octet-stream';
}

/** The stream's first chunk, pushed back so the stream still yields every byte. */
export function peekStart(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (head: Buffer) => {
      stream.off('readable', onReadable).off('end', onEnd).off('error', reject);
      resolve(head);
    };
    const onReadable = () => {
      const chunk = stream.read() as Buffer | null;
      if (chunk === null) return;
      stream.unshift(chunk);
      done(chunk);
    };
    const onEnd = () => done(Buffer.alloc(0));
    stream.on('readable', onReadable).once('end', onEnd).once('error', reject);
  });
}
