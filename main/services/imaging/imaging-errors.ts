// Every failure this folder shows a photographer, in one place and in plain words. The
// technical detail (libvips message, errno) goes on `cause`, for the log, not the screen.
import path from 'node:path';
import { AppError, type ErrorCode, isAppError } from '../../../shared/errors';
import { OutOfRangeError, StructureError } from './byte-source';

function fail(code: ErrorCode, message: string, cause?: unknown): AppError {
  const error = new AppError(code, message);
  if (cause !== undefined) error.cause = cause;
  return error;
}

export const imagingErrors = {
  empty: () => fail('invalid_input', 'The file is empty (0 bytes) — it may still be copying, or the copy failed.'),
  notImage: (filePath: string) => {
    const ext = path.extname(filePath).slice(1);
    const hint = ext ? `, even though its name ends in .${ext}` : '';
    return fail('unsupported', `This is not an image file${hint}. Proofdesk cannot show it.`);
  },
  truncated: (cause?: unknown) =>
    fail(
      'invalid_input',
      'The file is cut short — it may still be copying or the card was removed. Copy it again once the copy has finished.',
      cause,
    ),
  damaged: (cause?: unknown) =>
    fail(
      'invalid_input',
      'The picture data in this file is damaged and cannot be read. Copy it again from the card, or re-export it.',
      cause,
    ),
  tooLarge: (limitPixels: number, cause?: unknown) =>
    fail(
      'unsupported',
      `The picture is larger than ${Math.round(limitPixels / 1e6)} megapixels and was not opened to protect your computer.`,
      cause,
    ),
  heicWithoutHevc: (cause?: unknown) =>
    fail(
      'unsupported',
      "HEIC photos need an HEVC decoder that this computer's image library does not have; export the photo as JPEG and add it again.",
      cause,
    ),
  metadataDamaged: (cause?: unknown) =>
    fail(
      'invalid_input',
      "The photo's metadata (EXIF/IPTC/XMP) is damaged and cannot be read; the picture itself may still be fine.",
      cause,
    ),
  notRaw: (filePath: string) => fail('invalid_input', `${path.basename(filePath)} is not a RAW file.`),
  rawNoPreview: () =>
    fail(
      'unsupported',
      'This RAW file has no embedded preview picture that Proofdesk can use. Export it as JPEG from your RAW editor (or shoot RAW+JPEG).',
    ),
  rawTinyPreview: (width: number, height: number) =>
    fail(
      'unsupported',
      `This RAW file only carries a ${width}×${height} thumbnail, too small for a proof. Export it as JPEG from your RAW editor.`,
    ),
  structureDamaged: (cause?: unknown) =>
    fail('invalid_input', 'This file is damaged: its internal structure cannot be read. Copy it again from the card.', cause),
  /** A parser's failure in words: cut short, damaged, or (anything else) a disk problem. */
  fromParse: (error: unknown, filePath: string): AppError => {
    if (isAppError(error)) return error;
    if (error instanceof OutOfRangeError) return imagingErrors.truncated(error);
    if (error instanceof StructureError) return imagingErrors.structureDamaged(error);
    return imagingErrors.fromFs(error, filePath);
  },
  fromFs: (error: unknown, filePath: string): AppError => {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const name = path.basename(filePath);
    if (code === 'ENOENT') return fail('not_found', `The file ${name} is no longer there — it may have been moved or deleted.`, error);
    if (code === 'EACCES' || code === 'EPERM')
      return fail('io_error', `Proofdesk is not allowed to read ${name} (permission denied).`, error);
    if (code === 'EISDIR') return fail('invalid_input', `${name} is a folder, not a photo.`, error);
    return fail('io_error', `The file ${name} could not be read from the disk.`, error);
  },
};
