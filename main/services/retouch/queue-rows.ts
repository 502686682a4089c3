// The queue's rows, filters and order (issue 7 point 3): mine (held by me now, or sent back to
// me to resume), unclaimed, in review, sent back, due (within 24 h or overdue, not approved) and
// approved; sorted by priority, then due date, then oldest first.
import { currentRound, liveHolder, sameActor, type TaskActor } from '../../../shared/retouch';
import type { RetouchPriority, RetouchTaskView } from '../../../shared/schemas/retouch-api';
import type { RetouchFilter, RetouchRow } from '../../../shared/schemas/retouch-desk';
import { retouchFilters } from '../../../shared/schemas/retouch-desk';

const DAY_MS = 24 * 3_600_000;
const priorityRank: Record<RetouchPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

export interface QueueContext {
  me: TaskActor;
  now: Date;
}

/** Held live by me, or my rejected round waiting for me to resume it. */
export function isMine(view: RetouchTaskView, { me, now }: QueueContext): boolean {
  const holder = liveHolder(view.task, now.toISOString());
  if (holder) return sameActor(holder, me);
  const round = currentRound(view.task);
  return view.task.state === 'rejected' && round !== null && sameActor(round.retoucher, me);
}

const isDue = (view: RetouchTaskView, now: Date) =>
  view.task.state !== 'approved' && view.dueAt !== null && Date.parse(view.dueAt) - now.getTime() <= DAY_MS;

export const filterMatches: Record<RetouchFilter, (view: RetouchTaskView, ctx: QueueContext) => boolean> = {
  all: () => true,
  mine: isMine,
  unclaimed: (v) => v.task.state === 'to_do',
  in_review: (v) => v.task.state === 'in_review',
  rejected: (v) => v.task.state === 'rejected',
  due: (v, { now }) => isDue(v, now),
  approved: (v) => v.task.state === 'approved',
};

export function briefOf(view: RetouchTaskView): string {
  const source = view.task.source;
  const text = source.kind === 'by_hand' ? source.brief : source.instructions;
  return text.split('\n')[0]?.trim() ?? '';
}

export function holderLabel(actor: TaskActor): string {
  return actor.deviceName ? `${actor.name} (${actor.deviceName})` : actor.name;
}

export function toRow(view: RetouchTaskView, ctx: QueueContext, extra: { pending: boolean; thumb: string | null }): RetouchRow {
  const holder = liveHolder(view.task, ctx.now.toISOString());
  return {
    taskId: view.task.id,
    photoName: view.photo.name,
    orderNumber: view.photo.orderNumber,
    state: view.task.state,
    round: view.task.rounds.length,
    priority: view.priority,
    dueAt: view.dueAt,
    overdue: view.task.state !== 'approved' && view.dueAt !== null && Date.parse(view.dueAt) < ctx.now.getTime(),
    holder: holder ? holderLabel(holder) : null,
    mine: isMine(view, ctx),
    brief: briefOf(view),
    pending: extra.pending,
    thumb: extra.thumb,
  };
}

/** Priority (urgent first), then due date (soonest first, none last), then the oldest task first. */
export function compareViews(a: RetouchTaskView, b: RetouchTaskView): number {
  const byPriority = priorityRank[a.priority] - priorityRank[b.priority];
  if (byPriority !== 0) return byPriority;
  const dueA = a.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(a.dueAt);
  const dueB = b.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(b.dueAt);
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  const created = Date.parse(a.task.createdAt) - Date.parse(b.task.createdAt);
  return created !== 0 ? created : a.task.id.localeCompare(b.task.id);
}

export function countFilters(views: readonly RetouchTaskView[], ctx: QueueContext): Record<RetouchFilter, number> {
  return Object.fromEntries(retouchFilters.map((f) => [f, views.filter((v) => filterMatches[f](v, ctx)).length])) as Record<
    RetouchFilter,
    number
  >;
}

export function matchesSearch(row: RetouchRow, needle: string): boolean {
  if (!needle) return true;
  return [row.photoName, row.orderNumber ?? '', row.brief, row.holder ?? ''].some((t) => t.toLocaleLowerCase().includes(needle));
}
