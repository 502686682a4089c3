// What this laptop shows for a task: the server's last view with this laptop's still-queued
// changes applied on top through the shared task machine (the same rules the server applies), so
// a submit or review made offline shows at once. A queued change the machine refuses here is
// left out: the server will refuse it too, and its sentence becomes the task's problem.
import { applyTaskEvent, type TaskActor } from '../../../shared/retouch';
import type { RetouchTaskView, TaskEventBody } from '../../../shared/schemas/retouch-api';
import type { OutboxItem } from '../catalog';
import { machineEvent, taskPath } from './retouch-requests';

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

export function applyQueued(view: RetouchTaskView, queued: readonly OutboxItem[], me: TaskActor, now: Date): RetouchTaskView {
  let next = view;
  for (const item of queued) {
    if (item.kind !== 'request') continue;
    if (item.method === 'PATCH' && item.path === taskPath(view.task.id)) {
      const plan = item.body as { priority?: RetouchTaskView['priority']; dueAt?: string | null };
      next = { ...next, ...(plan.priority ? { priority: plan.priority } : {}), ...(plan.dueAt !== undefined ? { dueAt: plan.dueAt } : {}) };
      continue;
    }
    if (item.method !== 'POST' || item.path !== `${taskPath(view.task.id)}/events`) continue;
    const body = item.body as TaskEventBody;
    // Never before the task's last change: the machine refuses events dated earlier.
    const at = later(now.toISOString(), next.task.updatedAt);
    const result = applyTaskEvent(next.task, machineEvent(body, me, at));
    if (!result.ok) continue;
    const round = result.task.rounds.length;
    next = {
      ...next,
      task: result.task,
      history: [...next.history, result.transition],
      versions: body.type === 'submit' ? [...next.versions.filter((v) => v.round !== round), { round, ...body.version }] : next.versions,
      markups: body.type === 'reject' ? { ...next.markups, [String(round)]: body.markups } : next.markups,
    };
  }
  return next;
}
