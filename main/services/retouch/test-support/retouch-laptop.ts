// A studio laptop for the retouch service's tests: a real catalog and sync service (sync's
// test-support), the real originals transfer and review images, wired as main/core/library-session.ts
// wires them, with the events it emits recorded. `person` names who works on it.
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { JobProgress } from '../../../../shared/schemas/jobs';
import type { SyncServiceOptions } from '../../sync';
import { openStudio, type Studio } from '../../sync/test-support/studio-fixture';
import { createDiffer, prepareReviewImage } from '../diff';
import { createOriginals } from '../originals';
import { createRetouchService, type RetouchService } from '../retouch-service';

export interface RetouchLaptop extends Studio {
  retouch: RetouchService;
  mediaDir: string;
  jobs: JobProgress[];
  changed: string[][];
  /** The last job.progress of a job. */
  job(jobId: string): JobProgress | undefined;
}

/** Sync callbacks called besides the retouch service's (another service of the same laptop). */
export interface ExtraHooks {
  onChange?: NonNullable<SyncServiceOptions['onChange']>;
  onDelivered?: NonNullable<SyncServiceOptions['onDelivered']>;
  onRejected?: NonNullable<SyncServiceOptions['onRejected']>;
  onUploadProgress?: NonNullable<SyncServiceOptions['onUploadProgress']>;
}

export function openRetouchLaptop(
  serverUrl: string | null,
  person = 'Anna',
  options: { now?: () => Date; hooks?: ExtraHooks } = {},
): RetouchLaptop {
  const late: { retouch?: RetouchService } = {};
  const hooks = options.hooks ?? {};
  const studio = openStudio(serverUrl, {
    onChange: (kind, galleryId) => {
      if (kind === 'retouch') late.retouch?.feedApplied();
      hooks.onChange?.(kind, galleryId);
    },
    onDelivered: (item, response) => {
      hooks.onDelivered?.(item, response);
      late.retouch?.delivered(item, response);
    },
    onRejected: (item, message) => {
      hooks.onRejected?.(item, message);
      late.retouch?.rejected(item, message);
    },
    onUploadProgress: (seq, sent, total) => hooks.onUploadProgress?.(seq, sent, total),
  });
  const mediaDir = path.join(studio.dir, 'variants');
  const jobs: JobProgress[] = [];
  const changed: string[][] = [];
  const now = options.now ?? (() => new Date());
  const retouch = createRetouchService({
    catalog: studio.catalog,
    sync: studio.sync,
    originals: createOriginals({ catalog: studio.catalog, sync: studio.sync, cacheDir: path.join(studio.dir, 'retouch', 'files') }),
    prepareReviewImage,
    createDiffer,
    me: () => ({ deviceId: studio.catalog.syncState.get().deviceId ?? 'this-computer', name: person, deviceName: 'Test laptop' }),
    now,
    mediaDir,
    versionsDir: path.join(studio.dir, 'retouch', 'versions'),
    events: { job: (p) => jobs.push(p), changed: (ids) => changed.push(ids) },
  });
  late.retouch = retouch;
  onTestFinished(() => retouch.close());
  return {
    ...studio,
    retouch,
    mediaDir,
    jobs,
    changed,
    job: (jobId) => jobs.filter((j) => j.jobId === jobId).at(-1),
  };
}
