export type { CaptureTime } from './capture-time';
export { detectFormat } from './detect-format';
export { type Fingerprint, fingerprint } from './fingerprint';
export { type ImageFormat, isRawFormat, type RasterFormat, type RawFormat } from './formats';
export type { Gps } from './gps';
export {
  DEFAULT_LIMIT_INPUT_PIXELS,
  type MakeVariantsOptions,
  makeVariants,
  THUMB_LONG_EDGE,
  type VariantFile,
  type Variants,
  WEB_LONG_EDGE,
} from './make-variants';
export { type PhotoMetadata, readPhotoMetadata } from './photo-metadata';
export { extractRawPreview, MIN_PREVIEW_LONG_EDGE, type RawPreview } from './raw-preview';
export { variantRelPath } from './variant-cache';
export type { Credit } from './web-credit';
