// The per-photo variants: decode once (shrink-on-load to the web size), orient, convert to
// sRGB, flatten on white; then encode `web` and make `thumb` from the same web-sized pixels.
// Every failure happens before anything is written, so a damaged file leaves no variant.
import sharp, { type Sharp, type SharpOptions } from 'sharp';
import { isAppError } from '../../../shared/errors';
import { describeDecodeError } from './decode-errors';
import { detectFormat } from './detect-format';
import { isRawFormat } from './formats';
import { applyOrientation } from './orientation';
import { readPhotoMetadata } from './photo-metadata';
import { extractRawPreview } from './raw-preview';
import { storeVariant } from './variant-cache';
import { type Credit, withCredit } from './web-credit';

export const WEB_LONG_EDGE = 2048;
export const THUMB_LONG_EDGE = 400;
export const DEFAULT_LIMIT_INPUT_PIXELS = 200_000_000;

export interface VariantFile {
  hash: string;
  /** Under cacheDir, forward slashes: "ab/cd/<sha256>.jpg". */
  relPath: string;
  width: number;
  height: number;
  bytes: number;
}

export interface Variants {
  web: VariantFile;
  thumb: VariantFile;
}

export interface MakeVariantsOptions {
  cacheDir: string;
  /** Decompression-bomb guard, in pixels (default 200 MP). */
  limitInputPixels?: number;
  /** Creator/copyright to keep in `web`; read from the file (EXIF/IPTC/XMP/sidecar) when omitted. */
  credit?: Credit;
}

export async function makeVariants(input: string, options: MakeVariantsOptions): Promise<Variants> {
  const limit = options.limitInputPixels ?? DEFAULT_LIMIT_INPUT_PIXELS;
  const format = await detectFormat(input);
  const pixels = isRawFormat(format) ? await decodeRaw(input, limit) : await decode(sharp(input, decodeOptions(limit, true)), limit);
  // After the decode, so a damaged picture is reported as such rather than as damaged metadata.
  const credit = options.credit ?? (await readPhotoMetadata(input));
  const { data, info } = pixels;
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
  const [web, thumb] = await Promise.all([
    withCredit(sharp(data, raw).withIccProfile('srgb'), credit).jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true }),
    sharp(data, raw)
      .resize(THUMB_LONG_EDGE, THUMB_LONG_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true }),
  ]);
  const [webStored, thumbStored] = await Promise.all([
    storeVariant(options.cacheDir, web.data),
    storeVariant(options.cacheDir, thumb.data),
  ]);
  return {
    web: { ...webStored, width: web.info.width, height: web.info.height },
    thumb: { ...thumbStored, width: thumb.info.width, height: thumb.info.height },
  };
}

function decodeOptions(limit: number, autoOrient: boolean): SharpOptions {
  // failOn 'warning': a truncated or corrupt file fails instead of becoming a grey half-picture.
  return { failOn: 'warning', limitInputPixels: limit, autoOrient };
}

async function decodeRaw(input: string, limit: number) {
  const preview = await extractRawPreview(input);
  // The preview's own EXIF orientation (if any) is ignored: the RAW's IFD0 is the authority.
  return decode(applyOrientation(sharp(preview.jpeg, decodeOptions(limit, false)), preview.orientation), limit);
}

async function decode(image: Sharp, limit: number) {
  try {
    return await image
      .resize(WEB_LONG_EDGE, WEB_LONG_EDGE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw isAppError(error) ? error : describeDecodeError(error, limit);
  }
}
