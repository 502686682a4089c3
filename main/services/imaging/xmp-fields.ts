// Read fields from exifr's parsed XMP. exifr groups properties by the prefix the file used
// ("xmp" or the older "xap", …), so we look prefixes up by namespace URI in its xmlns map.
import { exifr } from './exifr-module';

export const NS = {
  xmp: 'http://ns.adobe.com/xap/1.0/',
  dc: 'http://purl.org/dc/elements/1.1/',
  exif: 'http://ns.adobe.com/exif/1.0/',
  exifEX: 'http://cipa.jp/exif/1.0/',
  aux: 'http://ns.adobe.com/exif/1.0/aux/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  tiff: 'http://ns.adobe.com/tiff/1.0/',
} as const;

const USUAL_PREFIXES: Record<string, string[]> = { [NS.xmp]: ['xmp', 'xap'] };

export type XmpData = Record<string, unknown>;

/** Parse an XMP packet (embedded or a sidecar's text); null when it has no RDF we can read. */
export async function parseXmp(packet: string | Buffer): Promise<XmpData | null> {
  const data = Buffer.isBuffer(packet) ? packet : Buffer.from(packet, 'utf8');
  const parsed: unknown = await exifr.sidecar(data, { mergeOutput: false, reviveValues: false }, 'xmp');
  return parsed && typeof parsed === 'object' ? (parsed as XmpData) : null;
}

export function xmpValue(xmp: XmpData | null, ns: string, name: string): unknown {
  if (!xmp) return undefined;
  const xmlns = (xmp.xmlns ?? {}) as Record<string, string>;
  const prefixes = new Set([...Object.keys(xmlns).filter((p) => xmlns[p] === ns), ...(USUAL_PREFIXES[ns] ?? [])]);
  for (const prefix of prefixes) {
    const group = xmp[prefix];
    if (group && typeof group === 'object' && name in group) return decodeEntities((group as Record<string, unknown>)[name]);
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** exifr hands XMP text over still XML-escaped ("Smith &amp; Sons"); undo that, deeply. */
function decodeEntities(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (all, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? all;
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    });
  }
  if (Array.isArray(value)) return value.map(decodeEntities);
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeEntities(v)]));
  }
  return value;
}

/** A single text value: plain string, number, the default of a lang-alt, or a list's first item. */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return value.length ? asText(value[0]) : null;
  if (value && typeof value === 'object' && 'value' in value) return asText((value as { value: unknown }).value);
  return null;
}

export function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map(asText).filter((t): t is string => t !== null);
}

/** Numbers as EXIF/XMP write them: 5.6, "5.6", "56/10". */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.length ? asNumber(value[0]) : null;
  if (typeof value !== 'string') return null;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?))?\s*$/.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  const d = m[2] === undefined ? 1 : Number(m[2]);
  return d === 0 ? null : n / d;
}
