// Writing files the way an export must: a complete file appears at its name or nothing does
// (temp file in the same folder, fsync, then link or rename), and a file that is there is
// never replaced unless the caller asks for exactly that.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A temp name beside `target`, hidden, that no editor takes for a photo or a sidecar. */
export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.proofdesk-partial`);
}

/** Write `data` to a new temp file beside `target` and fsync it; returns the temp path. */
export async function writeTemp(target: string, data: string | Uint8Array, mode?: number): Promise<string> {
  const temp = tempNameFor(target);
  const handle = await fs.open(temp, 'wx', mode ?? 0o666);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Give the finished temp file its final name only if that name is free: a hard link fails when
 * the name exists, so even a file another program created a moment ago is never replaced. Where
 * the volume has no hard links (exFAT, some network shares) it checks, then renames.
 * Returns false (temp removed) when the name is taken.
 */
export async function placeNoClobber(temp: string, target: string): Promise<boolean> {
  try {
    await fs.link(temp, target);
    await fs.rm(temp, { force: true });
    await syncDir(path.dirname(target));
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await fs.rm(temp, { force: true });
      return false;
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV' && code !== 'EMLINK') {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }
  if (await exists(target)) {
    await fs.rm(temp, { force: true });
    return false;
  }
  await fs.rename(temp, target);
  await syncDir(path.dirname(target));
  return true;
}

/** Replace `target` with the finished temp file in one step (for a sidecar we have merged). */
export async function replaceWith(temp: string, target: string): Promise<void> {
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncDir(path.dirname(target));
}

export async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Make a rename durable; folders cannot be opened for fsync on Windows, which is fine there. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some network file systems refuse a directory fsync; the data itself was already synced.
  } finally {
    await handle?.close();
  }
}
