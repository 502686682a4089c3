// Decode an original or an edited version once, at full size, upright and in sRGB, the way the
// ingest pipeline reads photos: by content, RAW files through their largest embedded JPEG with
// the RAW's own orientation, strict about damage, guarded against decompression bombs.
import sharp, { type OutputInfo, type Sharp, type SharpOptions } from 'sharp';
import { isAppError } from '../../../../shared/errors';
import { DEFAULT_LIMIT_INPUT_PIXELS, detectFormat, extractRawPreview, isRawFormat } from '../../imaging';
// Not (yet) in imaging's index; the same functions ingest uses, rather than copies of them.
import { describeDecodeError } from '../../imaging/decode-errors';
import { applyOrientation } from '../../imaging/orientation';

export interface DecodedPicture {
  data: Buffer;
  info: OutputInfo;
}

export async function decodeUpright(file: string, limit = DEFAULT_LIMIT_INPUT_PIXELS): Promise<DecodedPicture> {
  const format = await detectFormat(file);
  let image: Sharp;
  if (isRawFormat(format)) {
    const preview = await extractRawPreview(file);
    // The preview's own EXIF orientation (if any) is ignored: the RAW's IFD0 is the authority.
    image = applyOrientation(sharp(preview.jpeg, options(limit, false)), preview.orientation);
  } else {
    image = sharp(file, options(limit, true));
  }
  try {
    return await image
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw isAppError(error) ? error : describeDecodeError(error, limit);
  }
}

function options(limit: number, autoOrient: boolean): SharpOptions {
  // failOn 'warning': a truncated or corrupt file fails instead of becoming a grey half-picture.
  return { failOn: 'warning', limitInputPixels: limit, autoOrient };
}
