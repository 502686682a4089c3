import { promises as fs } from 'node:fs';

/** True when the file is there; any other failure than "not found" is the disk's and is thrown. */
export async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
