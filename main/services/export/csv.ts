// A plain list (one file name a line) and a CSV of the selection for any other program or a
// spreadsheet: RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM so Excel reads accents right.
import type { SelectionPhoto } from '../../../shared/schemas/export';
import { naturalCompare, stemOf, uniqueNatural } from './names';

/** One primary file name a line, natural order, each once; ends with a newline. */
export function plainList(photos: readonly Pick<SelectionPhoto, 'name'>[]): string {
  const names = uniqueNatural(photos.map((p) => p.name));
  return names.length ? `${names.join('\n')}\n` : '';
}

export const csvColumns = ['name', 'stem', 'photo id', 'ordered in', 'favourite', 'in basket', 'rating', 'label'] as const;

const labelNames = { red: 'Red', yellow: 'Yellow', green: 'Green', blue: 'Blue', purple: 'Purple' } as const;

/** The CSV text, BOM first. "ordered in" lists the order numbers separated by "; ". */
export function selectionCsv(photos: readonly SelectionPhoto[]): string {
  const rows: string[][] = [[...csvColumns]];
  const sorted = [...photos].sort((a, b) => naturalCompare(a.name, b.name) || naturalCompare(a.photoId, b.photoId));
  for (const p of sorted) {
    rows.push([
      p.name,
      stemOf(p.name),
      p.photoId,
      uniqueNatural(p.orderNumbers).join('; '),
      p.favourite ? 'yes' : 'no',
      p.inBasket ? 'yes' : 'no',
      String(p.rating),
      p.colorLabel ? labelNames[p.colorLabel] : '',
    ]);
  }
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
