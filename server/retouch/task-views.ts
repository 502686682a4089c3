// A task's whole view (retouch-api retouchTaskViewSchema) from its rows: the machine's JSON, the
// photo with its original, versions, markups and history. Lists read each side table once per
// batch of tasks, not once per task, so a queue of thousands answers in a few queries.
import { markupListSchema } from '../../shared/retouch/markup';
import { type RetouchTask, retouchTaskSchema, type TaskTransition } from '../../shared/retouch/task-machine';
import type { RetouchPriority, RetouchTaskView } from '../../shared/schemas/retouch-api';
import type { Db, RetouchTasksTable } from '../db/types';

/** Ids per IN list: well under both databases' bound-parameter limits. */
const BATCH = 500;
const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** The stored task, checked: a row the machine could not have written is a bug, reported loudly. */
export function taskOf(row: Pick<RetouchTasksTable, 'id' | 'task'>): RetouchTask {
  const parsed = retouchTaskSchema.safeParse(JSON.parse(row.task));
  if (!parsed.success) throw new Error(`Retouch task ${row.id} has JSON the state machine cannot read: ${parsed.error.message}`);
  return parsed.data;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

async function sideRows(db: Db, studioId: string, taskIds: string[]) {
  const transitions = [];
  const versions = [];
  const markups = [];
  for (const ids of chunks(taskIds)) {
    const [t, v, m] = await Promise.all([
      db.selectFrom('retouch_transitions').selectAll().where('studio_id', '=', studioId).where('task_id', 'in', ids).execute(),
      db.selectFrom('retouch_versions').selectAll().where('studio_id', '=', studioId).where('task_id', 'in', ids).execute(),
      db.selectFrom('retouch_markups').selectAll().where('studio_id', '=', studioId).where('task_id', 'in', ids).execute(),
    ]);
    transitions.push(...t);
    versions.push(...v);
    markups.push(...m);
  }
  return { transitions, versions, markups };
}

async function photoFacts(db: Db, studioId: string, rows: readonly RetouchTasksTable[]) {
  const photoIds = [...new Set(rows.map((r) => r.photo_id))];
  const orderIds = [...new Set(rows.flatMap((r) => (r.order_id ? [r.order_id] : [])))];
  const originals = [];
  const orders = [];
  for (const ids of chunks(photoIds)) {
    originals.push(
      ...(await db
        .selectFrom('retouch_originals')
        .select(['photo_id', 'sha256', 'name', 'size'])
        .where('studio_id', '=', studioId)
        .where('photo_id', 'in', ids)
        .execute()),
    );
  }
  for (const ids of chunks(orderIds)) {
    orders.push(
      ...(await db.selectFrom('orders').select(['id', 'number']).where('studio_id', '=', studioId).where('id', 'in', ids).execute()),
    );
  }
  return {
    originals: new Map(originals.map((o) => [o.photo_id, { sha256: o.sha256, name: o.name, size: Number(o.size) }])),
    orderNumbers: new Map(orders.map((o) => [o.id, o.number])),
  };
}

/** The views of `rows` (all of one studio), in the order given. */
export async function taskViews(db: Db, studioId: string, rows: readonly RetouchTasksTable[]): Promise<RetouchTaskView[]> {
  if (rows.length === 0) return [];
  const [side, facts] = await Promise.all([
    sideRows(
      db,
      studioId,
      rows.map((r) => r.id),
    ),
    photoFacts(db, studioId, rows),
  ]);
  const transitions = groupBy(side.transitions, (r) => r.task_id);
  const versions = groupBy(side.versions, (r) => r.task_id);
  const markups = groupBy(side.markups, (r) => r.task_id);
  return rows.map((row) => ({
    task: taskOf(row),
    photo: {
      photoId: row.photo_id,
      name: row.photo_name,
      galleryId: row.gallery_id,
      orderId: row.order_id,
      orderNumber: row.order_id ? (facts.orderNumbers.get(row.order_id) ?? null) : null,
      original: facts.originals.get(row.photo_id) ?? null,
    },
    priority: row.priority as RetouchPriority,
    dueAt: row.due_at === null ? null : iso(row.due_at),
    versions: (versions.get(row.id) ?? [])
      .sort((a, b) => a.round - b.round)
      .map((v) => ({
        round: Number(v.round),
        sha256: v.sha256,
        name: v.name,
        size: Number(v.size),
        width: Number(v.width),
        height: Number(v.height),
      })),
    markups: Object.fromEntries(
      (markups.get(row.id) ?? [])
        .sort((a, b) => a.round - b.round)
        .map((m) => [String(m.round), markupListSchema.parse(JSON.parse(m.markups))]),
    ),
    history: (transitions.get(row.id) ?? [])
      .sort((a, b) => a.seq - b.seq)
      .map(
        (t): TaskTransition => ({
          from: t.from_state as TaskTransition['from'],
          to: t.to_state as TaskTransition['to'],
          eventType: t.event_type as TaskTransition['eventType'],
          actor: JSON.parse(t.actor),
          at: iso(t.at),
          round: Number(t.round),
          note: t.note,
        }),
      ),
    revision: Number(row.revision),
  }));
}

export async function taskView(db: Db, row: RetouchTasksTable): Promise<RetouchTaskView> {
  const [view] = await taskViews(db, row.studio_id, [row]);
  if (!view) throw new Error(`No view for retouch task ${row.id}`);
  return view;
}
