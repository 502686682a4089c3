// What identifies an image's content for the diff cache: the sha256 its prepared name already
// carries, or else the sha256 of its bytes (memoised by path, size, mtime and inode, so asking
// again about an unchanged 25 MB file costs one stat, not a re-read).
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/** prepareReviewImage's names: `<sha256>-full.jpg`, `<sha256>-screen.jpg`. */
export const PREPARED_NAME = /^([0-9a-f]{64})-(full|screen)\.jpg$/;

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), hash);
  return hash.digest('hex');
}

export function createIdentityMemo() {
  const known = new Map<string, { stamp: string; id: string }>();
  return async function identityOf(file: string): Promise<string> {
    // Stat even a prepared name: a missing file is reported here, by name, not as "damaged".
    const stat = await fs.stat(file);
    const name = path.basename(file);
    if (PREPARED_NAME.test(name)) return name;
    const stamp = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
    const hit = known.get(file);
    if (hit?.stamp === stamp) return hit.id;
    const id = await sha256OfFile(file);
    known.set(file, { stamp, id });
    return id;
  };
}
