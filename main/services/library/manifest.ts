// Reading and writing proofdesk-library.json, the file that makes a folder a studio library.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import {
  LIBRARY_FORMAT_VERSION,
  LIBRARY_MANIFEST_FILE,
  type LibraryManifest,
  libraryManifestSchema,
} from '../../../shared/schemas/library';
import { writeFileAtomic } from '../fs/atomic-write';

export function manifestPath(libraryPath: string): string {
  return path.join(libraryPath, LIBRARY_MANIFEST_FILE);
}

export async function readManifest(libraryPath: string): Promise<LibraryManifest> {
  let text: string;
  try {
    text = await fs.readFile(manifestPath(libraryPath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError(
        'not_found',
        `There is no Proofdesk library in ${libraryPath}. Choose the folder that holds ${LIBRARY_MANIFEST_FILE}, or create a new library.`,
      );
    }
    throw new AppError('io_error', `The library in ${libraryPath} could not be read (${(error as Error).message}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(
      'io_error',
      `The file ${LIBRARY_MANIFEST_FILE} in ${libraryPath} is damaged. Restore it from a backup; your photos and catalog are untouched.`,
    );
  }
  const parsed = libraryManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('io_error', `The file ${LIBRARY_MANIFEST_FILE} in ${libraryPath} is not a Proofdesk library description.`);
  }
  if (parsed.data.formatVersion > LIBRARY_FORMAT_VERSION) {
    throw new AppError(
      'newer_version',
      `The library "${parsed.data.name}" was made by a newer version of Proofdesk. Update Proofdesk to open it; it was not changed.`,
    );
  }
  return parsed.data;
}

export async function writeManifest(libraryPath: string, manifest: LibraryManifest): Promise<void> {
  await writeFileAtomic(manifestPath(libraryPath), `${JSON.stringify(manifest, null, 2)}\n`);
}
