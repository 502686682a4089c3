// The picture of a RAW file is its largest embedded JPEG preview, shown with the RAW's own
// orientation. We never decode sensor data and never fall back to a thumbnail-sized image.
import type { ByteSource } from './byte-source';
import { withDetectedSource } from './detect-format';
import { isRawFormat, type RawFormat } from './formats';
import { imagingErrors } from './imaging-errors';
import { type Found, pickLargest } from './preview-candidate';
import { findCr3Previews } from './raw-preview-cr3';
import { findRafPreviews } from './raw-preview-raf';
import { findTiffPreviews } from './raw-preview-tiff';

/** Below this long edge a preview is a thumbnail, not something to show a client. */
export const MIN_PREVIEW_LONG_EDGE = 1000;

export interface RawPreview {
  format: RawFormat;
  /** The embedded JPEG, byte for byte. */
  jpeg: Buffer;
  /** Stored size of the JPEG, before orientation. */
  width: number;
  height: number;
  /** The RAW's EXIF orientation (1–8), to apply to the preview (which usually has none of its own). */
  orientation: number;
  /** Where in the file the preview was found, for logs. */
  where: string;
}

export async function extractRawPreview(filePath: string): Promise<RawPreview> {
  return withDetectedSource(filePath, async (src, format) => {
    if (!isRawFormat(format)) throw imagingErrors.notRaw(filePath);
    return previewFrom(src, format);
  });
}

async function previewFrom(src: ByteSource, format: RawFormat): Promise<RawPreview> {
  const { candidates, orientation } = await findPreviews(src, format);
  const best = pickLargest(candidates);
  if (!best) throw candidates.includes('past-end') ? imagingErrors.truncated() : imagingErrors.rawNoPreview();
  if (Math.max(best.width, best.height) < MIN_PREVIEW_LONG_EDGE) throw imagingErrors.rawTinyPreview(best.width, best.height);
  const jpeg = await src.read(best.offset, best.length);
  return { format, jpeg, width: best.width, height: best.height, orientation, where: best.where };
}

function findPreviews(src: ByteSource, format: RawFormat): Promise<{ candidates: Found[]; orientation: number }> {
  if (format === 'cr3') return findCr3Previews(src);
  if (format === 'raf') return findRafPreviews(src);
  return findTiffPreviews(src);
}
