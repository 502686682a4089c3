// Read the metadata blocks stored inside a photo with exifr, per format: exifr reads JPEG,
// PNG, HEIF and TIFF itself; ORF/RW2 are TIFF under another magic number; RAF keeps its EXIF
// in the embedded JPEG; CR3 keeps TIFF blocks (CMT1 = IFD0, CMT2 = Exif, CMT4 = GPS) in boxes.
import { promises as fs } from 'node:fs';
import { readCr3Blocks } from './cr3-metadata';
import { exifr } from './exifr-module';
import type { ImageFormat } from './formats';
import { extractRawPreview } from './raw-preview';
import { parseXmp, type XmpData } from './xmp-fields';

export interface EmbeddedMetadata {
  ifd0: Record<string, unknown>;
  exif: Record<string, unknown>;
  gps: Record<string, unknown>;
  iptc: Record<string, unknown>;
  xmp: XmpData | null;
}

const OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  iptc: true,
  xmp: { parse: false }, // parsed apart, so XMP's exif: namespace cannot overwrite the EXIF block
  icc: false,
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: false,
  jfif: false,
  ihdr: false,
  mergeOutput: false,
  reviveValues: false, // keep dates as the camera wrote them
  translateValues: false,
};

const TIFF_FAMILY = new Set<ImageFormat>(['tiff', 'nef', 'cr2', 'arw', 'pef', 'dng', 'raw-tiff', 'orf', 'rw2']);

export async function readEmbeddedMetadata(filePath: string, format: ImageFormat): Promise<EmbeddedMetadata> {
  if (format === 'cr3') return readCr3(filePath);
  if (format === 'raf') return parseBlocks((await extractRawPreview(filePath)).jpeg);
  if (TIFF_FAMILY.has(format)) {
    // exifr's chunked file reader misses IFDs far into a file (a NEF's Exif IFD after the
    // preview), so TIFF-structured files are read whole. ORF/RW2 get the standard magic.
    const data = await fs.readFile(filePath);
    if (format === 'orf' || format === 'rw2') data[0] === 0x4d ? data.writeUInt16BE(42, 2) : data.writeUInt16LE(42, 2);
    return parseBlocks(data);
  }
  return parseBlocks(filePath);
}

async function parseBlocks(input: string | Buffer): Promise<EmbeddedMetadata> {
  const out = ((await exifr.parse(input, OPTIONS)) ?? {}) as Record<string, unknown>;
  const block = (name: string) => (out[name] && typeof out[name] === 'object' ? (out[name] as Record<string, unknown>) : {});
  const xmp = typeof out.xmp === 'string' ? await parseXmp(out.xmp) : null;
  return { ifd0: block('ifd0'), exif: block('exif'), gps: block('gps'), iptc: block('iptc'), xmp };
}

async function readCr3(filePath: string): Promise<EmbeddedMetadata> {
  const blocks = await readCr3Blocks(filePath);
  return {
    ifd0: blocks.ifd0 ? (await parseBlocks(blocks.ifd0)).ifd0 : {},
    exif: blocks.exif ? await parseLoneIfd(blocks.exif, 'exif') : {},
    gps: blocks.gps ? await parseLoneIfd(blocks.gps, 'gps') : {},
    iptc: {},
    xmp: blocks.xmp ? await parseXmp(blocks.xmp) : null,
  };
}

/** A TIFF whose IFD0 holds Exif or GPS tags: exifr reads it as IFD0, we name the tags. */
async function parseLoneIfd(tiff: Buffer, dictionary: 'exif' | 'gps'): Promise<Record<string, unknown>> {
  const out = (await exifr.parse(tiff, { ...OPTIONS, ifd0: { translateKeys: false } })) as { ifd0?: Record<string, unknown> } | undefined;
  const names = exifr.tagKeys.get(dictionary);
  const named: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(out?.ifd0 ?? {})) named[names?.get(Number(key)) ?? key] = value;
  return named;
}
