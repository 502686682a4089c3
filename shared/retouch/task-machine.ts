// The retouch task state machine, one pure and deterministic reducer for the server and the app:
// applyTaskEvent(task, event) answers with the next task and the one transition to store as a
// history row, or with a refusal a person understands. No clocks, no randomness: time comes in
// the event's `at`, which the server stamps, so the server's clock decides whether a lease ran out.
//
//   (create) ─▶ to_do ─claim─▶ in_progress ─submit─▶ in_review ─approve─▶ approved (terminal)
//   in_progress ─release─▶ to_do            in_progress ─renew─▶ in_progress (longer lease)
//   in_progress ─claim (lease expired: takeover)─▶ in_progress
//   in_review ─reject─▶ rejected ─resume─▶ in_progress (round N+1)
//
// Decisions (where the issue left it open):
// - A person is identified by their actor {deviceId, name}: a lease is held by that person on that
//   device. Renew, release and submit by anyone else are refused (not_holder); when the asker's
//   own expired lease was taken over, the sentence says so.
// - A lease is live while at < expiresAt (at == expiresAt is expired). It lasts at most
//   maxLeaseHours. An expired lease stays in place until someone takes the task over: until then
//   the holder may still submit or release (nobody else wanted the photo), but not renew — they
//   claim it again instead.
// - Self-review is refused: the reviewer must not be the round's retoucher (same device or the
//   same name, trimmed and case-insensitive). A one-person studio marks the order's retouching as
//   done by hand (the order's retouch_completed 'manual').
// - Roles (who is an assistant or a reviewer) are the server's permission check, not this machine's.
// - A rejected task is picked up with resume, by anyone (usually the retoucher): round N+1 with
//   the resumer as its retoucher; claim on a rejected task is refused with "use Resume".
// - Rounds: round 1 starts at the first claim. The current round's retoucher is its latest holder
//   (a takeover or a claim after release replaces it while nothing is submitted). Submit fills the
//   round's version; approve/reject fill its review; only resume adds a round.
// - Events dated before the task's last change are refused (out_of_order), so times only grow.
// - Checked in this order: shape (zod), create, approved, time, state and lease, payload.
import { z } from 'zod';
import { describeZodError } from '../zod-message';
import {
  type TaskActor,
  type TaskEvent,
  type TaskEventType,
  taskActorSchema,
  taskEventLabelKey,
  taskEventLabels,
  taskEventSchema,
  taskEventTypes,
  taskSourceSchema,
} from './task-events';
import { type TaskRefusal, type TaskRefusalKey, taskRefusal } from './task-refusals';
import { type TaskStateName, taskStateLabels, taskStateSchema } from './task-states';

const utc = z.iso.datetime();

/** The longest a single claim, renew or resume may hold a task. */
export const maxLeaseHours = 12;

export const taskLeaseSchema = z.object({
  holder: taskActorSchema,
  claimedAt: utc,
  expiresAt: utc,
  /** The holder whose expired lease this one took over, if any. */
  takenOverFrom: taskActorSchema.nullable(),
});
export type TaskLease = z.infer<typeof taskLeaseSchema>;

export const taskReviewSchema = z.object({
  verdict: z.enum(['approved', 'rejected']),
  by: taskActorSchema,
  at: utc,
  comment: z.string().nullable(),
  markupCount: z.number().int().nonnegative(),
});
export type TaskReview = z.infer<typeof taskReviewSchema>;

export const taskRoundSchema = z.object({
  n: z.number().int().positive(),
  retoucher: taskActorSchema,
  versionSha256: z.string().nullable(),
  submittedAt: utc.nullable(),
  review: taskReviewSchema.nullable(),
});
export type TaskRound = z.infer<typeof taskRoundSchema>;

export const retouchTaskSchema = z.object({
  id: z.string().min(1).max(100),
  source: taskSourceSchema,
  state: taskStateSchema,
  lease: taskLeaseSchema.nullable(),
  rounds: z.array(taskRoundSchema),
  createdBy: taskActorSchema,
  createdAt: utc,
  /** The time of the last accepted event. */
  updatedAt: utc,
});
export type RetouchTask = z.infer<typeof retouchTaskSchema>;

export const taskTransitionSchema = z.object({
  from: taskStateSchema.nullable(),
  to: taskStateSchema,
  eventType: z.enum(taskEventTypes),
  actor: taskActorSchema,
  at: utc,
  /** The round the task is in after the event (0 before the first claim). */
  round: z.number().int().nonnegative(),
  note: z.string(),
});
export type TaskTransition = z.infer<typeof taskTransitionSchema>;

export type TaskResult = { ok: true; task: RetouchTask; transition: TaskTransition } | TaskRefusal;

