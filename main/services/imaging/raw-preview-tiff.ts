// Previews in TIFF-structured RAWs (NEF, CR2, ARW, PEF, DNG, ORF, RW2): JPEGInterchangeFormat
// pairs, single-strip JPEG-compressed directories, and Panasonic's JpgFromRaw tag, in IFD0,
// the IFD chain and SubIFDs. MakerNote previews (Olympus, Pentax) are not read.
import type { ByteSource } from './byte-source';
import { type Found, jpegCandidate, normaliseOrientation } from './preview-candidate';
import { type Ifd, Tag, TiffReader, walkIfds } from './tiff-ifd';

const JPEG_COMPRESSION = new Set([6, 7]);

export interface TiffPreviews {
  candidates: Found[];
  orientation: number;
}

export async function findTiffPreviews(src: ByteSource): Promise<TiffPreviews> {
  const reader = await TiffReader.open(src);
  const ifds = await walkIfds(reader);
  const candidates: Found[] = [];
  for (const [index, ifd] of ifds.entries()) candidates.push(...(await previewsIn(reader, ifd, `IFD#${index}`)));
  const ifd0 = ifds[0];
  const orientation = normaliseOrientation(ifd0 ? await reader.uint(ifd0, Tag.Orientation) : undefined);
  return { candidates, orientation };
}

async function previewsIn(reader: TiffReader, ifd: Ifd, name: string): Promise<Found[]> {
  const { src, base } = reader;
  const found: Found[] = [];
  const jpegOffset = await reader.uint(ifd, Tag.JpegOffset);
  const jpegLength = await reader.uint(ifd, Tag.JpegLength);
  if (jpegOffset !== undefined && jpegLength !== undefined) {
    found.push(await jpegCandidate(src, base + jpegOffset, jpegLength, `${name} JPEGInterchangeFormat`));
  }
  const compression = await reader.uint(ifd, Tag.Compression);
  if (compression !== undefined && JPEG_COMPRESSION.has(compression)) {
    const offsets = await reader.uints(ifd, Tag.StripOffsets, 2);
    const counts = await reader.uints(ifd, Tag.StripByteCounts, 2);
    // Several strips are separate JPEG pieces of one picture (tiled DNG data), not a preview.
    if (offsets.length === 1 && counts.length === 1 && offsets[0] !== undefined && counts[0] !== undefined) {
      found.push(await jpegCandidate(src, base + offsets[0], counts[0], `${name} JPEG strip`));
    }
  }
  const rw2 = ifd.entries.get(Tag.Rw2JpgFromRaw);
  if (rw2 && rw2.type === 7) found.push(await jpegCandidate(src, rw2.valueAt, rw2.count, `${name} JpgFromRaw`));
  return found;
}
