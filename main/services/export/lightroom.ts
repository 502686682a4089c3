// Lightroom Classic: the text for Library Filter › Text › Filename › Contains, the names in it
// that would also find other photos, and a smart collection settings file (.lrsmcol).
// What Lightroom does with each is written down, with sources, in SOURCES.md.
import { randomUUID } from 'node:crypto';
import { stemOf, uniqueNatural } from './names';

/**
 * Stems (no extension), each once, natural order, "IMG_1, IMG_2, IMG_10": the comma-separated
 * list Pixieset and ShootProof hand out. "Contains" finds photos whose file name contains any of
 * the words, so a stem also finds RAW+JPEG pairs and edited copies (IMG_1-Edit.tif).
 * `withExtension` keeps the full names instead ("IMG_1.CR3"), which no longer finds IMG_10.
 */
export function lightroomFilterText(names: readonly string[], options: { withExtension?: boolean } = {}): string {
  const words = options.withExtension ? names : names.map(stemOf);
  return uniqueNatural(words.filter((w) => w.trim() !== '')).join(', ');
}

export interface PrefixWarning {
  /** The name in the list that is part of longer names. */
  stem: string;
  /** Other names in the list that contain it. */
  inSelection: string[];
  /** Names of the shoot that are not in the selection but contain it: they would show up too. */
  outsideSelection: string[];
  key: 'export.lightroom.prefixWarning';
  /** English sentence; the UI translates `key` with { stem, names }. */
  text: string;
}

export const prefixRemedy = {
  key: 'export.lightroom.prefixRemedy',
  text:
    'Lightroom’s “Contains” looks for the text anywhere in a file name, so these names also find other photos. ' +
    'Import the smart collection file instead (it lists whole file names), or copy the list with extensions ' +
    '(IMG_1.CR3 does not find IMG_10.CR3).',
} as const;

/**
 * Which stems of the list are contained in another name, so the Contains filter shows more
 * photos than the client picked: IMG_1 also finds IMG_10. `shootStems` (every photo of the
 * shoot, optional) tells which unpicked photos would show up.
 */
export function prefixWarnings(stems: readonly string[], shootStems: readonly string[] = []): PrefixWarning[] {
  const picked = uniqueNatural(stems);
  const pickedKeys = new Set(picked.map((s) => s.toLowerCase()));
  const others = uniqueNatural(shootStems).filter((s) => !pickedKeys.has(s.toLowerCase()));
  const warnings: PrefixWarning[] = [];
  for (const stem of picked) {
    const needle = stem.toLowerCase();
    const contains = (name: string) => name.toLowerCase() !== needle && name.toLowerCase().includes(needle);
    const inSelection = picked.filter(contains);
    const outsideSelection = others.filter(contains);
    if (inSelection.length === 0 && outsideSelection.length === 0) continue;
    const all = [...inSelection, ...outsideSelection];
    const shown = all.slice(0, 5).join(', ') + (all.length > 5 ? ` and ${all.length - 5} more` : '');
    const tail = outsideSelection.length > 0 ? ` (${outsideSelection.length} of them not picked by the client)` : '';
    warnings.push({
      stem,
      inSelection,
      outsideSelection,
      key: 'export.lightroom.prefixWarning',
      text: `${stem} also finds ${shown}${tail}.`,
    });
  }
  return warnings;
}

export interface SmartCollectionOptions {
  /** The collection's id inside the file; a fresh UUID by default. */
  id?: string;
  /**
   * 'contains' (default): one "Filename contains <full name>" rule per file, the operator the
   * Smart Collection dialog offers and the one published .lrsmcol examples use; a full name with
   * its extension does not find IMG_10.CR3 for IMG_1.CR3. 'exact': operation "==", which the
   * catalog search of Lightroom's SDK accepts for file names, but the dialog does not show.
   */
  match?: 'contains' | 'exact';
}

/**
 * A Lightroom Classic smart collection settings file: a Lua table assigned to `s`, one filename
 * rule per file name (pass every RAW and JPEG name of each photo), combined with "union"
 * (Match: any). Import it in the Library module: Collections panel › right-click › Import Smart
 * Collection Settings…
 */
export function lightroomSmartCollection(title: string, fileNames: readonly string[], options: SmartCollectionOptions = {}): string {
  const id = (options.id ?? randomUUID()).toUpperCase();
  const names = uniqueNatural(fileNames.filter((n) => n.trim() !== ''));
  if (names.length === 0) throw new Error('A smart collection needs at least one file name.');
  const rules = names.map((name) => {
    const operation = options.match === 'exact' ? '==' : /\s/.test(name) ? 'all' : 'any';
    return [
      '\t\t{',
      '\t\t\tcriteria = "filename",',
      `\t\t\toperation = ${lua(operation)},`,
      `\t\t\tvalue = ${lua(name)},`,
      '\t\t\tvalue2 = "",',
      '\t\t},',
    ].join('\n');
  });
  const name = lua(title.trim() || 'Client selection');
  return [
    's = {',
    `\tid = ${lua(id)},`,
    `\tinternalName = ${name},`,
    `\ttitle = ${name},`,
    '\ttype = "LibrarySmartCollection",',
    '\tvalue = {',
    ...rules,
    '\t\tcombine = "union",',
    '\t},',
    '\tversion = 0,',
    '}',
    '',
  ].join('\n');
}

/** A file name for the settings file: the title without characters Windows or macOS refuse. */
export function smartCollectionFileName(title: string): string {
  const safe = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${safe || 'Client selection'}.lrsmcol`;
}

/** A Lua double-quoted string literal. */
function lua(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\${String(code).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
