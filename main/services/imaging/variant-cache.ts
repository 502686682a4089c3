// Content-addressed variant store: cacheDir/ab/cd/<sha256>.jpg. The same bytes always land at
// the same path, so a file already there is complete and is never rewritten; a new one is
// written to a temporary sibling, fsynced, then renamed, so a crash never leaves half a JPEG.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';

export interface StoredVariant {
  hash: string;
  /** Relative to the cache folder, with forward slashes on every OS. */
  relPath: string;
  bytes: number;
}

export function variantRelPath(hash: string): string {
  return `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}.jpg`;
}

export async function storeVariant(cacheDir: string, data: Buffer): Promise<StoredVariant> {
  const hash = createHash('sha256').update(data).digest('hex');
  const relPath = variantRelPath(hash);
  const target = path.join(cacheDir, ...relPath.split('/'));
  if (!(await exists(target))) await writeDurably(target, data);
  return { hash, relPath, bytes: data.length };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function writeDurably(target: string, data: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  // Two workers making the same variant both rename identical bytes: the last one wins, harmlessly.
  await writeFileAtomic(target, data);
}
