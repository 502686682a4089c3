// What makes a folder acceptable as a new shoot: it exists, it is a folder, it is not the
// library itself, and it is not already (part of) a shoot.
import { promises as fs } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { Catalog } from '../catalog';
import { isInside } from './shoot-paths';

export async function validateShootFolder(catalog: Catalog, libraryDir: string, folder: string): Promise<void> {
  let stat: import('node:fs').Stats;
  try {
    stat = await fs.stat(folder);
  } catch {
    throw new AppError('not_found', `The folder ${folder} does not exist or cannot be reached. Check the path, or connect the drive.`);
  }
  if (!stat.isDirectory()) throw new AppError('invalid_input', `${folder} is a file. Choose the folder that holds the shoot.`);
  if (folder === libraryDir || isInside(folder, libraryDir) || isInside(libraryDir, folder)) {
    throw new AppError('invalid_input', 'This folder holds the Proofdesk library itself. Choose the folder where the photos are.');
  }
  for (const shoot of catalog.shoots.list()) {
    if (shoot.path === folder || isInside(folder, shoot.path)) {
      throw new AppError('conflict', `This folder is already part of the shoot "${shoot.name}".`);
    }
  }
}
