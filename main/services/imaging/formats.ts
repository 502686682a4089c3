// The kinds of file the pipeline recognises by content. RAW families are listed apart because
// they are never decoded as pictures: their embedded JPEG preview is used instead.
export const RASTER_FORMATS = ['jpeg', 'png', 'tiff', 'webp', 'heic', 'heif', 'avif'] as const;
export const RAW_FORMATS = ['nef', 'cr2', 'arw', 'pef', 'orf', 'rw2', 'dng', 'cr3', 'raf', 'raw-tiff'] as const;

export type RasterFormat = (typeof RASTER_FORMATS)[number];
/** `raw-tiff`: a TIFF-structured RAW (CFA sensor data) from a maker we do not name. */
export type RawFormat = (typeof RAW_FORMATS)[number];
export type ImageFormat = RasterFormat | RawFormat;

export function isRawFormat(format: ImageFormat): format is RawFormat {
  return (RAW_FORMATS as readonly string[]).includes(format);
}
