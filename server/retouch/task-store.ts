// Task rows: finding one of the studio's tasks (locked when it is about to change), its history
// rows, and the feed entry every change ends with. The server's own actor is here too: tasks made
// from a paid order, and the order moved on when its last photo is approved, are the system's.
import type { RetouchTask, TaskActor, TaskTransition } from '../../shared/retouch';
import type { ChangeActor } from '../../shared/schemas/hosted-api';
import { type RetouchPriority, type RetouchTaskView, retouchChangeType } from '../../shared/schemas/retouch-api';
import { recordChangeOfState } from '../changes/change-feed';
import { forUpdate } from '../db/row-lock';
import type { Db, RetouchTasksTable } from '../db/types';
import { ApiError } from '../http/api-error';
import { taskView } from './task-views';

/** Who made a task from an order, in the task's history. */
export const serverTaskActor: TaskActor = { deviceId: 'server', name: 'Proofdesk' };
/** The `by` of a feed entry the server made by itself. */
export const serverChangeActor: ChangeActor = { deviceId: 'server', deviceName: 'Proofdesk' };

export const taskNotFound = (taskId: string) =>
  new ApiError('not_found', `There is no retouch task "${taskId}" in this studio account. Reload the retouch queue and pick one from it.`);

/** A task of this studio, or 404 (another studio's task is "not found", never "forbidden"); `lock` inside a writing transaction. */
export async function loadTask(db: Db, studioId: string, taskId: string, options: { lock?: boolean } = {}): Promise<RetouchTasksTable> {
  const query = db.selectFrom('retouch_tasks').selectAll().where('studio_id', '=', studioId).where('id', '=', taskId);
  const row = await (options.lock ? forUpdate(db, query) : query).executeTakeFirst();
  if (!row) throw taskNotFound(taskId);
  return row;
}

export async function insertTaskTransition(trx: Db, studioId: string, taskId: string, transition: TaskTransition): Promise<void> {
  const last = await trx
    .selectFrom('retouch_transitions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('studio_id', '=', studioId)
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  await trx
    .insertInto('retouch_transitions')
    .values({
      studio_id: studioId,
      task_id: taskId,
      seq: Number(last?.seq ?? 0) + 1,
      from_state: transition.from,
      to_state: transition.to,
      event_type: transition.eventType,
      actor: JSON.stringify(transition.actor),
      at: Date.parse(transition.at),
      round: transition.round,
      note: transition.note,
    })
    .execute();
}

/**
 * retouch.task.updated with the task's view as it is now in this transaction. The caller holds the
 * task's row (locked or just inserted), so the view cannot change before commit; the seq's counter
 * row then orders this entry after every change that committed before it.
 */
export async function recordTaskUpdated(trx: Db, row: RetouchTasksTable, by: ChangeActor, at: number): Promise<RetouchTaskView> {
  let view: RetouchTaskView | undefined;
  await recordChangeOfState(trx, { studioId: row.studio_id, galleryId: row.gallery_id ?? '', type: retouchChangeType, at }, async () => {
    view = await taskView(trx, row);
    return { view, by };
  });
  if (!view) throw new Error('retouch.task.updated was recorded without the task');
  return view;
}

/** Writes the task's new columns with revision + 1 and records the feed entry; answers the view. */
export async function saveTask(
  trx: Db,
  row: RetouchTasksTable,
  changes: Partial<Pick<RetouchTasksTable, 'task' | 'state' | 'priority' | 'due_at'>>,
  by: ChangeActor,
  now: number,
): Promise<RetouchTaskView> {
  const next: RetouchTasksTable = { ...row, ...changes, revision: Number(row.revision) + 1, updated_at: now };
  await trx
    .updateTable('retouch_tasks')
    .set({ ...changes, revision: next.revision, updated_at: now })
    .where('studio_id', '=', row.studio_id)
    .where('id', '=', row.id)
    .execute();
  return recordTaskUpdated(trx, next, by, now);
}

export interface NewTask {
  studioId: string;
  task: RetouchTask;
  transition: TaskTransition;
  orderId: string | null;
  photoId: string;
  galleryId: string | null;
  photoName: string;
  priority: RetouchPriority;
  dueAt: number | null;
  now: number;
}

/**
 * Inserts a task made by createTask with its first history row and feed entry, or answers null
 * when it exists already (the same id, or the same order and photo): a replay never makes two.
 */
export async function insertNewTask(trx: Db, input: NewTask, by: ChangeActor): Promise<RetouchTaskView | null> {
  const row: RetouchTasksTable = {
    studio_id: input.studioId,
    id: input.task.id,
    order_id: input.orderId,
    photo_id: input.photoId,
    gallery_id: input.galleryId,
    photo_name: input.photoName,
    task: JSON.stringify(input.task),
    state: input.task.state,
    priority: input.priority,
    due_at: input.dueAt,
    revision: 1,
    created_at: input.now,
    updated_at: input.now,
  };
  const inserted = await trx
    .insertInto('retouch_tasks')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  await insertTaskTransition(trx, input.studioId, row.id, input.transition);
  return recordTaskUpdated(trx, row, by, input.now);
}
