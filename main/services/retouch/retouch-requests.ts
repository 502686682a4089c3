// The retouch changes this laptop sends, as outbox rows (topic retouch:<taskId>, so a task's
// queued changes are found, shown applied and told when refused) or as bodies of online
// requests, and how a queued body reads as an event of the shared task machine.
import type { TaskActor, TaskEvent } from '../../../shared/retouch';
import type { TaskEventBody } from '../../../shared/schemas/retouch-api';
import type { Catalog, OutboxItem } from '../catalog';

export const LEASE_MINUTES = 120;
export const retouchTopic = (taskId: string) => `retouch:${taskId}`;
export const taskIdOfTopic = (topic: string | null) => (topic?.startsWith('retouch:') ? topic.slice('retouch:'.length) : null);

export const TASKS_PATH = '/v1/retouch/tasks';
export const taskPath = (taskId: string) => `${TASKS_PATH}/${encodeURIComponent(taskId)}`;
export const eventsPath = (taskId: string) => `${taskPath(taskId)}/events`;
/** The rows whose answer is the task's whole view. */
export const VIEW_PATH = /^\/v1\/retouch\/tasks(?:\/[^/]+(?:\/events)?)?$/;

export const eventLabels: Record<TaskEventBody['type'], string> = {
  claim: 'Claim',
  renew: 'Keep working',
  release: 'Release',
  resume: 'Resume',
  submit: 'Submit for review',
  approve: 'Approve',
  reject: 'Send back',
};

export function queueEvent(catalog: Catalog, taskId: string, photoName: string, body: TaskEventBody): OutboxItem {
  return catalog.outbox.enqueue({
    method: 'POST',
    path: eventsPath(taskId),
    body,
    label: `${eventLabels[body.type]} (${photoName})`,
    topic: retouchTopic(taskId),
  });
}

/** A queued event body as the machine's event: `at` and the actor are this laptop's (the server stamps its own). */
export function machineEvent(body: TaskEventBody, actor: TaskActor, at: string): TaskEvent {
  const expiresAt = (minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();
  switch (body.type) {
    case 'claim':
    case 'renew':
    case 'resume':
      return { type: body.type, actor, at, expiresAt: expiresAt(body.leaseMinutes) };
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
