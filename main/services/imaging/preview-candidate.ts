// An embedded JPEG found inside a RAW, and the rule for picking one: the most pixels wins
// (cameras also embed 160 px thumbnails and lossless sensor data labelled "JPEG").
import type { ByteSource } from './byte-source';
import { readJpegInfo } from './jpeg-info';

export interface PreviewCandidate {
  offset: number;
  length: number;
  width: number;
  height: number;
  /** Absolute offset of the TIFF header in the preview's own EXIF, if any (RAF keeps orientation there). */
  exifTiffAt: number | null;
  /** Where it was found, for logs and tests ("SubIFD 0x201", "PRVW"…). */
  where: string;
}

/**
 * What a pointer to a preview led to: a decodable JPEG, 'past-end' (the file stops before the
 * preview does: cut short), or null (not a JPEG we can use).
 */
export type Found = PreviewCandidate | 'past-end' | null;

export async function jpegCandidate(src: ByteSource, offset: number, length: number, where: string): Promise<Found> {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset <= 0 || length <= 0) return null;
  if (offset + length > src.size) return 'past-end';
  const info = await readJpegInfo(src, offset, length);
  return info ? { offset, length, width: info.width, height: info.height, exifTiffAt: info.exifTiffAt, where } : null;
}

export function pickLargest(found: Found[]): PreviewCandidate | null {
  let best: PreviewCandidate | null = null;
  for (const c of found) {
    if (!c || c === 'past-end') continue;
    const area = c.width * c.height;
    const bestArea = best ? best.width * best.height : -1;
    if (area > bestArea || (area === bestArea && best && c.length > best.length)) best = c;
  }
  return best;
}

/** EXIF orientation 1–8; anything else (missing, 0, 9, garbage) means "as stored". */
export function normaliseOrientation(value: number | undefined): number {
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 8 ? value : 1;
}
