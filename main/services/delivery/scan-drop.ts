// What the user dropped (files and folders) as a flat list of files with their sizes. Folders
// are walked a few levels deep (an export folder, maybe sorted in sub-folders), symbolic links
// are not followed, and the walk stops with a sentence rather than reading a whole disk.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

export const MAX_DROPPED_FILES = 50_000;
const MAX_DEPTH = 4;

export interface DroppedFile {
  path: string;
  size: number;
}

export async function scanDrop(paths: readonly string[]): Promise<DroppedFile[]> {
  const found = new Map<string, DroppedFile>();
  async function visit(target: string, depth: number): Promise<void> {
    let stat: Awaited<ReturnType<typeof fs.lstat>>;
    try {
      stat = await fs.lstat(target);
    } catch {
      throw new AppError('not_found', `${target} is not there any more. Drop the folder again.`);
    }
    if (stat.isSymbolicLink()) return;
    if (stat.isFile()) {
      found.set(path.resolve(target), { path: path.resolve(target), size: stat.size });
      if (found.size > MAX_DROPPED_FILES)
        throw new AppError(
          'invalid_input',
          `More than ${MAX_DROPPED_FILES} files were dropped. Drop the folder with the edited photos only.`,
        );
      return;
    }
    if (!stat.isDirectory() || depth > MAX_DEPTH) return;
    const entries = await fs.readdir(target);
    for (const entry of entries.sort()) await visit(path.join(target, entry), depth + 1);
  }
  for (const p of paths) await visit(p, 0);
  return [...found.values()];
}
