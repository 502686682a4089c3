// The review variants of one version: decoded once at full size, then a full-size JPEG and a
// screen JPEG made from those pixels. Named by the source's sha256, so a version prepared before
// costs one hash and one header read. No ICC profile is embedded (untagged means sRGB to browsers
// and to sharp) so reading them back never pays for a colour transform.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { AppError, isAppError } from '../../../../shared/errors';
import { writeFileAtomic } from '../../fs/atomic-write';
import { decodeUpright } from './decode-source';
import { fileExists } from './file-exists';
import { sha256OfFile } from './file-identity';
import type { ReviewImageFiles } from './types';

export const SCREEN_LONG_EDGE = 2560;
const QUALITY = 90;

const inFlight = new Map<string, Promise<ReviewImageFiles>>();

export async function prepareReviewImage(sourceFile: string, outDir: string): Promise<ReviewImageFiles> {
  const sha256 = await named(sourceFile, () => sha256OfFile(sourceFile));
  const files = { sha256, screenFile: path.join(outDir, `${sha256}-screen.jpg`), fullFile: path.join(outDir, `${sha256}-full.jpg`) };
  // Two calls for the same content (a double click, two panes) share one preparation.
  const running = inFlight.get(files.fullFile);
  if (running) return running;
  const work = prepare(sourceFile, outDir, files).finally(() => inFlight.delete(files.fullFile));
  inFlight.set(files.fullFile, work);
  return work;
}

async function prepare(sourceFile: string, outDir: string, files: Omit<ReviewImageFiles, 'width' | 'height'>): Promise<ReviewImageFiles> {
  if ((await fileExists(files.screenFile)) && (await fileExists(files.fullFile))) {
    const { width, height } = await sharp(files.fullFile).metadata();
    return { ...files, width, height };
  }
  const { data, info } = await named(sourceFile, () => decodeUpright(sourceFile));
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
  const [full, screen] = await Promise.all([
    sharp(data, raw).jpeg({ quality: QUALITY }).toBuffer(),
    sharp(data, raw)
      .resize(SCREEN_LONG_EDGE, SCREEN_LONG_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: QUALITY })
      .toBuffer(),
  ]);
  await fs.mkdir(outDir, { recursive: true });
  // Screen first: a crash in between leaves no full file, so the next call prepares both again.
  await writeFileAtomic(files.screenFile, screen);
  await writeFileAtomic(files.fullFile, full);
  return { ...files, width: info.width, height: info.height };
}

/** Runs `work`, putting the file's name in front of any failure's sentence. */
async function named<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) throw withCause(new AppError(error.code, `${path.basename(file)}: ${error.message}`), error);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw withCause(new AppError('not_found', `${file} is no longer there, so it cannot be prepared for review.`), error);
    throw withCause(
      new AppError('io_error', `${file} could not be read (${code ?? String(error)}). Check the disk, then try again.`),
      error,
    );
  }
}

function withCause(error: AppError, cause: unknown): AppError {
  error.cause = cause;
  return error;
}
