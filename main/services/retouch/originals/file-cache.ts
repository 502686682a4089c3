// Studio files downloaded to this laptop, content-addressed: <cacheDir>/<sha256>/<name>. A file is
// there under its name only once complete and verified (sync.download renames its hidden .part
// then), and it is made read-only, so an editor opening a downloaded original asks to "save as"
// instead of silently changing the copy every other view of the task relies on. The same content
// asked for under another name is copied from the copy already here, not downloaded again.
import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { type SyncService, writing } from '../../sync';
import { savableName } from './file-names';

const SHA256 = /^[a-f0-9]{64}$/;

export interface FileCache {
  /** Where the file is (or would be) kept. */
  pathOf(sha256: string, name: string): string;
  /** The kept copy, when it is there (and of `size`, when given); no download. */
  existing(sha256: string, name: string, size?: number): string | null;
  /** The kept copy, downloading it first when needed (one download per file at a time). */
  fetch(sha256: string, name: string, size?: number): Promise<string>;
}

export function createFileCache(cacheDir: string, sync: Pick<SyncService, 'download'>): FileCache {
  const running = new Map<string, Promise<string>>();

  function pathOf(sha256: string, name: string): string {
    // The only inputs to the path: a checked hex digest and a name without folders.
    if (!SHA256.test(sha256)) throw new AppError('invalid_input', 'A studio file is named by its SHA-256: 64 lowercase hex digits.');
    return path.join(cacheDir, sha256, savableName(name));
  }

  function existing(sha256: string, name: string, size?: number): string | null {
    const file = pathOf(sha256, name);
    try {
      const stat = statSync(file);
      return stat.isFile() && (size === undefined || stat.size === size) ? file : null;
    } catch {
      return null;
    }
  }

  /** A complete copy of the same content under another name (names starting with '.' are partial). */
  async function sibling(sha256: string): Promise<string | null> {
    const dir = path.join(cacheDir, sha256);
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    const other = names.find((n) => !n.startsWith('.'));
    return other ? path.join(dir, other) : null;
  }

  async function obtain(sha256: string, name: string, size?: number): Promise<string> {
    const file = pathOf(sha256, name);
    const dir = path.dirname(file);
    // A copy of another size is not this content (changed by hand despite being read-only): fetched again.
    if (existsSync(file) && !existing(sha256, name, size)) await writing(dir, () => fs.rm(file, { force: true }));
    const other = await sibling(sha256);
    if (other && other !== file && (size === undefined || statSync(other).size === size)) {
      const part = path.join(dir, `.${path.basename(file)}.part`);
      await writing(dir, async () => {
        await fs.copyFile(other, part);
        await fs.rename(part, file);
      }).catch(async (error: unknown) => {
        await fs.rm(part, { force: true });
        throw error;
      });
    } else if (!existsSync(file)) {
      await sync.download(`/v1/retouch/files/${sha256}`, file, { sha256, size, label: name });
    }
    await writing(dir, () => fs.chmod(file, 0o444));
    return file;
  }

  return {
    pathOf,
    existing,
    async fetch(sha256, name, size) {
      const hit = existing(sha256, name, size);
      if (hit) return hit;
      const key = pathOf(sha256, name);
      let job = running.get(key);
      if (!job) {
        job = obtain(sha256, name, size).finally(() => running.delete(key));
        running.set(key, job);
      }
      return job;
    },
  };
}
