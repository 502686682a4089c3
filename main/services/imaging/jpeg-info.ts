// Reads a JPEG's frame header (SOF) without decoding it: the size of each embedded preview
// decides which one we take, and the frame type tells a real preview from the lossless-JPEG
// raw data that CR2 and DNG also label "JPEG compressed".
import type { ByteSource } from './byte-source';

export interface JpegInfo {
  width: number;
  height: number;
  /** Absolute offset of the TIFF header inside an APP1 "Exif" segment, if the JPEG has one. */
  exifTiffAt: number | null;
}

// SOF0 baseline, SOF1 extended, SOF2 progressive: what libjpeg decodes. SOF3 is lossless
// (raw sensor data), arithmetic coding and hierarchical frames are not previews either.
const DECODABLE_SOF = new Set([0xc0, 0xc1, 0xc2]);
const OTHER_SOF = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const MAX_SEGMENTS = 64;

/**
 * Frame size of a decodable JPEG stored at [start, start + length), or null when the bytes
 * are not one (wrong marker, lossless frame, a header running past `length`).
 */
export async function readJpegInfo(src: ByteSource, start: number, length: number): Promise<JpegInfo | null> {
  const end = start + length;
  if (length < 4 || end > src.size) return null;
  const soi = await src.read(start, 3);
  if (soi[0] !== 0xff || soi[1] !== 0xd8 || soi[2] !== 0xff) return null;
  let at = start + 2;
  let exifTiffAt: number | null = null;
  for (let i = 0; i < MAX_SEGMENTS && at + 4 <= end; i++) {
    const head = await src.read(at, 4);
    if (head[0] !== 0xff) return null;
    const marker = head[1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    const segLength = head.readUInt16BE(2);
    if (segLength < 2 || at + 2 + segLength > end) return null;
    if (DECODABLE_SOF.has(marker)) {
      if (segLength < 8) return null;
      const sof = await src.read(at + 4, 6);
      const height = sof.readUInt16BE(1);
      const width = sof.readUInt16BE(3);
      const components = sof[5] ?? 0;
      if (sof[0] !== 8 || width === 0 || height === 0 || ![1, 3, 4].includes(components)) return null;
      return { width, height, exifTiffAt };
    }
    if (OTHER_SOF.has(marker) || marker === 0xda) return null; // no usable frame before the scan
    if (marker === 0xe1 && exifTiffAt === null && segLength >= 16) {
      const id = await src.read(at + 4, 6);
      if (id.toString('latin1') === 'Exif\0\0') exifTiffAt = at + 10;
    }
    at += 2 + segLength;
  }
  return null;
}
