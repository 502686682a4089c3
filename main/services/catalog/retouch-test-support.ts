// Test helpers: retouch task views as the server builds them (the shared task machine, revision
// growing with each change), for the catalog's and the retouch service's tests.
import { applyTaskEvent, createTask, type TaskActor, type TaskEvent } from '../../../shared/retouch';
import type { RetouchPriority, RetouchTaskView, RetouchVersionFile } from '../../../shared/schemas/retouch-api';

export const ANNA: TaskActor = { deviceId: 'dev-a', name: 'Anna', deviceName: 'Studio laptop' };
export const BOB: TaskActor = { deviceId: 'dev-b', name: 'Bob', deviceName: 'Studio iMac' };
export const SERVER: TaskActor = { deviceId: 'server', name: 'Proofdesk' };

export interface ViewInput {
  taskId: string;
  name?: string;
  photoId?: string;
  orderId?: string | null;
  orderNumber?: string | null;
  priority?: RetouchPriority;
  dueAt?: string | null;
  at?: string;
  brief?: string;
}

export function taskView(input: ViewInput): RetouchTaskView {
  const at = input.at ?? '2026-03-04T09:00:00.000Z';
  const photoId = input.photoId ?? `photo-${input.taskId}`;
  const orderId = input.orderId ?? null;
  const source = orderId
    ? { kind: 'order_photo' as const, orderId, photoId, instructions: input.brief ?? 'Remove the blemish\nand the stray hair' }
    : { kind: 'by_hand' as const, brief: input.brief ?? 'Clean the background' };
  const made = createTask({ type: 'create', actor: SERVER, at, taskId: input.taskId, source });
  if (!made.ok) throw new Error(made.reason);
  return {
    task: made.task,
    photo: {
      photoId,
      name: input.name ?? `IMG_${input.taskId}.CR3`,
      galleryId: orderId ? 'g1' : null,
      orderId,
      orderNumber: input.orderNumber ?? (orderId ? '2026-0001' : null),
      original: null,
    },
    priority: input.priority ?? 'normal',
    dueAt: input.dueAt ?? null,
    versions: [],
    markups: {},
    history: [made.transition],
    revision: 1,
  };
}

type Step = TaskEvent extends infer E ? (E extends { type: infer T } ? Omit<E, 'at' | 'actor'> & { type: T } : never) : never;

/** The view after one event (as the server applies it), with the version or markups it carries. */
export function advance(
  view: RetouchTaskView,
  actor: TaskActor,
  at: string,
  step: Step,
  extra: { version?: Omit<RetouchVersionFile, 'round'>; markups?: RetouchTaskView['markups'][string] } = {},
): RetouchTaskView {
  const result = applyTaskEvent(view.task, { ...step, actor, at } as TaskEvent);
  if (!result.ok) throw new Error(result.reason);
  const round = result.task.rounds.length;
  return {
    ...view,
    task: result.task,
    history: [...view.history, result.transition],
    versions: extra.version ? [...view.versions, { round, ...extra.version }] : view.versions,
    markups: extra.markups ? { ...view.markups, [String(round)]: extra.markups } : view.markups,
    revision: view.revision + 1,
  };
}

export const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();
