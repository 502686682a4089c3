// Drop-back (issue 7 point 3): edited files dropped on the queue are matched to tasks by name, as
// delivery matches them (shared/delivery; the task is the "ordered photo", named as its original),
// then each pair is checked and sent to review: the file must decode (its review image is made
// from it), it is kept in the library by sha256, recorded as the round's version, and its upload
// and the submit event are queued in one transaction. Works offline for tasks this person holds.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { type DeliveryMatch, matchDelivery } from '../../../shared/delivery';
import { AppError } from '../../../shared/errors';
import { applyTaskEvent, sameActor, type TaskActor } from '../../../shared/retouch';
import type { JobProgress } from '../../../shared/schemas/jobs';
import type { RetouchTaskView } from '../../../shared/schemas/retouch-api';
import type { Catalog } from '../catalog';
import { scanDrop } from '../delivery';
import type { ImagePreparer } from './image-preparer';
import { queueEvent, retouchTopic } from './retouch-requests';
import { keepVersion } from './version-store';

export interface DropBackOptions {
  catalog: Catalog;
  me: () => TaskActor;
  now: () => Date;
  current: (taskId: string) => RetouchTaskView | null;
  all: () => RetouchTaskView[];
  preparer: ImagePreparer;
  /** Where dropped versions are kept, e.g. <library>/retouch/versions. */
  versionsDir: string;
  job: (progress: JobProgress) => void;
  changed: (taskIds: string[]) => void;
}

const PLACEHOLDER_SHA = '0'.repeat(64);

export function createDropBack(options: DropBackOptions) {
  const { catalog } = options;

  function requireView(taskId: string): RetouchTaskView {
    const view = options.current(taskId);
    if (!view) throw new AppError('not_found', 'This retouch task is not in the library (yet). Sync, then try again.');
    return view;
  }

  /** The machine's refusal of a submit by this person now, or null. */
  function submitRefusal(view: RetouchTaskView): string | null {
    const at = new Date(Math.max(options.now().getTime(), Date.parse(view.task.updatedAt))).toISOString();
    const result = applyTaskEvent(view.task, { type: 'submit', actor: options.me(), at, versionSha256: PLACEHOLDER_SHA });
    return result.ok ? null : result.reason;
  }

  async function submitOne(taskId: string, source: string): Promise<void> {
    const name = path.basename(source);
    const kept = await keepVersion(source, options.versionsDir);
    // The decode check: a damaged or unreadable edit fails here, before anything is queued. Made
    // from the dropped file so the sentence names it; the same bytes as the copy kept, or refused.
    const image = await options.preparer.prepareNow(kept.sha256, kept.file, source);
    if (image.sha256 !== kept.sha256)
      throw new AppError('conflict', `${name} changed while it was being read. Wait until the editor has saved it, then drop it again.`);
    catalog.transaction(() => {
      // Checked again: the task may have changed while the file was read (a feed page, a release).
      const view = requireView(taskId);
      const refusal = submitRefusal(view);
      if (refusal) throw new AppError('conflict', `${view.photo.name}: ${refusal}`);
      const round = view.task.rounds.length;
      const version = { sha256: kept.sha256, name, size: kept.size, width: image.width, height: image.height };
      catalog.retouch.recordVersion({ taskId, round, path: source, file: kept.file, ...version });
      catalog.outbox.enqueueUpload({
        file: kept.file,
        sha256: kept.sha256,
        size: kept.size,
        label: `Round ${round} of ${view.photo.name}`,
        topic: retouchTopic(taskId),
      });
      queueEvent(catalog, taskId, view.photo.name, { type: 'submit', by: options.me().name, version });
      catalog.retouch.clearProblem(taskId);
    });
  }

  return {
    async preview(taskIds: readonly string[] | undefined, paths: readonly string[]): Promise<DeliveryMatch> {
      const me = options.me();
      const views = taskIds
        ? taskIds.map(requireView)
        : options.all().filter((v) => v.task.state === 'in_progress' && v.task.lease !== null && sameActor(v.task.lease.holder, me));
      if (views.length === 0)
        throw new AppError('conflict', 'You hold no photos right now. Claim the photos you retouch, then drop your edits on the queue.');
      const ordered = views.map((v) => ({ photoId: v.task.id, name: v.photo.name, folder: null }));
      return matchDelivery({ ordered, files: await scanDrop(paths) });
    },

    /** Checks every pair at once (a sentence before any work), then sends each as a job. */
    submit(pairs: readonly { taskId: string; path: string }[]): { jobId: string; done: Promise<void> } {
      const seen = new Set<string>();
      for (const pair of pairs) {
        const view = requireView(pair.taskId);
        if (seen.has(pair.taskId)) throw new AppError('invalid_input', `Two files are matched to ${view.photo.name}. Keep one.`);
        seen.add(pair.taskId);
        const refusal = submitRefusal(view);
        if (refusal) throw new AppError('conflict', `${view.photo.name}: ${refusal}`);
      }
      const jobId = `retouch.submit:${randomUUID()}`;
      const total = pairs.length;
      let done = 0;
      const label = total === 1 ? 'Send 1 edit to review' : `Send ${total} edits to review`;
      const report = (state: JobProgress['state'], error?: string) =>
        options.job({ jobId, kind: 'retouch.submit', state, done, total, label, ...(error ? { error } : {}) });
      const work = (async () => {
        report('running');
        const failures: string[] = [];
        for (const pair of pairs) {
          try {
            await submitOne(pair.taskId, pair.path);
          } catch (error) {
            // One bad file does not stop the others; each failure is told with its file's name.
            const message = (error as Error).message;
            failures.push(error instanceof AppError ? message : `${path.basename(pair.path)}: ${message}`);
          }
          done += 1;
          report('running');
        }
        options.changed(pairs.map((p) => p.taskId));
        if (failures.length > 0) {
          const message = failures.join(' ');
          report('failed', message);
          throw new AppError('invalid_input', message);
        }
        report('done');
      })();
      // The job's outcome is told through job.progress; `done` is for callers that wait (tests).
      work.catch(() => {});
      return { jobId, done: work };
    },
  };
}
export type DropBack = ReturnType<typeof createDropBack>;
