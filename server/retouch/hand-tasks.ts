// Tasks made by hand from any photo with a brief (POST /v1/retouch/tasks), and the plan of any task
// (PATCH: priority, due date). The task id is the laptop's, so a create sent again from its outbox
// is answered with the task it made, never a second one; the same id for something else is refused.
import type { z } from 'zod';
import { createTask } from '../../shared/retouch/task-machine';
import { taskRefusal } from '../../shared/retouch/task-refusals';
import type { ChangeActor } from '../../shared/schemas/hosted-api';
import type { createTaskBody, planTaskBody, RetouchTaskView } from '../../shared/schemas/retouch-api';
import type { Db } from '../db/types';
import { ApiError } from '../http/api-error';
import { refusalError } from '../orders/studio-orders';
import { insertNewTask, loadTask, saveTask } from './task-store';
import { taskOf, taskView } from './task-views';

export interface Asker {
  studioId: string;
  deviceId: string;
  deviceName: string;
}

const changeActor = (asker: Asker): ChangeActor => ({ deviceId: asker.deviceId, deviceName: asker.deviceName });

/** Answers the task and whether this request made it (201) or it existed already (200). */
export async function createHandTask(
  db: Db,
  input: { asker: Asker; body: z.infer<typeof createTaskBody>; now: number },
): Promise<{ view: RetouchTaskView; created: boolean }> {
  const { asker, body, now } = input;
  const created = createTask({
    type: 'create',
    actor: { deviceId: asker.deviceId, name: body.by, deviceName: asker.deviceName },
    at: new Date(now).toISOString(),
    taskId: body.taskId,
    source: { kind: 'by_hand', brief: body.brief },
  });
  if (!created.ok) throw new ApiError('invalid_input', created.reason);
  return db.transaction().execute(async (trx) => {
    const view = await insertNewTask(
      trx,
      {
        studioId: asker.studioId,
        task: created.task,
        transition: created.transition,
        orderId: null,
        photoId: body.photoId,
        galleryId: body.galleryId,
        photoName: body.name,
        priority: body.priority,
        dueAt: body.dueAt === null ? null : Date.parse(body.dueAt),
        now,
      },
      changeActor(asker),
    );
    if (view) return { view, created: true };
    const existing = await loadTask(trx, asker.studioId, body.taskId);
    const source = taskOf(existing).source;
    if (existing.photo_id === body.photoId && source.kind === 'by_hand' && source.brief === body.brief) {
      return { view: await taskView(trx, existing), created: false };
    }
    throw refusalError(taskRefusal('create.already_created'));
  });
}

/** Priority and due date; an approved task is finished and keeps its plan. Nothing changed: answered as it is. */
export async function planTask(
  db: Db,
  input: { asker: Asker; taskId: string; body: z.infer<typeof planTaskBody>; now: number },
): Promise<RetouchTaskView> {
  const { asker, taskId, body, now } = input;
  return db.transaction().execute(async (trx) => {
    const row = await loadTask(trx, asker.studioId, taskId, { lock: true });
    if (row.state === 'approved') throw refusalError(taskRefusal('any.approved'));
    const priority = body.priority ?? row.priority;
    const dueAt = body.dueAt === undefined ? row.due_at : body.dueAt === null ? null : Date.parse(body.dueAt);
    if (priority === row.priority && dueAt === (row.due_at === null ? null : Number(row.due_at))) return taskView(trx, row);
    return saveTask(trx, row, { priority, due_at: dueAt }, changeActor(asker), now);
  });
}
