// POST /v1/retouch/tasks/:taskId/events: the body (retouch-api taskEventBody) becomes the machine's
// event with the server's actor and time: the device from the token, the person from `by`, `at` the
// server's now, a lease's end now + leaseMinutes. One transaction per event: the task's row is read
// locked (two laptops claiming at once: the second reads what the first wrote, and is refused), the
// machine decides, and the new task, its history row, the version or markups and the feed entry
// commit together. The last approval of an order moves the order on in the same transaction.
import { applyTaskEvent, orderRetouchDone, type RetouchTask, type TaskActor, type TaskEvent } from '../../shared/retouch';
import type { RetouchTaskView, TaskEventBody } from '../../shared/schemas/retouch-api';
import type { Db, RetouchTasksTable } from '../db/types';
import { applyEventToOrder, refusalError } from '../orders/studio-orders';
import type { BlobStorage } from '../storage/blob-storage';
import type { Asker } from './hand-tasks';
import { assertUploaded } from './retouch-files';
import { insertTaskTransition, loadTask, saveTask } from './task-store';
import { taskOf, taskView } from './task-views';

const MINUTE = 60_000;

export interface TaskEventInput {
  asker: Asker;
  taskId: string;
  body: TaskEventBody;
  now: number;
  publicUrl: string;
}

/**
 * The machine's event for the body. The time never goes back before the task's last change: with
 * several server instances a few milliseconds of clock skew must not refuse a claim as out of order.
 */
function machineEvent(task: RetouchTask, body: TaskEventBody, actor: TaskActor, now: number): TaskEvent {
  const atMs = Math.max(now, Date.parse(task.updatedAt));
  const at = new Date(atMs).toISOString();
  switch (body.type) {
    case 'claim':
    case 'renew':
    case 'resume':
      return { type: body.type, actor, at, expiresAt: new Date(atMs + body.leaseMinutes * MINUTE).toISOString() };
    case 'release':
      return { type: 'release', actor, at };
    case 'submit':
      return { type: 'submit', actor, at, versionSha256: body.version.sha256 };
    case 'approve':
      return { type: 'approve', actor, at, ...(body.comment ? { comment: body.comment } : {}) };
    case 'reject':
      return { type: 'reject', actor, at, markupCount: body.markups.length, ...(body.comment ? { comment: body.comment } : {}) };
  }
}

/** What the event brings besides the task: the submitted version's row, the rejection's markups. */
async function recordExtras(trx: Db, row: RetouchTasksTable, body: TaskEventBody, round: number, now: number): Promise<void> {
  const key = { studio_id: row.studio_id, task_id: row.id, round, created_at: now };
  if (body.type === 'submit') {
    const { sha256, name, size, width, height } = body.version;
    await trx
      .insertInto('retouch_versions')
      .values({ ...key, sha256, name, size, width, height })
      .execute();
  }
  if (body.type === 'reject') {
    await trx
      .insertInto('retouch_markups')
      .values({ ...key, markups: JSON.stringify(body.markups) })
      .execute();
  }
}

/** The order's retouching is done when its last task is approved: retouch_completed by the system, as any order event. */
async function completeOrderIfDone(trx: Db, input: TaskEventInput, orderId: string): Promise<boolean> {
  const { studioId } = input.asker;
  const order = await trx
    .selectFrom('orders')
    .select('state')
    .where('studio_id', '=', studioId)
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (order?.state !== 'waiting_to_retouch') return false;
  const tasks = await trx
    .selectFrom('retouch_tasks')
    .select('state')
    .where('studio_id', '=', studioId)
    .where('order_id', '=', orderId)
    .execute();
  if (!orderRetouchDone(tasks as Pick<RetouchTask, 'state'>[])) return false;
  await applyEventToOrder(trx, {
    studioId,
    orderId,
    event: { type: 'retouch_completed', by: 'all_tasks_approved' },
    actor: { kind: 'system', name: 'Proofdesk' },
    now: input.now,
    publicUrl: input.publicUrl,
  });
  return true;
}

/** Applies the event; answers the task's view and whether its order moved on (then e-mails may be queued). */
export async function applyTaskEventBody(
  db: Db,
  storage: BlobStorage,
  input: TaskEventInput,
): Promise<{ view: RetouchTaskView; orderCompleted: boolean }> {
  const { asker, taskId, body, now } = input;
  if (body.type === 'submit') await assertUploaded(db, storage, asker.studioId, body.version, 'the version for review');
  const actor: TaskActor = { deviceId: asker.deviceId, name: body.by, deviceName: asker.deviceName };
  return db.transaction().execute(async (trx) => {
    const row = await loadTask(trx, asker.studioId, taskId, { lock: true });
    const task = taskOf(row);
    const result = applyTaskEvent(task, machineEvent(task, body, actor, now));
    if (!result.ok) {
      // Someone else holds it: the laptop gets the task as it is, to show who and until when.
      throw refusalError(result, result.code === 'leased' ? { task: await taskView(trx, row) } : {});
    }
    await recordExtras(trx, row, body, result.task.rounds.length, now);
    await insertTaskTransition(trx, row.studio_id, row.id, result.transition);
    const view = await saveTask(
      trx,
      row,
      { task: JSON.stringify(result.task), state: result.task.state },
      { deviceId: asker.deviceId, deviceName: asker.deviceName },
      now,
    );
    const orderCompleted =
      result.task.state === 'approved' && row.order_id !== null ? await completeOrderIfDone(trx, input, row.order_id) : false;
    return { view, orderCompleted };
  });
}
