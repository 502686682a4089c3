// A process killed while writing a variant leaves its temporary file (".<hash>.jpg.<rand>.tmp")
// in the variant cache; nothing refers to it and nothing would ever remove it. Only safe
// while this process holds the library lock: no one else can be writing one right now.
import { promises as fs } from 'node:fs';
import path from 'node:path';

const TEMP = /^\..+\.tmp$/;

/** Removes leftover temporary files from cacheDir/ab/cd/; returns how many. */
export async function removeStaleVariantTemps(cacheDir: string): Promise<number> {
  let removed = 0;
  for (const first of await subfolders(cacheDir)) {
    for (const second of await subfolders(first)) {
      for (const name of await fs.readdir(second)) {
        if (!TEMP.test(name)) continue;
        await fs.rm(path.join(second, name), { force: true });
        removed++;
      }
    }
  }
  return removed;
}

async function subfolders(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
