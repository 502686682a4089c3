// Tasks from a paid order (issue 7 point 1): when an order enters waiting_to_retouch, one task per
// ordered photo, in the transaction that moved the order (placement of a free order, validation,
// a payment by hand or by card, a forced delivery: every way in goes through here). Made by the
// system; the instructions are the client's note. The unique (order_id, photo_id) makes a replay
// or a second entry a no-op, so an order never gets two tasks for one photo.
import { createTask } from '../../shared/retouch/task-machine';
import type { Db, OrdersTable } from '../db/types';
import { uuidv7 } from '../db/uuidv7';
import { insertNewTask, serverChangeActor, serverTaskActor } from './task-store';

/** What the retoucher reads when the client wrote nothing with the order. */
export const NO_NOTE_INSTRUCTIONS = 'The client left no note with the order: retouch this photo as the studio usually does.';

/** The file name a task shows: the gallery's name for the photo, else its id (the photo left the gallery since). */
async function photoNames(trx: Db, galleryId: string, photoIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < photoIds.length; i += 500) {
    const rows = await trx
      .selectFrom('gallery_photos')
      .select(['photo_id', 'name'])
      .where('gallery_id', '=', galleryId)
      .where('photo_id', 'in', photoIds.slice(i, i + 500))
      .execute();
    for (const r of rows) names.set(r.photo_id, r.name);
  }
  return names;
}

/** Creates the order's missing tasks; answers how many were made. Call inside the order's transaction. */
export async function createOrderTasks(trx: Db, input: { order: OrdersTable; photoIds: readonly string[]; now: number }): Promise<number> {
  const { order, photoIds, now } = input;
  const names = await photoNames(trx, order.gallery_id, photoIds);
  const instructions = order.note.trim() || NO_NOTE_INSTRUCTIONS;
  let made = 0;
  for (const photoId of photoIds) {
    const created = createTask({
      type: 'create',
      actor: serverTaskActor,
      at: new Date(now).toISOString(),
      taskId: uuidv7(now),
      source: { kind: 'order_photo', orderId: order.id, photoId, instructions },
    });
    if (!created.ok) throw new Error(`A task for photo ${photoId} of order ${order.number} could not be made: ${created.reason}`);
    const view = await insertNewTask(
      trx,
      {
        studioId: order.studio_id,
        task: created.task,
        transition: created.transition,
        orderId: order.id,
        photoId,
        galleryId: order.gallery_id,
        photoName: names.get(photoId) ?? photoId,
        priority: 'normal',
        dueAt: null,
        now,
      },
      serverChangeActor,
    );
    if (view) made += 1;
  }
  return made;
}
