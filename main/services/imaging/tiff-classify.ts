// Tell a TIFF-structured RAW from an ordinary TIFF: the maker's name alone would call a Nikon
// film scan a NEF, so a RAW must also carry sensor data (a CFA or linear-raw directory, or a
// maker's raw compression). CR2 and DNG announce themselves.
import type { ByteSource } from './byte-source';
import type { ImageFormat } from './formats';
import { Tag, TiffReader, walkIfds } from './tiff-ifd';

const SENSOR_PHOTOMETRIC = new Set([32803, 34892]); // CFA, LinearRaw
// Nikon, Sony, Samsung, Pentax and lossy-DNG raw compressions (never used by ordinary TIFFs).
const RAW_COMPRESSION = new Set([32767, 32769, 32770, 34713, 34892, 65535]);

const MAKERS: Array<[RegExp, ImageFormat]> = [
  [/^nikon/i, 'nef'],
  [/^sony/i, 'arw'],
  [/^(pentax|ricoh)/i, 'pef'],
  [/^canon/i, 'cr2'],
];

export async function classifyTiff(src: ByteSource): Promise<ImageFormat> {
  const head = await src.read(0, Math.min(16, src.size));
  if (head.toString('latin1', 8, 10) === 'CR' && head[10] === 2) return 'cr2';
  // A directory that cannot be walked fails loudly here: handing a half-readable RAW to the
  // TIFF decoder would turn its 160 px IFD0 thumbnail into a "photo".
  const reader = await TiffReader.open(src);
  const ifds = await walkIfds(reader);
  const ifd0 = ifds[0];
  if (!ifd0) return 'tiff';
  if (ifd0.entries.has(Tag.DngVersion)) return 'dng';
  let hasSensorData = false;
  for (const ifd of ifds) {
    const photometric = await reader.uint(ifd, Tag.Photometric);
    const compression = await reader.uint(ifd, Tag.Compression);
    if ((photometric && SENSOR_PHOTOMETRIC.has(photometric)) || (compression && RAW_COMPRESSION.has(compression))) hasSensorData = true;
  }
  if (!hasSensorData) return 'tiff';
  const make = (await reader.ascii(ifd0, Tag.Make)) ?? '';
  return MAKERS.find(([pattern]) => pattern.test(make))?.[1] ?? 'raw-tiff';
}
