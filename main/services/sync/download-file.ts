// Downloads one file of the hosted API to a local path: streamed (never held in memory) into a
// hidden `.<name>.part` beside the destination, which takes the real name only once every byte
// is in and its SHA-256 is the one asked for, so a partial or wrong download never looks complete.
// A dropped connection is resumed with a Range request from the bytes already on disk (here at
// once, or by a later call after the app was closed); the final hash check covers every byte,
// whichever request brought it.
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { REVOKED_MESSAGE, serverMessage } from './answers';
import type { FetchLike } from './api-client';
import { writing } from './disk-problems';
import { fetchInto, Interrupted, Refused } from './download-request';

export interface DownloadOptions {
  /**
   * What the bytes must hash to (lowercase hex). Omit only for content the server makes on request
   * (a zip): then only the answer's length is checked, and an interrupted download starts over.
   */
  sha256?: string;
  size?: number;
  onProgress?: (received: number, total: number | null) => void;
  /** How the file is named in sentences, e.g. "IMG_0412.CR3"; the destination's name by default. */
  label?: string;
}

export interface DownloadResult {
  path: string;
  size: number;
  sha256: string;
}

export interface DownloadTarget {
  fetch: FetchLike;
  baseUrl: string;
  token: string;
  /** No byte for this long: the connection is treated as dropped. Default 60 s. */
  idleTimeoutMs?: number;
  /** The first pause before a retry; doubles with each attempt that brought nothing. Default 500 ms. */
  retryDelayMs?: number;
}

/** Attempts in a row that bring no new byte before giving up; any progress resets the count. */
const MAX_FRUITLESS_ATTEMPTS = 4;

export async function downloadFile(
  target: DownloadTarget,
  apiPath: string,
  destFile: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const label = options.label ?? path.basename(destFile);
  const dir = path.dirname(destFile);
  const part = path.join(dir, `.${path.basename(destFile)}.part`);
  await writing(dir, () => fs.mkdir(dir, { recursive: true }));
  if (options.sha256 && (await hashOf(destFile, options.size)) === options.sha256)
    return { path: destFile, size: (await fs.stat(destFile)).size, sha256: options.sha256 };

  try {
    await fetchAll(target, apiPath, part, label, options);
  } catch (error) {
    // What arrived of content that cannot be resumed is of no use later: not left behind.
    if (!options.sha256) await fs.rm(part, { force: true });
    throw error;
  }

  const size = await sizeOf(part);
  const sha256 = await hashOf(part);
  if (sha256 === null || (options.size !== undefined && size !== options.size) || (options.sha256 && sha256 !== options.sha256)) {
    await fs.rm(part, { force: true });
    throw mismatch(label);
  }
  await writing(dir, async () => {
    const handle = await fs.open(part, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(part, destFile);
  });
  return { path: destFile, size, sha256 };
}

/** Requests until every byte is in the partial file: resuming after drops, giving up after fruitless tries. */
async function fetchAll(target: DownloadTarget, apiPath: string, part: string, label: string, options: DownloadOptions): Promise<void> {
  let fruitless = 0;
  for (;;) {
    // Only content named by its hash can be resumed: anything else may differ from one answer to the next.
    const resumeAt = options.sha256 ? await sizeOf(part) : 0;
    if (options.size !== undefined && resumeAt === options.size) return;
    try {
      await fetchInto(
        { ...target, url: `${target.baseUrl.replace(/\/+$/, '')}${apiPath}`, idleTimeoutMs: target.idleTimeoutMs ?? 60_000 },
        part,
        resumeAt,
        { size: options.size, onProgress: options.onProgress, mismatch: () => mismatch(label) },
      );
      return;
    } catch (error) {
      if (error instanceof Refused) {
        if (error.answer.status === 401) throw new AppError('unauthorized', REVOKED_MESSAGE);
        const code = error.answer.status === 404 ? 'not_found' : 'conflict';
        throw new AppError(code, `${label} could not be downloaded: ${serverMessage(error.answer)}`);
      }
      // Bytes that cannot be the file asked for are not worth resuming from.
      if (error instanceof AppError && error.code === 'conflict') await fs.rm(part, { force: true });
      if (!(error instanceof Interrupted)) throw error;
      fruitless = options.sha256 && (await sizeOf(part)) > resumeAt ? 0 : fruitless + 1;
      if (fruitless >= MAX_FRUITLESS_ATTEMPTS)
        throw new AppError(
          'offline',
          `${label} could not be downloaded: the hosted service cannot be reached (${error.message}). ${options.sha256 ? 'What already arrived is kept; try' : 'Try'} again when online to continue.`,
        );
      // Bytes came and then the connection dropped: resume at once. Nothing came: wait longer each time.
      const delay = fruitless === 0 ? 0 : (target.retryDelayMs ?? 500) * 2 ** (fruitless - 1);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function mismatch(label: string): AppError {
  return new AppError(
    'conflict',
    `The copy of ${label} that arrived is not the file the studio uploaded (its size or SHA-256 differs), so Proofdesk did not keep it. Try again; if it happens again, upload the file again from the laptop that holds it.`,
  );
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0;
  }
}

/** The file's SHA-256, or null when it is not there (or, given `size`, has another size). */
export async function hashOf(file: string, size?: number): Promise<string | null> {
  try {
    if (size !== undefined && (await fs.stat(file)).size !== size) return null;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}
