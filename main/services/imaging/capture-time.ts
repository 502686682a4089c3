// Capture time as the camera recorded it: a local wall-clock string plus the UTC offset when
// some field states it. Converting to UTC without a known offset would invent a time zone.
export interface CaptureTime {
  /** Camera-local time, "YYYY-MM-DDTHH:MM:SS" with optional ".fff" fraction. */
  local: string;
  /** "+HH:MM" / "-HH:MM" when known, else null (the camera's zone is unknown). */
  offset: string | null;
  source: 'exif' | 'xmp' | 'iptc';
}

export interface CaptureTimeSources {
  exifOriginal?: unknown;
  exifSubSec?: unknown;
  exifOffset?: unknown;
  exifDigitized?: unknown;
  exifDigitizedOffset?: unknown;
  /** XMP dates in preference order (exif:DateTimeOriginal, photoshop:DateCreated, xmp:CreateDate). */
  xmpDates?: unknown[];
  iptcDate?: unknown;
  iptcTime?: unknown;
}

interface Parsed {
  local: string;
  offset: string | null;
}

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function pickCaptureTime(s: CaptureTimeSources): CaptureTime | null {
  const xmp = (s.xmpDates ?? []).map(parseIsoDate).filter((d): d is Parsed => d !== null);
  const exif = parseExifDate(s.exifOriginal, s.exifSubSec);
  if (exif) {
    // EXIF 2.31 stores the zone apart; older cameras only have it in XMP written by an editor.
    const sameMoment = xmp.find((d) => d.local.slice(0, 19) === exif.local.slice(0, 19));
    const local = sameMoment && sameMoment.local.length > exif.local.length ? sameMoment.local : exif.local;
    return { local, offset: parseOffset(s.exifOffset) ?? sameMoment?.offset ?? null, source: 'exif' };
  }
  const fromXmp = xmp[0];
  if (fromXmp) return { ...fromXmp, source: 'xmp' };
  const digitized = parseExifDate(s.exifDigitized, undefined);
  if (digitized) return { local: digitized.local, offset: parseOffset(s.exifDigitizedOffset), source: 'exif' };
  const iptc = parseIptc(s.iptcDate, s.iptcTime);
  return iptc ? { ...iptc, source: 'iptc' } : null;
}

function parseExifDate(value: unknown, subSec: unknown): Parsed | null {
  if (typeof value !== 'string') return null;
  const m = EXIF_DATE.exec(value.trim());
  if (!m || !validDate(m[1], m[2], m[3])) return null;
  const sub = typeof subSec === 'string' || typeof subSec === 'number' ? String(subSec).trim() : '';
  const fraction = m[7] ?? (/^\d+$/.test(sub) ? `.${sub}` : '');
  return { local: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${fraction}`, offset: null };
}

function parseIsoDate(value: unknown): Parsed | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value.trim());
  if (!m || !validDate(m[1], m[2], m[3]) || m[4] === undefined) return null; // a date alone is not a capture time
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}`;
  return { local, offset: parseOffset(m[8]) };
}

function parseIptc(date: unknown, time: unknown): Parsed | null {
  const d = typeof date === 'string' ? date.replace(/[-:]/g, '') : '';
  if (!/^\d{8}$/.test(d) || !validDate(d.slice(0, 4), d.slice(4, 6), d.slice(6, 8))) return null;
  const t = typeof time === 'string' ? /^(\d{2}):?(\d{2}):?(\d{2})([+-]\d{2}:?\d{2})?$/.exec(time.trim()) : null;
  if (!t) return null;
  return { local: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t[1]}:${t[2]}:${t[3]}`, offset: parseOffset(t[4]) };
}

function parseOffset(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (value.trim() === 'Z') return '+00:00';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(value.trim());
  if (!m || Number(m[2]) > 14 || Number(m[3]) > 59) return null;
  return `${m[1]}${m[2]}:${m[3]}`;
}

function validDate(y: string | undefined, mo: string | undefined, d: string | undefined): boolean {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  // Cameras with an unset clock write 0000:00:00.
  return year >= 1800 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
