// Previews in Fujifilm RAF: the fixed header gives the embedded JPEG's offset and length
// (big-endian, at bytes 84 and 88). That JPEG carries the camera's EXIF, orientation included.
import type { ByteSource } from './byte-source';
import { type Found, jpegCandidate, normaliseOrientation } from './preview-candidate';
import { Tag, TiffReader } from './tiff-ifd';

const JPEG_POINTER_AT = 84;

export async function findRafPreviews(src: ByteSource): Promise<{ candidates: Found[]; orientation: number }> {
  const pointer = await src.read(JPEG_POINTER_AT, 8);
  const found = await jpegCandidate(src, pointer.readUInt32BE(0), pointer.readUInt32BE(4), 'RAF header');
  let orientation = 1;
  if (found && found !== 'past-end' && found.exifTiffAt !== null) {
    const tiff = await TiffReader.open(src, found.exifTiffAt);
    orientation = normaliseOrientation(await tiff.uint(await tiff.readIfd(tiff.firstIfd), Tag.Orientation));
  }
  return { candidates: [found], orientation };
}
