// Writing into a folder the user chose: a copy of a file, or a zip of several, each first under a
// hidden ".<name>.part" and renamed to a free name at the end, so an interrupted save (a full disk,
// the app closed) never leaves a half file that looks like an original, and nothing the user
// already had is replaced. Zip entries are STOREd: photos do not deflate.
import { createReadStream, createWriteStream, existsSync, promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { writing } from '../../sync';
import { freeName } from './file-names';

/** Renames `part` to `name` in `folder`, or "name (2)" … when that was taken meanwhile. */
async function settle(part: string, folder: string, name: string, taken: Set<string>): Promise<string> {
  let final = path.join(folder, name);
  if (existsSync(final)) final = path.join(folder, freeName(folder, name, taken));
  await fs.rename(part, final);
  return final;
}

async function throughPart<T>(folder: string, name: string, write: (part: string) => Promise<T>): Promise<string> {
  const part = path.join(folder, `.${name}.part`);
  try {
    await writing(folder, async () => {
      await fs.rm(part, { force: true });
      await write(part);
    });
    return part;
  } catch (error) {
    await fs.rm(part, { force: true });
    throw error;
  }
}

/** Copies `source` into `folder` as `name` (already free in `taken`); returns where it went. */
export async function copyInto(source: string, folder: string, name: string, taken: Set<string>): Promise<string> {
  const part = await throughPart(folder, name, async (p) => {
    // A clone where the file system offers it (APFS, Btrfs): instant and no extra space.
    await fs.copyFile(source, p, fsConstants.COPYFILE_EXCL | fsConstants.COPYFILE_FICLONE);
    // The cache's copies are read-only; the user's own copy is theirs to change.
    await fs.chmod(p, 0o644);
  });
  return writing(folder, () => settle(part, folder, name, taken));
}

export interface ZipEntry {
  file: string;
  /** The name inside the zip (unique in it). */
  name: string;
}

/** Writes the files as one zip into `folder` under `name` (free in `taken`); `onEntry` after each file. */
export async function zipInto(entries: ZipEntry[], folder: string, name: string, taken: Set<string>, onEntry: () => void) {
  const stats = await Promise.all(entries.map((e) => fs.stat(e.file)));
  const part = await throughPart(folder, name, async (p) => {
    const zip = new ZipFile();
    const output = zip.outputStream as Readable;
    // yazl pipes each file but does not listen for its errors: a failed read fails the zip with it.
    zip.on('error', (error: Error) => output.destroy(error));
    entries.forEach((entry, i) => {
      const stat = stats[i] as (typeof stats)[number];
      zip.addReadStreamLazy(entry.name, { size: stat.size, mtime: stat.mtime, compress: false }, (callback) => {
        const stream = createReadStream(entry.file);
        stream.once('error', (error) => zip.emit('error', error));
        stream.once('end', onEntry);
        callback(null, stream);
      });
    });
    zip.end();
    await pipeline(output, createWriteStream(p, { flags: 'wx' }));
  });
  return writing(folder, () => settle(part, folder, name, taken));
}
