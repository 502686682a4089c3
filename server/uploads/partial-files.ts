// The bytes of unfinished uploads, on local disk under <dataDir>/uploads/<uploadId>.part, so
// an upload survives a server restart and resumes where it stopped. The file name is the
// server-issued upload UUID, never anything the user typed.
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class PartialFiles {
  constructor(private readonly root: string) {}

  private pathFor(uploadId: string): string {
    if (!UUID.test(uploadId)) throw new Error(`Not an upload id: ${uploadId}`);
    return path.join(this.root, `${uploadId}.part`);
  }

  /** Creates (or empties) the file for a new upload. */
  async reset(uploadId: string): Promise<void> {
    await fs.mkdir(this.root, { recursive: true, mode: 0o700 });
    await fs.writeFile(this.pathFor(uploadId), new Uint8Array(0), { mode: 0o600 });
  }

  /**
   * Writes the chunk at `offset`, cuts anything after it (bytes of an earlier attempt that
   * crashed before it was acknowledged), and fsyncs before the caller records the new offset.
   * Returns false when the file is gone (e.g. the data folder was cleaned), so the caller can restart the upload.
   */
  async writeAt(uploadId: string, offset: number, chunk: Buffer): Promise<boolean> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.pathFor(uploadId), 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      if (size < offset) return false;
      await handle.write(chunk, 0, chunk.length, offset);
      await handle.truncate(offset + chunk.length);
      await handle.sync();
      return true;
    } finally {
      await handle.close();
    }
  }

  /** sha256 and size of the first `length` bytes. */
  async digest(uploadId: string, length: number): Promise<{ sha256: string; size: number }> {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of this.read(uploadId, length)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    return { sha256: hash.digest('hex'), size };
  }

  read(uploadId: string, length: number): Readable {
    return createReadStream(this.pathFor(uploadId), { start: 0, end: Math.max(0, length - 1) });
  }

  async remove(uploadId: string): Promise<void> {
    await fs.rm(this.pathFor(uploadId), { force: true });
  }
}
