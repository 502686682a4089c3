// The changes that may wait in the outbox (issue 7 point 2: the review result syncs later): tasks
// made by hand, planning, release and the review. Each is checked at once with the shared task
// machine on the task as shown (so a refusal is told before anything is queued), then queued in
// one transaction with its local rows; the view shows it applied until the server answers.
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { applyTaskEvent, createTask, type TaskActor } from '../../../shared/retouch';
import type { RetouchPriority, RetouchTaskView, TaskEventBody } from '../../../shared/schemas/retouch-api';
import type { Catalog } from '../catalog';
import { createUuidV7 } from '../catalog';
import { machineEvent, queueEvent, retouchTopic, TASKS_PATH, taskPath } from './retouch-requests';

export interface TaskChangesOptions {
  catalog: Catalog;
  me: () => TaskActor;
  now: () => Date;
  current: (taskId: string) => RetouchTaskView | null;
}

export type ReviewInput =
  | { taskId: string; verdict: 'approve'; comment?: string | undefined }
  | { taskId: string; verdict: 'reject'; markups: Extract<TaskEventBody, { type: 'reject' }>['markups']; comment?: string | undefined };

export function createTaskChanges(options: TaskChangesOptions) {
  const { catalog, me } = options;
  const newId = createUuidV7(() => options.now().getTime());

  function requireView(taskId: string): RetouchTaskView {
    const view = options.current(taskId);
    if (!view) throw new AppError('not_found', 'This retouch task is not in the library (yet). Sync, then open it again.');
    return view;
  }

  /** The machine's sentence when this person may not do `body` to the task now, or null. */
  function refusal(view: RetouchTaskView, body: TaskEventBody): { reason: string; invalid: boolean } | null {
    const at = new Date(Math.max(options.now().getTime(), Date.parse(view.task.updatedAt))).toISOString();
    const result = applyTaskEvent(view.task, machineEvent(body, me(), at));
    return result.ok ? null : { reason: result.reason, invalid: result.code === 'invalid_event' || result.code === 'needs_feedback' };
  }

  function queue(view: RetouchTaskView, body: TaskEventBody): void {
    const refused = refusal(view, body);
    if (refused) throw new AppError(refused.invalid ? 'invalid_input' : 'conflict', refused.reason);
    catalog.transaction(() => {
      queueEvent(catalog, view.task.id, view.photo.name, body);
      // A new change of the task replaces the sentence of an older refused one.
      catalog.retouch.clearProblem(view.task.id);
    });
  }

  return {
    create(input: { photoIds: string[]; brief: string; priority: RetouchPriority; dueAt: string | null }): string[] {
      const actor = me();
      const photos = input.photoIds.map((photoId) => {
        const photo = catalog.photos.get(photoId);
        const file = photo?.files.find((f) => f.role === 'primary') ?? photo?.files[0];
        if (!photo || !file)
          throw new AppError('not_found', `A chosen photo (${photoId}) is not in this library. Choose photos of a shoot here.`);
        return { photoId, name: path.basename(file.path) };
      });
      const at = options.now().toISOString();
      return catalog.transaction(() =>
        photos.map(({ photoId, name }) => {
          const taskId = newId();
          const made = createTask({ type: 'create', actor, at, taskId, source: { kind: 'by_hand', brief: input.brief } });
          if (!made.ok) throw new AppError('invalid_input', made.reason);
          const view: RetouchTaskView = {
            task: made.task,
            photo: { photoId, name, galleryId: null, orderId: null, orderNumber: null, original: null },
            priority: input.priority,
            dueAt: input.dueAt,
            versions: [],
            markups: {},
            history: [made.transition],
            // Stored as revision 0 (not yet confirmed): the server's first view replaces it.
            revision: 1,
          };
          catalog.retouch.putLocalView(view);
          catalog.outbox.enqueue({
            method: 'POST',
            path: TASKS_PATH,
            body: {
              taskId,
              photoId,
              name,
              galleryId: null,
              brief: input.brief,
              priority: input.priority,
              dueAt: input.dueAt,
              by: actor.name,
            },
            label: `New retouch task (${name})`,
            topic: retouchTopic(taskId),
          });
          return taskId;
        }),
      );
    },

    plan(taskId: string, change: { priority?: RetouchPriority | undefined; dueAt?: string | null | undefined }): void {
      const view = requireView(taskId);
      if (change.priority === undefined && change.dueAt === undefined)
        throw new AppError('invalid_input', 'Change the priority, the due date or both.');
      if (view.task.state === 'approved')
        throw new AppError('conflict', 'This photo is approved, so its task is finished. Create a new task to retouch it again.');
      const body = {
        ...(change.priority !== undefined ? { priority: change.priority } : {}),
        ...(change.dueAt !== undefined ? { dueAt: change.dueAt } : {}),
      };
      catalog.transaction(() =>
        catalog.outbox.enqueue({
          method: 'PATCH',
          path: taskPath(taskId),
          body,
          label: `Plan (${view.photo.name})`,
          topic: retouchTopic(taskId),
        }),
      );
    },

    release(taskIds: readonly string[]) {
      const claimed: string[] = [];
      const refused: { taskId: string; reason: string }[] = [];
      for (const taskId of taskIds) {
        const view = options.current(taskId);
        if (!view) {
          refused.push({ taskId, reason: 'This retouch task is not in the library (yet). Sync, then try again.' });
          continue;
        }
        try {
          queue(view, { type: 'release', by: me().name });
          claimed.push(taskId);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          refused.push({ taskId, reason: error.message });
        }
      }
      return { claimed, refused };
    },

    review(input: ReviewInput): void {
      const view = requireView(input.taskId);
      const comment = input.comment ? { comment: input.comment } : {};
      queue(
        view,
        input.verdict === 'approve'
          ? { type: 'approve', by: me().name, ...comment }
          : { type: 'reject', by: me().name, markups: input.markups, ...comment },
      );
    },
  };
}
export type TaskChanges = ReturnType<typeof createTaskChanges>;