// ---------------------------------------------------------------------------------------
// Helpers

const ms = (iso: string) => Date.parse(iso);
/** "14:05 UTC" */
const hhmm = (iso: string) => `${new Date(ms(iso)).toISOString().slice(11, 16)} UTC`;
const stateName = (state: TaskStateName) => taskStateLabels[state].toLowerCase();
const onDevice = (a: TaskActor) => (a.deviceName ? ` (on ${a.deviceName})` : '');
const norm = (name: string) => name.trim().toLowerCase();

export const sameActor = (a: TaskActor, b: TaskActor) => a.deviceId === b.deviceId && a.name === b.name;
/** Whether two actors may be the same person: the same device or the same name. */
export const samePerson = (a: TaskActor, b: TaskActor) => a.deviceId === b.deviceId || norm(a.name) === norm(b.name);

export function currentRound(task: RetouchTask): TaskRound | null {
  return task.rounds[task.rounds.length - 1] ?? null;
}

/** Whether the task's lease is still live at `at` (judged by the event's time, not a clock). */
export function leaseLive(task: RetouchTask, at: string): boolean {
  return task.lease !== null && ms(at) < ms(task.lease.expiresAt);
}

/** Who holds the task at `at`, or null when nobody does (no lease, or it ran out). */
export function liveHolder(task: RetouchTask, at: string): TaskActor | null {
  return task.lease && leaseLive(task, at) ? task.lease.holder : null;
}

// ---------------------------------------------------------------------------------------
// The rules

type Gate = { key: TaskRefusalKey; params?: Record<string, string | number> } | null;

/** Whether an event of this type by this actor may happen to the task at `at`, payload aside. */
function gate(task: RetouchTask, type: TaskEventType, actor: TaskActor, at: string): Gate {
  if (type === 'create') return { key: 'create.already_created' };
  if (task.state === 'approved') return { key: 'any.approved' };
  if (ms(at) < ms(task.updatedAt)) return { key: 'any.out_of_order', params: { last: task.updatedAt } };
  const state = task.state;
  const lease = task.lease;
  const holderGate = (): Gate => {
    if (state !== 'in_progress' || !lease) return { key: 'lease.none', params: { state: stateName(state) } };
    if (sameActor(lease.holder, actor)) return null;
    const params = { holder: lease.holder.name, device: onDevice(lease.holder) };
    if (lease.takenOverFrom && sameActor(lease.takenOverFrom, actor)) return { key: 'lease.taken_over', params };
    return { key: 'lease.not_holder', params };
  };

  switch (type) {
    case 'claim':
      if (state === 'to_do') return null;
      if (state === 'in_review') return { key: 'claim.in_review' };
      if (state === 'rejected') return { key: 'claim.rejected', params: { next: task.rounds.length + 1 } };
      if (lease && leaseLive(task, at)) {
        const time = hhmm(lease.expiresAt);
        if (sameActor(lease.holder, actor)) return { key: 'claim.already_holding', params: { time, expiresAt: lease.expiresAt } };
        return {
          key: 'claim.leased',
          params: { holder: lease.holder.name, time, device: onDevice(lease.holder), expiresAt: lease.expiresAt },
        };
      }
      return null; // an expired lease: take it over
    case 'resume':
      if (state === 'rejected') return null;
      if (state === 'to_do') return { key: 'resume.to_do' };
      return { key: 'resume.not_rejected', params: { state: stateName(state) } };
    case 'renew': {
      const closed = holderGate();
      if (closed) return closed;
      if (lease && !leaseLive(task, at))
        return { key: 'renew.expired', params: { time: hhmm(lease.expiresAt), expiresAt: lease.expiresAt } };
      return null;
    }
    case 'release':
      return holderGate();
    case 'submit':
      if (state === 'to_do') return { key: 'submit.to_do' };
      if (state === 'in_review') return { key: 'submit.in_review' };
      if (state === 'rejected') return { key: 'submit.rejected' };
      return holderGate();
    case 'approve':
    case 'reject': {
      if (state !== 'in_review') return { key: 'review.not_in_review', params: { state: stateName(state) } };
      const round = currentRound(task);
      if (round && samePerson(round.retoucher, actor)) return { key: 'review.self' };
      return null;
    }
  }
}

function badLease(at: string, expiresAt: string): TaskRefusal | null {
  const length = ms(expiresAt) - ms(at);
  if (length > 0 && length <= maxLeaseHours * 3_600_000) return null;
  return taskRefusal('lease.bad_time', { hours: maxLeaseHours });
}

type Effect = { task: RetouchTask; note: string } | TaskRefusal;

