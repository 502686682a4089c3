// Turn libvips' failure messages into a reason a photographer understands. The patterns are
// libvips/libjpeg/libheif wording (sharp 0.35, libvips 8.18); anything unknown is "damaged".
import type { AppError } from '../../../shared/errors';
import { imagingErrors } from './imaging-errors';

export function describeDecodeError(error: unknown, limitInputPixels: number): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/exceeds pixel limit/i.test(message)) return imagingErrors.tooLarge(limitInputPixels, error);
  // Checked before "cut short": libheif also reports seek errors when it lacks the decoder.
  if (/hevc|libde265/i.test(message)) return imagingErrors.heicWithoutHevc(error);
  if (/premature end|truncated|unexpected end|end of file|bad seek|not enough data/i.test(message)) return imagingErrors.truncated(error);
  return imagingErrors.damaged(error);
}
