// The sentences a reviewer sees when a comparison cannot be made. Each names the file, says
// why in plain words and what to do; the technical detail goes on `cause`, for the log.
import { AppError, type ErrorCode } from '../../../../shared/errors';
import type { Size } from './diff-job';

export type Side = 'before' | 'after';

function fail(code: ErrorCode, message: string, cause?: unknown): AppError {
  const error = new AppError(code, message);
  if (cause !== undefined) error.cause = cause;
  return error;
}

const AGAIN = 'Prepare that version again from its source file (for an edit: drop the edited file again), then compare.';

export const diffErrors = {
  /** The file is missing or the disk refused it. */
  unreadableFile(side: Side, file: string, error: unknown): AppError {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'ENOENT') return fail('not_found', `The ${side} image ${file} is no longer there. ${AGAIN}`, error);
    if (code === 'EACCES' || code === 'EPERM')
      return fail('io_error', `Proofdesk is not allowed to read the ${side} image ${file} (permission denied).`, error);
    return fail('io_error', `The ${side} image ${file} could not be read from the disk (${code ?? 'unknown error'}). ${AGAIN}`, error);
  },
  /** libvips could not decode it: damaged, cut short, not a picture, or too large. */
  undecodable(side: Side, file: string, message: string, limitInputPixels: number): AppError {
    const cause = new Error(message);
    if (/exceeds pixel limit/i.test(message))
      return fail(
        'unsupported',
        `The ${side} image ${file} is larger than ${Math.round(limitInputPixels / 1e6)} megapixels and was not opened.`,
        cause,
      );
    const why = /premature end|truncated|unexpected end|end of file|bad seek|not enough data/i.test(message)
      ? 'it is cut short'
      : /unsupported image format/i.test(message)
        ? 'it is not a picture Proofdesk can open'
        : 'its picture data is damaged';
    return fail('invalid_input', `The ${side} image ${file} cannot be compared: ${why}. ${AGAIN}`, cause);
  },
  badThreshold: (threshold: unknown) =>
    fail('invalid_input', `The difference threshold must be a number from 0 to 255 (got ${String(threshold)}).`),
  /** Not an error: the answer when the after picture has another shape. */
  croppedSentence: (before: Size, after: Size) =>
    `The after image (${after.width} × ${after.height}) has another shape than the before image (${before.width} × ${before.height}): ` +
    'it was cropped, so a pixel difference cannot line them up. Compare them side by side instead.',
};