function withRound(task: RetouchTask, change: (round: TaskRound) => TaskRound): TaskRound[] {
  return task.rounds.map((r, i) => (i === task.rounds.length - 1 ? change(r) : r));
}

function effect(task: RetouchTask, event: Exclude<TaskEvent, { type: 'create' }>): Effect {
  const { actor, at } = event;
  const next = { ...task, updatedAt: at };
  switch (event.type) {
    case 'claim': {
      const bad = badLease(at, event.expiresAt);
      if (bad) return bad;
      const takenOverFrom = task.state === 'in_progress' && task.lease && !sameActor(task.lease.holder, actor) ? task.lease.holder : null;
      const lease: TaskLease = { holder: actor, claimedAt: at, expiresAt: event.expiresAt, takenOverFrom };
      const rounds =
        task.rounds.length === 0
          ? [{ n: 1, retoucher: actor, versionSha256: null, submittedAt: null, review: null }]
          : withRound(task, (r) => ({ ...r, retoucher: actor }));
      const until = `until ${hhmm(event.expiresAt)}`;
      return {
        task: { ...next, state: 'in_progress', lease, rounds },
        note: takenOverFrom
          ? `Taken over from ${takenOverFrom.name}, whose hold had run out; held ${until}.`
          : `Claimed by ${actor.name} ${until}.`,
      };
    }
    case 'renew': {
      const bad = badLease(at, event.expiresAt);
      if (bad) return bad;
      const lease = task.lease as TaskLease;
      return { task: { ...next, lease: { ...lease, expiresAt: event.expiresAt } }, note: `Hold renewed until ${hhmm(event.expiresAt)}.` };
    }
    case 'release':
      return { task: { ...next, state: 'to_do', lease: null }, note: `Released by ${actor.name}; back to do.` };
    case 'submit': {
      const rounds = withRound(task, (r) => ({ ...r, versionSha256: event.versionSha256, submittedAt: at }));
      return {
        task: { ...next, state: 'in_review', lease: null, rounds },
        note: `Round ${rounds.length} submitted for review (version ${event.versionSha256.slice(0, 8)}).`,
      };
    }
    case 'approve': {
      const review: TaskReview = { verdict: 'approved', by: actor, at, comment: event.comment || null, markupCount: 0 };
      return {
        task: { ...next, state: 'approved', rounds: withRound(task, (r) => ({ ...r, review })) },
        note: `Round ${task.rounds.length} approved by ${actor.name}.`,
      };
    }
    case 'reject': {
      const comment = event.comment || null;
      if (event.markupCount < 1 && !comment) return taskRefusal('reject.needs_feedback');
      const review: TaskReview = { verdict: 'rejected', by: actor, at, comment, markupCount: event.markupCount };
      return {
        task: { ...next, state: 'rejected', rounds: withRound(task, (r) => ({ ...r, review })) },
        note: `Round ${task.rounds.length} sent back by ${actor.name} (${event.markupCount === 1 ? '1 markup' : `${event.markupCount} markups`}${comment ? ', with a comment' : ''}).`,
      };
    }
    case 'resume': {
      const bad = badLease(at, event.expiresAt);
      if (bad) return bad;
      const n = task.rounds.length + 1;
      const round: TaskRound = { n, retoucher: actor, versionSha256: null, submittedAt: null, review: null };
      return {
        task: {
          ...next,
          state: 'in_progress',
          lease: { holder: actor, claimedAt: at, expiresAt: event.expiresAt, takenOverFrom: null },
          rounds: [...task.rounds, round],
        },
        note: `Resumed by ${actor.name}: round ${n}, held until ${hhmm(event.expiresAt)}.`,
      };
    }
  }
}

function parse(input: unknown): { ok: true; event: TaskEvent } | TaskRefusal {
  const parsed = taskEventSchema.safeParse(input);
  if (!parsed.success) return taskRefusal('event.invalid', { message: describeZodError(parsed.error, 'The retouch task event').message });
  return { ok: true, event: parsed.data };
}

// ---------------------------------------------------------------------------------------
// The API

/**
 * Applies one event. On success: the next task and exactly one transition. On refusal: a code,
 * the sentence and its translation key; the task given is left as it was.
 */
export function applyTaskEvent(task: RetouchTask, input: z.input<typeof taskEventSchema>): TaskResult {
  const parsed = parse(input);
  if (!parsed.ok) return parsed;
  const event = parsed.event;
  const closed = gate(task, event.type, event.actor, event.at);
  if (closed) return taskRefusal(closed.key, closed.params);
  if (event.type === 'create') return taskRefusal('create.already_created'); // gate refuses it already
  const result = effect(task, event);
  if ('ok' in result) return result;
  return {
    ok: true,
    task: result.task,
    transition: {
      from: task.state,
      to: result.task.state,
      eventType: event.type,
      actor: event.actor,
      at: event.at,
      round: result.task.rounds.length,
      note: result.note,
    },
  };
}

