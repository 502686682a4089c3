// File-name helpers every exporter shares: the stem, natural order, de-duplication.

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** "IMG_0412.CR3" → "IMG_0412"; a name without an extension is its own stem. */
export function stemOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** The part after the stem, dot included ("" when there is none). */
export function extensionOf(fileName: string): string {
  return fileName.slice(stemOf(fileName).length);
}

/** Natural order, as a photographer reads a card: IMG_2 before IMG_10; case does not matter. */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Sorted naturally, duplicates dropped (case-insensitively: IMG_1 and img_1 are one name to the editors). */
export function uniqueNatural(names: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (!seen.has(key)) seen.set(key, name);
  }
  return [...seen.values()].sort(naturalCompare);
}

/** The last segment of a path, for either separator (paths may come from another OS's catalog). */
export function baseName(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return filePath.slice(cut + 1);
}
