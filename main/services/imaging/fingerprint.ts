// A content fingerprint for re-linking a photo that reappears under a new path (rename, move,
// re-import): size + SHA-256 of the first and last MiB + capture time. Cheap on 80 MB RAWs,
// and editors that rewrite metadata in place change the head, so an edited file is "new".
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { imagingErrors } from './imaging-errors';

export const FINGERPRINT_CHUNK = 1024 * 1024;

export interface Fingerprint {
  size: number;
  /** SHA-256 (hex) of the first MiB followed by the last MiB (the whole file when ≤ 2 MiB). */
  headTailSha256: string;
  /** As passed in: the camera-local capture time, or null. */
  captureTime: string | null;
  /** All three in one string, for a catalog index. */
  key: string;
}

export async function fingerprint(filePath: string, captureTime: string | null = null): Promise<Fingerprint> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(filePath, 'r');
  } catch (error) {
    throw imagingErrors.fromFs(error, filePath);
  }
  try {
    const { size } = await handle.stat();
    const hash = createHash('sha256');
    if (size <= 2 * FINGERPRINT_CHUNK) {
      hash.update(await readAt(handle, 0, size));
    } else {
      hash.update(await readAt(handle, 0, FINGERPRINT_CHUNK));
      hash.update(await readAt(handle, size - FINGERPRINT_CHUNK, FINGERPRINT_CHUNK));
    }
    const headTailSha256 = hash.digest('hex');
    return { size, headTailSha256, captureTime, key: `${size}:${headTailSha256}:${captureTime ?? ''}` };
  } catch (error) {
    throw imagingErrors.fromParse(error, filePath);
  } finally {
    await handle.close();
  }
}

async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buf, done, length - done, position + done);
    if (bytesRead === 0) throw imagingErrors.truncated(); // the file shrank while we read it
    done += bytesRead;
  }
  return buf;
}
