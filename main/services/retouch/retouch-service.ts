// The retouch queue on this laptop (issue 7): tasks as the server's change feed and answers bring
// them (catalog.retouch), shown with this laptop's queued changes applied; claims online, the rest
// through the outbox; drop-back of edited files; review; the difference overlay; the originals.
// Constructed with explicit dependencies (see ports.ts); the public API is RetouchService.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { JobProgress } from '../../../shared/schemas/jobs';
import { type RetouchTaskView, retouchTaskViewSchema } from '../../../shared/schemas/retouch-api';
import type { DiffOutput, RetouchDetail, RetouchFilter } from '../../../shared/schemas/retouch-desk';
import type { Catalog, OutboxItem } from '../catalog';
import type { SyncService } from '../sync';
import { createDropBack } from './drop-back';
import { createImagePreparer } from './image-preparer';
import { createLeases } from './leases';
import type { Differ, Me, OriginalsPort, PrepareReviewImage } from './ports';
import { retouchTopic, taskIdOfTopic, VIEW_PATH } from './retouch-requests';
import { createRetouchView } from './retouch-view';
import { runDiff } from './review-diff';
import { createTaskChanges, type ReviewInput } from './task-changes';

const RENEW_CHECK_MS = 60_000;

export interface RetouchServiceOptions {
  catalog: Catalog;
  sync: Pick<SyncService, 'send' | 'status'>;
  originals: OriginalsPort;
  prepareReviewImage: PrepareReviewImage;
  createDiffer: () => Differ;
  me: Me;
  now: () => Date;
  /** The library's media folder (served under /media/): review images go to <mediaDir>/retouch. */
  mediaDir: string;
  /** Where dropped versions are kept, e.g. <library>/retouch/versions. */
  versionsDir: string;
  events: { job(progress: JobProgress): void; changed(taskIds: string[]): void };
}

export interface RetouchService {
  list(filter: RetouchFilter, search: string, orderId?: string): ReturnType<ReturnType<typeof createRetouchView>['list']>;
  get(taskId: string): RetouchDetail;
  create(input: { photoIds: string[]; brief: string; priority: RetouchTaskView['priority']; dueAt: string | null }): { taskIds: string[] };
  plan(taskId: string, change: { priority?: RetouchTaskView['priority'] | undefined; dueAt?: string | null | undefined }): RetouchDetail;
  claim(taskIds: readonly string[]): Promise<{ claimed: string[]; refused: { taskId: string; reason: string }[] }>;
  release(taskIds: readonly string[]): { claimed: string[]; refused: { taskId: string; reason: string }[] };
  resume(taskId: string): Promise<RetouchDetail>;
  /** Renews this person's holds that are running out (the timer does it every minute). */
  renewDue(): Promise<{ renewed: string[]; refused: string[] }>;
  dropPreview: ReturnType<typeof createDropBack>['preview'];
  submit: ReturnType<typeof createDropBack>['submit'];
  review(input: ReviewInput): RetouchDetail;
  diff(input: { taskId: string; before: number; after: number; threshold: number }): Promise<DiffOutput>;
  downloadOriginals(taskIds: readonly string[], folder: string, as: 'folder' | 'zip'): { jobId: string; done: Promise<void> };
  /** The file to open or reveal: the original here, or the latest version (fetched when not here). */
  filePath(taskId: string, file: 'original' | 'latest_version'): Promise<string>;
  dismissProblem(taskId: string): RetouchDetail;
  /** After a feed page changed tasks (already committed): uploads, images, the window. */
  feedApplied(): void;
  /** Sync's onDelivered, inside its transaction: a retouch answer is the task's whole view. */
  delivered(item: OutboxItem, response: unknown): void;
  /** Sync's onRejected: the server refused a queued change for good; its sentence is the task's problem. */
  rejected(item: OutboxItem, message: string): void;
  /** Waits for background image work (tests). */
  idle(): Promise<void>;
  start(): void;
  close(): Promise<void>;
}

