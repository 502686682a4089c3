// The review images of a task (issue 7 point 6: the comparison opens from prepared variants,
// never the originals): for the original and each round's version, a slot that is ready (from
// catalog.retouch's images), being prepared (started here, in the background, a few at a time),
// or missing with the reason. Asking for a slot never waits for image work, so retouch.get
// answers in milliseconds; 'retouch.changed' tells the window when an image is ready.
import path from 'node:path';
import type { RetouchTaskView, RetouchVersionFile } from '../../../shared/schemas/retouch-api';
import type { ImageSlot } from '../../../shared/schemas/retouch-desk';
import type { Catalog, ReviewImageRow } from '../catalog';
import type { OriginalsPort, PreparedImage, PrepareReviewImage } from './ports';

/** A failed preparation is shown as missing this long, then tried again when the task is looked at. */
const RETRY_AFTER_MS = 60_000;
const CONCURRENCY = 2;

export interface ImagePreparerOptions {
  catalog: Catalog;
  /** The library's media folder: images go to <mediaDir>/retouch, and are named relative to it. */
  mediaDir: string;
  prepare: PrepareReviewImage;
  originals: OriginalsPort;
  /** Whether the hosted service answered lately (a file not here can be fetched). */
  online: () => boolean;
  changed: (taskIds: string[]) => void;
  now?: () => number;
}

export interface ImagePreparer {
  /** `download` false: start only from a file this laptop has (nothing fetched for a task nobody opened). */
  original(view: RetouchTaskView, download?: boolean): ImageSlot;
  version(view: RetouchTaskView, version: RetouchVersionFile, download?: boolean): ImageSlot;
  /** Prepares one file now and keeps its image (a dropped version: the decode check of drop-back). */
  prepareNow(sha256: string, source: string, file: string): Promise<PreparedImage>;
  /**
   * Starts the task's images that are not ready yet: from files this laptop has, and for a task
   * waiting for review also downloaded (a reviewer will open it; the rest is fetched when opened,
   * so a laptop never downloads a whole order's originals unasked).
   */
  kick(view: RetouchTaskView): void;
  /** Resolves when nothing is being prepared (tests, closing). */
  idle(): Promise<void>;
}

type Job = { key: string; taskIds: Set<string>; run: () => Promise<void> };

export function createImagePreparer(options: ImagePreparerOptions): ImagePreparer {
  const { catalog, mediaDir } = options;
  const now = options.now ?? Date.now;
  const outDir = path.join(mediaDir, 'retouch');
  const failures = new Map<string, { message: string; at: number }>();
  const jobs = new Map<string, Job>();
  const waiting: Job[] = [];
  let running = 0;
  let idleWaiters: (() => void)[] = [];

  const rel = (file: string) => path.relative(mediaDir, file).split(path.sep).join('/');
  const ready = (image: ReviewImageRow): ImageSlot => ({
    status: 'ready',
    image: { sha256: image.sha256, screen: image.screen, full: image.full, width: image.width, height: image.height },
  });

  function pump(): void {
    while (running < CONCURRENCY && waiting.length > 0) {
      const job = waiting.shift() as Job;
      running += 1;
      job
        .run()
        .then(
          () => failures.delete(job.key),
          (error: unknown) => failures.set(job.key, { message: (error as Error).message, at: now() }),
        )
        .finally(() => {
          running -= 1;
          jobs.delete(job.key);
          options.changed([...job.taskIds]);
          pump();
          if (running === 0 && waiting.length === 0) {
            for (const resolve of idleWaiters) resolve();
            idleWaiters = [];
          }
        });
    }
  }

  function start(key: string, taskId: string, run: () => Promise<void>): void {
    const existing = jobs.get(key);
    if (existing) {
      existing.taskIds.add(taskId);
      return;
    }
    const job = { key, taskIds: new Set([taskId]), run };
    jobs.set(key, job);
    waiting.push(job);
    pump();
  }

  /** A recent failure of this image, still shown instead of trying again at once. */
  function failed(key: string): ImageSlot | null {
    const failure = failures.get(key);
    if (!failure || jobs.has(key)) return null;
    if (now() - failure.at > RETRY_AFTER_MS) {
      failures.delete(key);
      return null;
    }
    return { status: 'missing', message: failure.message };
  }

  async function store(sha256: string | null, source: string | null, file: string): Promise<PreparedImage> {
    const made = await options.prepare(file, outDir);
    catalog.retouch.putImage({
      sha256: sha256 ?? made.sha256,
      source,
      screen: rel(made.screenFile),
      full: rel(made.fullFile),
      width: made.width,
      height: made.height,
    });
    return made;
  }

  const preparer: ImagePreparer = {
    original(view, download = true) {
      const sha = view.photo.original?.sha256 ?? null;
      const local = options.originals.knownPath(view);
      const image = (sha ? catalog.retouch.image(sha) : null) ?? (local ? catalog.retouch.imageBySource(local) : null);
      if (image) return ready(image);
      const key = `original:${view.task.id}`;
      const refused = failed(key);
      if (refused) return refused;
      if (!local && !sha)
        return {
          status: 'missing',
          message: `The original of ${view.photo.name} is not on this computer, and the computer that holds it has not uploaded it yet. It shows here once that computer has been online.`,
        };
      if (!local && !options.online())
        return {
          status: 'missing',
          message: `The original of ${view.photo.name} is not on this computer, and the hosted service cannot be reached. It shows here once you are online.`,
        };
      if (!local && !download) return { status: 'preparing', message: 'Downloading the original…' };
      start(key, view.task.id, async () => {
        const found = await options.originals.localFile(view);
        if ('missing' in found) throw new Error(found.missing);
        await store(null, found.path, found.path);
      });
      return { status: 'preparing', message: local ? 'Preparing the original…' : 'Downloading the original…' };
    },

    version(view, version, download = true) {
      const image = catalog.retouch.image(version.sha256);
      if (image) return ready(image);
      const key = `version:${version.sha256}`;
      const refused = failed(key);
      if (refused) return refused;
      const local = catalog.retouch.versionBySha(version.sha256);
      if (!local && !options.online())
        return {
          status: 'missing',
          message: `Round ${version.round} of ${view.photo.name} is not on this computer, and the hosted service cannot be reached. It shows here once you are online.`,
        };
      if (!local && !download) return { status: 'preparing', message: `Downloading round ${version.round}…` };
      start(key, view.task.id, async () => {
        const file = local?.file ?? (await options.originals.fetchFile(version.sha256, version.name));
        await store(version.sha256, local?.file ?? null, file);
      });
      return { status: 'preparing', message: local ? `Preparing round ${version.round}…` : `Downloading round ${version.round}…` };
    },

    prepareNow: (sha256, source, file) => store(sha256, source, file),

    kick(view) {
      const download = view.task.state === 'in_review';
      preparer.original(view, download);
      for (const version of view.versions) preparer.version(view, version, download);
    },

    idle() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
  return preparer;
}
