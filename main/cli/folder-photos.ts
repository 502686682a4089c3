// The photos of the folder given on the command line, whatever shoots hold them: the shoot
// of that folder, the shoots of a root, or the shoot the folder is part of.
import path from 'node:path';
import type { Catalog, PhotoStatus, PhotoWithFiles, Shoot } from '../services/catalog';

export function isWithin(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Shoots that hold files of `folder`: itself, those inside it, and one it is inside of. */
export function shootsOfFolder(catalog: Catalog, folder: string): Shoot[] {
  return catalog.shoots.list().filter((s) => isWithin(s.path, folder) || isWithin(folder, s.path));
}

/** Ids and statuses of the photos with a file inside `folder`, without loading the photos. */
export function photoStatusesIn(catalog: Catalog, folder: string): Map<string, PhotoStatus> {
  const statuses = new Map<string, PhotoStatus>();
  for (const shoot of shootsOfFolder(catalog, folder)) {
    for (const file of catalog.photos.filesOfShoot(shoot.id)) {
      if (isWithin(file.path, folder)) statuses.set(file.photoId, file.status);
    }
  }
  return statuses;
}

export function photosIn(catalog: Catalog, folder: string, status?: PhotoStatus): PhotoWithFiles[] {
  const photos: PhotoWithFiles[] = [];
  for (const [id, s] of photoStatusesIn(catalog, folder)) {
    if (status && s !== status) continue;
    const photo = catalog.photos.get(id);
    if (photo) photos.push(photo);
  }
  return photos;
}

/** "IMG_0001.CR3 + IMG_0001.JPG", relative to the folder (sub-folders stay visible). */
export function fileNamesOf(photo: PhotoWithFiles, folder: string): string[] {
  return photo.files.map((f) => path.relative(folder, f.path) || path.basename(f.path));
}
