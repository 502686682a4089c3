// Which files on disk are photos we import. Detection of the real format is by content
// (imaging/detect-format); the extension only decides what the watcher looks at.
import path from 'node:path';

export const rawExtensions = ['.cr2', '.cr3', '.nef', '.nrw', '.arw', '.raf', '.orf', '.rw2', '.dng', '.pef', '.srw'] as const;
export const rasterExtensions = ['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.heic', '.heif', '.avif', '.webp'] as const;
const imageExtensions = new Set<string>([...rawExtensions, ...rasterExtensions]);
const rawSet = new Set<string>(rawExtensions);

export function isImagePath(filePath: string): boolean {
  const base = path.basename(filePath);
  // Hidden files: macOS resource forks (._IMG_0001.JPG), our own temp files, editor leftovers.
  if (base.startsWith('.')) return false;
  return imageExtensions.has(path.extname(base).toLowerCase());
}

export function isRawPath(filePath: string): boolean {
  return rawSet.has(path.extname(filePath).toLowerCase());
}

/** The stem that pairs IMG_0412.CR3 with IMG_0412.JPG in one folder. */
export function photoStem(filePath: string): string {
  return path.basename(filePath, path.extname(filePath));
}

/** Folders we never descend into: OS metadata, trash, our own library folders. */
export function isIgnoredFolder(folderPath: string): boolean {
  const base = path.basename(folderPath);
  return base.startsWith('.') || base === '$RECYCLE.BIN' || base === 'System Volume Information' || base === 'variants';
}