/** Creates a task from its `create` event: to_do, no lease, no rounds yet (round 1 starts at the first claim). */
export function createTask(input: z.input<typeof taskEventSchema>): TaskResult {
  const parsed = parse(input);
  if (!parsed.ok) return parsed;
  const event = parsed.event;
  if (event.type !== 'create')
    return taskRefusal('event.invalid', { message: 'The retouch task event was not accepted: it is not a create event.' });
  const task: RetouchTask = {
    id: event.taskId,
    source: event.source,
    state: 'to_do',
    lease: null,
    rounds: [],
    createdBy: event.actor,
    createdAt: event.at,
    updatedAt: event.at,
  };
  const what = event.source.kind === 'order_photo' ? `photo ${event.source.photoId} of order ${event.source.orderId}` : 'a brief';
  return {
    ok: true,
    task,
    transition: { from: null, to: 'to_do', eventType: 'create', actor: event.actor, at: event.at, round: 0, note: `Created from ${what}.` },
  };
}

/** The buttons on a task, in the order shown. */
export const taskActions = [
  'claim',
  'resume',
  'renew',
  'release',
  'submit',
  'approve',
  'reject',
] as const satisfies readonly TaskEventType[];
export type TaskAction = (typeof taskActions)[number];

export type AllowedTaskAction =
  | { action: TaskAction; label: string; labelKey: string; allowed: true }
  | { action: TaskAction; label: string; labelKey: string; allowed: false; refusal: TaskRefusal };

/**
 * Every task button with whether `actor` may press it at `at`, and if not the refusal for a
 * disabled button's tooltip. Judged as applyTaskEvent judges it; an allowed action can still be
 * refused for what the event carries (a lease over maxLeaseHours, a rejection without feedback).
 */
export function allowedTaskActions(task: RetouchTask, actor: TaskActor, at: string): AllowedTaskAction[] {
  return taskActions.map((action) => {
    const head = { action, label: taskEventLabels[action], labelKey: taskEventLabelKey(action) };
    const closed = gate(task, action, actor, at);
    return closed ? { ...head, allowed: false, refusal: taskRefusal(closed.key, closed.params) } : { ...head, allowed: true };
  });
}

/**
 * Whether an order's retouching is done: true when it has tasks and every one is approved (the
 * order then leaves 'waiting to retouch' with retouch_completed by 'all_tasks_approved'). Pass the
 * order's tasks; with none, it is false (the studio marks retouching done by hand).
 */
export function orderRetouchDone(tasks: readonly Pick<RetouchTask, 'state'>[]): boolean {
  return tasks.length > 0 && tasks.every((t) => t.state === 'approved');
}

/** What is inconsistent in a task (empty when it is sound). The machine never produces such a task. */
export function taskProblems(task: RetouchTask): string[] {
  const problems: string[] = [];
  const round = currentRound(task);
  if ((task.state === 'in_progress') !== (task.lease !== null))
    problems.push(`a ${task.state} task ${task.lease ? 'has' : 'has no'} lease`);
  if (task.state !== 'to_do' && !round) problems.push(`a ${task.state} task has no round`);
  task.rounds.forEach((r, i) => {
    if (r.n !== i + 1) problems.push(`round ${i + 1} is numbered ${r.n}`);
    if (i < task.rounds.length - 1 && r.review?.verdict !== 'rejected')
      problems.push(`round ${r.n} is followed by another but was not sent back`);
    if ((r.versionSha256 === null) !== (r.submittedAt === null))
      problems.push(`round ${r.n} has a version without a time or a time without a version`);
    if (r.review && r.versionSha256 === null) problems.push(`round ${r.n} was reviewed without a version`);
  });
  if (round) {
    const submitted = round.versionSha256 !== null;
    if (task.state === 'in_review' && (!submitted || round.review)) problems.push('an in_review task has no version waiting for review');
    if ((task.state === 'to_do' || task.state === 'in_progress') && (submitted || round.review))
      problems.push(`a ${task.state} task's current round is already submitted`);
    if (task.state === 'approved' && round.review?.verdict !== 'approved') problems.push('an approved task has no approval');
    if (task.state === 'rejected' && round.review?.verdict !== 'rejected') problems.push('a rejected task has no rejection');
    if (round.review && samePerson(round.review.by, round.retoucher)) problems.push(`round ${round.n} was reviewed by its retoucher`);
  }
  if (task.lease && round && !sameActor(task.lease.holder, round.retoucher)) problems.push('the lease holder is not the round’s retoucher');
  return problems;
}
