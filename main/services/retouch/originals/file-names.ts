// Names of the files Proofdesk writes for originals. A name from the server is already a bare file
// name (retouch-api validates it), but a name that is fine on the laptop that imported the photo can
// be unsavable on another (a Mac allows ':' and '?', Windows does not), so it is made safe here.
// A file the user already has is never overwritten: the next free "name (2).ext" is taken.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** A name every system can save: no folders, no reserved characters, no trailing dot or space. */
export function savableName(name: string): string {
  const cleaned = path
    .basename(name.replace(/[\\/]/g, '_'))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what is replaced
    .replace(/[:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/[. ]+$/, '');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'original' : cleaned;
}

/** "IMG_1.jpg" → "IMG_1 (2).jpg", "(3)" … */
export function numbered(name: string, n: number): string {
  if (n <= 1) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
}

/**
 * The first of name, name (2) … that is neither taken in the batch (`taken`, compared case-blind)
 * nor on disk in `folder` (null: names inside a zip); it is added to `taken`.
 */
export function freeName(folder: string | null, name: string, taken: Set<string>): string {
  for (let n = 1; ; n += 1) {
    const candidate = numbered(name, n);
    // Case-blind: on macOS and Windows "IMG_1.JPG" and "img_1.jpg" are the same file.
    if (taken.has(candidate.toLowerCase()) || (folder !== null && existsSync(path.join(folder, candidate)))) continue;
    taken.add(candidate.toLowerCase());
    return candidate;
  }
}
