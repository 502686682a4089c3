// The local side of an upload: check the file is still the one that was queued (same size
// and SHA-256, design §4: a file is identified by its hash) and read it chunk by chunk, so a
// large file is never held in memory whole.
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';

export type LocalFileCheck = { ok: true } | { ok: false; message: string };

export async function checkLocalFile(file: string, sha256: string, size: number): Promise<LocalFileCheck> {
  let actualSize: number;
  try {
    actualSize = (await fs.stat(file)).size;
  } catch {
    return { ok: false, message: `${file} is no longer there, so it was not uploaded. Publish the gallery again to send it.` };
  }
  if (actualSize !== size || (await hashFile(file)) !== sha256) {
    return {
      ok: false,
      message: `${file} changed after it was queued, so it was not uploaded. Publish the gallery again to send the new version.`,
    };
  }
  return { ok: true };
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function readChunk(file: string, offset: number, length: number): Promise<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
