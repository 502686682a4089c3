// File names as the matcher sees them: the base name and stem of a path written with / or \,
// the two comparison keys (strict: NFC + lower case; loose: also without accents and with every
// run of separators made one space), and the junk a dropped folder carries that is never a photo.

/** The last part of a path, whichever separator the OS wrote it with. */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? path : path.slice(cut + 1);
}

/** The folders of a path, outermost first (a drive letter counts as one). */
export function folderSegments(path: string): string[] {
  return path.split(/[/\\]+/).filter((s) => s.length > 0);
}

/** The extension without its dot, or '' (a leading dot is a hidden name, not an extension). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return '';
  const ext = name.slice(dot + 1);
  return /^[A-Za-z0-9]{1,12}$/.test(ext) ? ext : '';
}

/** The name without directory and extension, NFC-normalised (macOS hands out NFD names). */
export function fileStem(path: string): string {
  const name = baseName(path).normalize('NFC');
  const ext = extensionOf(name);
  return ext ? name.slice(0, name.length - ext.length - 1) : name;
}

/** Case-insensitive, normalisation-insensitive comparison key. */
export function strictKey(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

// Letters NFD does not take apart into a base letter and a mark.
const unaccented: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ð: 'd' };

/** The looser key: no accents (Ślub → slub), and `_`, `-`, `.` and spaces all one separator. */
export function looseKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łđøßæœıþð]/g, (c) => unaccented[c] ?? c)
    .replace(/[\s_.-]+/g, ' ')
    .trim();
}

/** Code-unit order on the strict key, then on the text itself: the same on every machine and locale. */
export function compareNames(a: string, b: string): number {
  const ka = strictKey(a);
  const kb = strictKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

export const ignoredWhys = ['apple_double', 'system_file', 'hidden', 'incomplete', 'sidecar', 'empty', 'duplicate'] as const;
export type IgnoredWhy = (typeof ignoredWhys)[number];

const systemFiles = new Set(['thumbs.db', 'ehthumbs.db', 'ehthumbs_vista.db', 'desktop.ini', 'picasa.ini', 'icon\r']);
const systemFolders = new Set([
  '.spotlight-v100',
  '.trashes',
  '.fseventsd',
  '.temporaryitems',
  '$recycle.bin',
  'system volume information',
]);
const incompleteExtensions = new Set(['crdownload', 'part', 'partial', 'download', 'opdownload', 'tmp', 'temp']);
// Editing settings next to the pictures: XMP (Lightroom, Bridge, darktable, Photo Mechanic),
// Apple Photos' AAE, DxO's DOP, RawTherapee's PP3, Capture One's COS, ON1, Nikon NKSC, ACR, Canon THM.
const sidecarExtensions = new Set(['xmp', 'aae', 'dop', 'pp3', 'cos', 'cof', 'on1', 'nksc', 'acr', 'thm']);

/**
 * Why a dropped file is junk that is never a photo, or null. Only the name and size are looked
 * at; `._IMG_0412.jpg` is a macOS AppleDouble file, not a copy of IMG_0412.
 */
export function junkReason(path: string, size: number | undefined): { why: IgnoredWhy; ext: string } | null {
  const name = baseName(path);
  const lower = name.toLowerCase();
  const ext = extensionOf(name).toLowerCase();
  const folders = folderSegments(path)
    .slice(0, -1)
    .map((s) => s.toLowerCase());
  if (lower.startsWith('._') || folders.includes('__macosx')) return { why: 'apple_double', ext };
  if (lower === '.ds_store' || systemFiles.has(lower) || folders.some((f) => systemFolders.has(f))) return { why: 'system_file', ext };
  if (lower.startsWith('.')) return { why: 'hidden', ext };
  if (incompleteExtensions.has(ext) || lower.startsWith('~$') || lower.endsWith('~')) return { why: 'incomplete', ext };
  if (sidecarExtensions.has(ext)) return { why: 'sidecar', ext };
  if (size === 0) return { why: 'empty', ext };
  return null;
}
