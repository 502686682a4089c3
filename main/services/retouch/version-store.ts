// A dropped edit is kept as it was dropped: copied into the library (versions/<sha256>.<ext>)
// before it is queued, so saving over the same export for the next round cannot change a version
// still waiting to be uploaded, and the round can always be opened and reviewed on this laptop.
import { createHash, randomBytes } from 'node:crypto';
import { constants, createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

const MAX_BYTES = 2 * 1024 * 1024 * 1024;

export interface KeptVersion {
  file: string;
  sha256: string;
  size: number;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function keepVersion(source: string, storeDir: string): Promise<KeptVersion> {
  const name = path.basename(source);
  let size: number;
  try {
    const stat = await fs.stat(source);
    if (!stat.isFile()) throw new AppError('invalid_input', `${name} is not a file. Drop the edited photo itself.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('not_found', `${source} is not there any more. Drop the edited file again.`);
  }
  if (size === 0) throw new AppError('invalid_input', `${name} is empty. Export the edit again, then drop it.`);
  if (size > MAX_BYTES)
    throw new AppError('payload_too_large', `${name} is larger than 2 GB. Export a smaller file (a JPEG or a flattened TIFF).`);
  const sha256 = await sha256Of(source);
  const file = path.join(storeDir, `${sha256}${path.extname(source).toLowerCase()}`);
  try {
    await fs.access(file);
    return { file, sha256, size };
  } catch {
    // Not kept yet: copied to a temporary sibling and renamed, so a crash never leaves half a file.
  }
  await fs.mkdir(storeDir, { recursive: true });
  const tmp = path.join(storeDir, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.copyFile(source, tmp, constants.COPYFILE_FICLONE);
    if ((await sha256Of(tmp)) !== sha256)
      throw new AppError('conflict', `${name} changed while it was being read. Wait until the editor has saved it, then drop it again.`);
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
  return { file, sha256, size };
}
