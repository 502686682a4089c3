// Holding a task (issue 7 point 2): claim and resume go to the hosted service at once, because the
// server's answer is the lease and two people must never work on the same photo; renewal keeps a
// held task while the app is open (when less than a third of the lease is left). The answers are
// whole task views, kept like the feed's. Offline, claiming is refused with a sentence; what this
// person already holds stays theirs to work on, submit and release (those wait in the outbox).
import { AppError } from '../../../shared/errors';
import { leaseLive, sameActor } from '../../../shared/retouch';
import { type RetouchTaskView, retouchTaskViewSchema, type TaskEventBody } from '../../../shared/schemas/retouch-api';
import type { Catalog } from '../catalog';
import type { SyncService } from '../sync';
import type { Me } from './ports';
import { eventsPath, LEASE_MINUTES } from './retouch-requests';

export const CLAIM_OFFLINE =
  'Claiming needs a connection, so that two people never work on the same photo. You can go on with the photos you already hold.';
export const RESUME_OFFLINE =
  'Resuming needs a connection, so that two people never work on the same photo. You can go on with the photos you already hold.';
const NOT_SENT_YET = 'This task is still waiting to be sent to the hosted service. Sync, then try again.';

/** Renew when less than this is left of a hold. */
export const RENEW_BEFORE_MS = (LEASE_MINUTES * 60_000) / 3;

export interface LeaseOptions {
  catalog: Catalog;
  sync: Pick<SyncService, 'send'>;
  me: Me;
  now: () => Date;
  /** The task as shown (server view + queued changes). */
  current: (taskId: string) => RetouchTaskView | null;
  /** Keeps a view the server answered with (and does what follows a changed task). */
  keep: (view: RetouchTaskView) => void;
}

/** `unreachable`: no answer from the server (offline, not paired, disconnected), as opposed to its refusal. */
type Answer = { ok: true; view: RetouchTaskView } | { ok: false; reason: string; unreachable: boolean; offline: boolean };

function errorOf(body: unknown): { message: string | null; task: unknown } {
  const error = (body as { error?: { message?: unknown; task?: unknown } } | null)?.error;
  return { message: typeof error?.message === 'string' ? error.message : null, task: error?.task };
}

export function createLeases(options: LeaseOptions) {
  const { catalog, me } = options;

  async function send(taskId: string, body: TaskEventBody, offlineSentence: string): Promise<Answer> {
    if (catalog.retouch.isLocal(taskId)) return { ok: false, reason: NOT_SENT_YET, unreachable: false, offline: false };
    let answer: { status: number; body: unknown };
    try {
      answer = await options.sync.send('POST', eventsPath(taskId), body, offlineSentence);
    } catch (error) {
      if (error instanceof AppError) return { ok: false, reason: error.message, unreachable: true, offline: error.code === 'offline' };
      throw error;
    }
    if (answer.status >= 200 && answer.status < 300) {
      const view = retouchTaskViewSchema.safeParse(answer.body);
      if (!view.success)
        return {
          ok: false,
          reason: 'The hosted service answered in a way this version does not understand. Update Proofdesk.',
          unreachable: false,
          offline: false,
        };
      options.keep(view.data);
      return { ok: true, view: view.data };
    }
    // A refusal carries the task as the server has it (who holds it): shown from now on.
    const { message, task } = errorOf(answer.body);
    const view = retouchTaskViewSchema.safeParse(task);
    if (view.success) options.keep(view.data);
    return {
      ok: false,
      reason: message ?? `The hosted service answered with status ${answer.status}.`,
      unreachable: false,
      offline: false,
    };
  }

  const by = () => me().name;
  let renewing = false;

  return {
    async claim(taskIds: readonly string[]) {
      const claimed: string[] = [];
      const refused: { taskId: string; reason: string }[] = [];
      let offline = false;
      for (const taskId of taskIds) {
        if (offline) {
          refused.push({ taskId, reason: CLAIM_OFFLINE });
          continue;
        }
        const answer = await send(taskId, { type: 'claim', by: by(), leaseMinutes: LEASE_MINUTES }, CLAIM_OFFLINE);
        if (answer.ok) claimed.push(taskId);
        else {
          offline = answer.offline;
          refused.push({ taskId, reason: answer.reason });
        }
      }
      return { claimed, refused };
    },

    async resume(taskId: string): Promise<void> {
      const answer = await send(taskId, { type: 'resume', by: by(), leaseMinutes: LEASE_MINUTES }, RESUME_OFFLINE);
      if (!answer.ok) throw new AppError(answer.offline ? 'offline' : 'conflict', answer.reason);
    },

    /**
     * Renews every hold of this person with less than a third left. Without an answer (offline,
     * not paired) it tries again next time, the holder working on meanwhile; a refusal becomes the
     * task's problem.
     */
    async renewDue(): Promise<{ renewed: string[]; refused: string[] }> {
      const renewed: string[] = [];
      const refused: string[] = [];
      if (renewing) return { renewed, refused };
      renewing = true;
      try {
        const at = options.now();
        for (const stored of catalog.retouch.views()) {
          const view = options.current(stored.task.id);
          const lease = view?.task.lease;
          if (!view || !lease || view.task.state !== 'in_progress' || !sameActor(lease.holder, me())) continue;
          if (!leaseLive(view.task, at.toISOString()) || Date.parse(lease.expiresAt) - at.getTime() >= RENEW_BEFORE_MS) continue;
          const answer = await send(
            view.task.id,
            { type: 'renew', by: by(), leaseMinutes: LEASE_MINUTES },
            'Renewing a hold needs a connection',
          );
          if (answer.ok) renewed.push(view.task.id);
          else if (answer.unreachable) break;
          else {
            catalog.retouch.setProblem(view.task.id, answer.reason, null);
            refused.push(view.task.id);
          }
        }
        return { renewed, refused };
      } finally {
        renewing = false;
      }
    },
  };
}
export type Leases = ReturnType<typeof createLeases>;