export function createRetouchService(options: RetouchServiceOptions): RetouchService {
  const { catalog, originals, events, now } = options;
  const online = () => {
    const status = options.sync.status();
    return status.paired && status.online && !status.revoked;
  };
  const preparer = createImagePreparer({
    catalog,
    mediaDir: options.mediaDir,
    prepare: options.prepareReviewImage,
    originals,
    online,
    changed: (taskIds) => events.changed(taskIds),
  });
  const reading = createRetouchView({ catalog, me: options.me, now, preparer, originals });
  const { current } = reading;

  /** What follows stored views: offer originals, start their images, tell the window. */
  function settle(): void {
    const ids = catalog.retouch.takeChanged();
    if (ids.length === 0) return;
    for (const id of ids) {
      const view = current(id);
      if (!view) continue;
      originals.offer(view);
      if (view.task.state !== 'approved') preparer.kick(view);
    }
    events.changed(ids);
  }
  const keep = (view: RetouchTaskView) => {
    catalog.retouch.putView(view);
    settle();
  };

  const leases = createLeases({ catalog, sync: options.sync, me: options.me, now, current, keep });
  const changes = createTaskChanges({ catalog, me: options.me, now, current });
  const dropBack = createDropBack({
    catalog,
    me: options.me,
    now,
    current,
    all: reading.all,
    preparer,
    versionsDir: options.versionsDir,
    job: events.job,
    changed: events.changed,
  });

  function requireView(taskId: string): RetouchTaskView {
    const view = current(taskId);
    if (!view) throw new AppError('not_found', 'This retouch task is not in the library (yet). Sync, then open it again.');
    return view;
  }
  const detail = (taskId: string) => reading.detail(requireView(taskId));
  const changed = (taskIds: string[]) => {
    events.changed(taskIds);
    return taskIds;
  };

  let differ: Differ | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  return {
    list: (filter, search, orderId) => reading.list(filter, search, orderId),
    get: detail,
    create(input) {
      const taskIds = changes.create(input);
      settle();
      return { taskIds };
    },
    plan(taskId, change) {
      changes.plan(taskId, change);
      changed([taskId]);
      return detail(taskId);
    },
    claim: (taskIds) => leases.claim(taskIds),
    release(taskIds) {
      const result = changes.release(taskIds);
      changed(result.claimed);
      return result;
    },
    async resume(taskId) {
      await leases.resume(taskId);
      return detail(taskId);
    },
    renewDue: () => leases.renewDue(),
    dropPreview: (taskIds, paths) => dropBack.preview(taskIds, paths),
    submit: (pairs) => dropBack.submit(pairs),
    review(input) {
      changes.review(input);
      changed([input.taskId]);
      return detail(input.taskId);
    },
    diff(input) {
      differ ??= options.createDiffer();
      return runDiff({ view: requireView(input.taskId), preparer, differ, mediaDir: options.mediaDir, ...input });
    },
    downloadOriginals(taskIds, folder, as) {
      const views = taskIds.map(requireView);
      const jobId = `retouch.originals:${randomUUID()}`;
      const label = views.length === 1 ? `Original of ${views[0]?.photo.name}` : `${views.length} originals`;
      const report = (state: JobProgress['state'], done: number, total: number, error?: string) =>
        events.job({ jobId, kind: 'retouch.originals', state, done, total, label, ...(error ? { error } : {}) });
      report('running', 0, views.length);
      const done = originals
        .saveBatch(views, folder, as, (n, total) => report('running', n, total))
        .then(() => report('done', views.length, views.length))
        .catch((error: unknown) => {
          report('failed', 0, views.length, (error as Error).message);
          throw error;
        });
      // The outcome is told through job.progress; `done` is for callers that wait.
      done.catch(() => {});
      return { jobId, done };
    },
    async filePath(taskId, file) {
      const view = requireView(taskId);
      if (file === 'original') {
        const known = originals.knownPath(view);
        if (known) return known;
        const fetched = await originals.localFile(view);
        if ('missing' in fetched) throw new AppError('not_found', fetched.missing);
        return fetched.path;
      }
      const latest = view.versions.at(-1);
      if (!latest) throw new AppError('not_found', `No version of ${view.photo.name} has been submitted yet.`);
      const local = catalog.retouch.versions(taskId).find((v) => v.sha256 === latest.sha256);
      if (!local) return originals.fetchFile(latest.sha256, latest.name);
      // The retoucher's own export where it still is: the copy kept in the library is never edited.
      return existsSync(local.path) ? local.path : local.file;
    },
    dismissProblem(taskId) {
      const problem = catalog.retouch.problem(taskId);
      catalog.transaction(() => {
        catalog.retouch.clearProblem(taskId);
        for (const item of catalog.outbox.byTopic(retouchTopic(taskId), 'rejected')) catalog.outbox.dismiss(item.seq);
      });
      if (problem) changed([taskId]);
      return detail(taskId);
    },
    feedApplied: settle,
    delivered(item, response) {
      if (!taskIdOfTopic(item.topic) || item.kind !== 'request' || !VIEW_PATH.test(item.path)) return;
      const view = retouchTaskViewSchema.safeParse(response);
      if (!view.success) return;
      catalog.retouch.putView(view.data);
      // After the sender's transaction has committed.
      queueMicrotask(settle);
    },
    rejected(item, message) {
      const taskId = taskIdOfTopic(item.topic);
      if (!taskId) return;
      catalog.retouch.setProblem(taskId, `${item.label}: ${message}`, item.seq);
      changed([taskId]);
    },
    idle: () => preparer.idle(),
    start() {
      // Offline and refused renewals are handled inside (a refusal becomes the task's problem);
      // what is left is a bug or a closed catalog: shown as the sync error, the timer goes on.
      const renew = () => leases.renewDue().catch((error: unknown) => catalog.syncState.recordError((error as Error).message));
      timer ??= setInterval(renew, RENEW_CHECK_MS);
      timer.unref?.();
      void renew();
      // An original whose upload never got queued (the app quit while hashing it) is offered again.
      for (const view of catalog.retouch.views()) if (view.task.state !== 'approved') originals.offer(view);
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = null;
      await differ?.close();
      differ = null;
    },
  };
}
