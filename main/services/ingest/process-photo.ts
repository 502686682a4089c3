// The variants job for one photo: make web + thumb from the best source file and record them,
// or record in plain words why the photo needs attention. The catalog changes and the job's
// completion are one transaction; variant files are content-addressed and written atomically
// before it, so a crash at any point leaves either nothing or a finished photo, and a rerun
// never duplicates anything.
import { isAppError } from '../../../shared/errors';
import type { Catalog, Job, PhotoWithFiles } from '../catalog';
import type { Imaging } from './imaging-port';

export type ProcessOutcome = 'ready' | 'needs_attention' | 'skipped' | 'disk_full';

export interface ProcessContext {
  catalog: Catalog;
  imaging: Imaging;
  cacheDir: string;
  logError?: (message: string, error: unknown) => void;
}

/** A camera JPEG (or the only file) is the fastest good source; a RAW uses its embedded preview. */
export function sourceFile(photo: PhotoWithFiles) {
  return (
    photo.files.find((f) => f.role === 'jpeg') ?? photo.files.find((f) => f.role === 'primary') ?? photo.files.find((f) => f.role === 'raw')
  );
}

export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? (error as { cause?: NodeJS.ErrnoException } | null)?.cause?.code;
  // ENOSPC/EDQUOT from a variant write; SQLITE_FULL from the catalog itself.
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

/** The photo's files changed while this job ran (an edit, a second file of a pair): the job's
 * result is stale, and the newer job queued by that change does the work instead. */
function staleSince(catalog: Catalog, photoId: string, source: { path: string; size: number; mtimeMs: number }): boolean {
  const now = catalog.photos.get(photoId);
  const current = now ? sourceFile(now) : undefined;
  return !current || current.path !== source.path || current.size !== source.size || current.mtimeMs !== source.mtimeMs;
}

export async function processPhoto(ctx: ProcessContext, job: Job): Promise<ProcessOutcome> {
  const { catalog } = ctx;
  const { photoId } = job.payload as { photoId: string };
  const photo = catalog.photos.get(photoId);
  const source = photo ? sourceFile(photo) : undefined;
  if (!photo || !source || photo.status === 'missing') {
    catalog.jobs.complete(job.id);
    return 'skipped';
  }
  try {
    const meta = catalog.metadata.get(photoId);
    const variants = await ctx.imaging.makeVariants(source.path, {
      cacheDir: ctx.cacheDir,
      credit: { creator: meta?.creator ?? null, copyright: meta?.copyright ?? null },
    });
    catalog.transaction(() => {
      if (staleSince(catalog, photoId, source)) {
        catalog.jobs.complete(job.id);
        return;
      }
      for (const kind of ['web', 'thumb'] as const) {
        const v = variants[kind];
        catalog.variants.upsert({
          photoId,
          kind,
          contentHash: v.hash,
          relPath: v.relPath,
          width: v.width,
          height: v.height,
          bytes: v.bytes,
        });
      }
      catalog.photos.markReady(photoId);
      catalog.jobs.complete(job.id);
    });
    return 'ready';
  } catch (error) {
    if (isDiskFull(error)) {
      catalog.jobs.fail(job.id, 'The disk is full.');
      return 'disk_full';
    }
    const reason = isAppError(error)
      ? error.message
      : 'The photo could not be processed. Retry, and if it fails again, copy it again from the card.';
    // A file cut short because its copy stalled is not retried here: when the copy goes on,
    // the watcher sees the change and the photo is processed again.
    catalog.transaction(() => {
      if (staleSince(catalog, photoId, source)) {
        catalog.jobs.complete(job.id);
        return;
      }
      catalog.photos.markNeedsAttention(photoId, reason);
      catalog.jobs.fail(job.id, reason, { permanent: true });
    });
    if (!isAppError(error)) ctx.logError?.(`variants for ${source.path} failed unexpectedly`, error);
    return 'needs_attention';
  }
}
