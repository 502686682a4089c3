// The difference overlay service: identifies both pictures by content, answers from the disk
// cache when it can, shares one computation between identical requests in flight, and sends
// the pixel work to worker threads. The caller's thread only hashes (in 1 MiB chunks), reads
// headers and writes files; nothing on it takes more than a few milliseconds.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import sharp from 'sharp';
import { AppError, isAppError } from '../../../../shared/errors';
import { DEFAULT_LIMIT_INPUT_PIXELS } from '../../imaging';
import { type CachedDiff, readCachedDiff, withFile, writeCachedDiff } from './diff-cache';
import { diffErrors, type Side } from './diff-errors';
import { compareSize, sameAspect } from './diff-geometry';
import type { DiffJob, Size } from './diff-job';
import { createIdentityMemo } from './file-identity';
import type { Differ, DiffInput } from './types';
import { createWorkerPool, type WorkerPool } from './worker-pool';
import { CLOSE_MESSAGE, DIFF_WORKER_SOURCE, type DiffWorkerData, type DiffWorkerResponse } from './worker-source';

/** Part of every cache key: change it whenever the pixels an overlay shows would change. */
export const DIFF_ALGORITHM_VERSION = 'diff-v1:max-channel>t,open3x3,compare-at-smaller,magenta-204';
/** Magenta is rare in photographs and stands out on skin, sky and foliage alike. */
const OVERLAY_COLOUR: [number, number, number, number] = [255, 0, 255, 204];

export function createDiffer(options: { workers?: number } = {}): Differ {
  // Each job holds ~250 MB for a 24 MP pair and libvips already uses every core for decoding,
  // so a few workers are plenty; one on a two-core machine keeps the other core for the app.
  return differOn(createDiffPool(options.workers ?? Math.min(2, os.availableParallelism() - 1)));
}

/** The worker threads that run diff jobs. */
export function createDiffPool(workers: number): WorkerPool<DiffJob, DiffWorkerResponse> {
  const workerData: DiffWorkerData = { sharpPath: createRequire(import.meta.url).resolve('sharp') };
  return createWorkerPool<DiffJob, DiffWorkerResponse>({
    source: DIFF_WORKER_SOURCE,
    workerData,
    size: Math.max(1, workers),
    closeMessage: CLOSE_MESSAGE,
    name: 'difference worker',
  });
}

/** The differ over any pool of diff workers (tests wrap the real one to count jobs). */
export function differOn(pool: WorkerPool<DiffJob, DiffWorkerResponse>): Differ {
  const identityOf = createIdentityMemo();
  const inFlight = new Map<string, Promise<CachedDiff>>();

  async function identity(side: Side, file: string): Promise<string> {
    try {
      return await identityOf(file);
    } catch (error) {
      throw diffErrors.unreadableFile(side, file, error);
    }
  }

  async function pictureSize(side: Side, file: string): Promise<Size> {
    try {
      const meta = await sharp(file, { limitInputPixels: DEFAULT_LIMIT_INPUT_PIXELS }).metadata();
      return meta.autoOrient ?? { width: meta.width, height: meta.height };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code) throw diffErrors.unreadableFile(side, file, error);
      throw diffErrors.undecodable(side, file, error instanceof Error ? error.message : String(error), DEFAULT_LIMIT_INPUT_PIXELS);
    }
  }

  async function compute(input: DiffInput, key: string): Promise<CachedDiff> {
    const cached = await readCachedDiff(input.outDir, key);
    if (cached) return cached;
    const [before, after] = await Promise.all([pictureSize('before', input.before), pictureSize('after', input.after)]);
    if (!sameAspect(before, after)) {
      const record: CachedDiff = { kind: 'cropped', message: diffErrors.croppedSentence(before, after), before, after };
      await writeCachedDiff(input.outDir, key, record);
      return record;
    }
    const job: DiffJob = {
      before: input.before,
      after: input.after,
      compare: compareSize(before, after),
      output: before,
      threshold: input.threshold,
      colour: OVERLAY_COLOUR,
      limitInputPixels: DEFAULT_LIMIT_INPUT_PIXELS,
    };
    const response = await pool.run(job);
    if (!response.ok) {
      const side = response.side ?? 'after';
      throw diffErrors.undecodable(side, input[side], response.message, DEFAULT_LIMIT_INPUT_PIXELS);
    }
    const { png, changed, compared, box } = response.result;
    const scaled = before.width !== after.width || before.height !== after.height;
    const record: CachedDiff = { kind: 'overlay', ...before, changedFraction: changed / compared, box, scaled };
    await writeCachedDiff(input.outDir, key, record, png);
    return record;
  }

  return {
    async diff(input) {
      const started = performance.now();
      const { threshold } = input;
      if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0 || threshold > 255)
        throw diffErrors.badThreshold(threshold);
      const [a, b] = await Promise.all([identity('before', input.before), identity('after', input.after)]);
      const key = createHash('sha256').update(`${DIFF_ALGORITHM_VERSION}\n${a}\n${b}\n${threshold}`).digest('hex');
      // Keyed by outDir too: the same pair asked for another folder must land in that folder.
      const flightKey = `${input.outDir}\n${key}`;
      let work = inFlight.get(flightKey);
      if (!work) {
        work = compute(input, key).finally(() => inFlight.delete(flightKey));
        inFlight.set(flightKey, work);
      }
      try {
        const record = await work;
        return withFile(input.outDir, key, record, Math.round(performance.now() - started));
      } catch (error) {
        throw isAppError(error)
          ? error
          : new AppError('io_error', `The comparison could not be saved in ${input.outDir} (${String(error)}).`);
      }
    },
    close: () => pool.close(),
  };
}
