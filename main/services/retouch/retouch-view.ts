// Reading the queue: each task as shown (server view + queued changes), its row, and the task in
// full with the actions this person may take now and where its images stand. Reads only the
// catalog (and starts image work in the background): fast enough for every keystroke.
import { allowedTaskActions } from '../../../shared/retouch';
import type { RetouchTaskView } from '../../../shared/schemas/retouch-api';
import type { RetouchDetail, RetouchFilter, RetouchRow } from '../../../shared/schemas/retouch-desk';
import type { Catalog, OutboxItem } from '../catalog';
import type { ImagePreparer } from './image-preparer';
import { applyQueued } from './optimistic-view';
import type { Me, OriginalsPort } from './ports';
import { compareViews, countFilters, filterMatches, matchesSearch, type QueueContext, toRow } from './queue-rows';
import { retouchTopic, taskIdOfTopic } from './retouch-requests';

export interface RetouchViewOptions {
  catalog: Catalog;
  me: Me;
  now: () => Date;
  preparer: ImagePreparer;
  originals: OriginalsPort;
}

export function createRetouchView({ catalog, me, now, preparer, originals }: RetouchViewOptions) {
  const context = (): QueueContext => ({ me: me(), now: now() });

  function current(taskId: string): RetouchTaskView | null {
    const view = catalog.retouch.view(taskId);
    return view ? applyQueued(view, catalog.outbox.byTopic(retouchTopic(taskId), 'pending'), me(), now()) : null;
  }

  /** Every task as shown, with whether changes of it are still queued; one outbox read for all. */
  function all(): { view: RetouchTaskView; pending: boolean }[] {
    const queued = new Map<string, OutboxItem[]>();
    for (const item of catalog.outbox.list('pending', 1_000_000)) {
      const taskId = taskIdOfTopic(item.topic);
      if (taskId) queued.set(taskId, [...(queued.get(taskId) ?? []), item]);
    }
    const who = me();
    const at = now();
    return catalog.retouch.views().map((view) => {
      const rows = queued.get(view.task.id) ?? [];
      return { view: rows.length ? applyQueued(view, rows, who, at) : view, pending: rows.length > 0 };
    });
  }

  function thumbOf(view: RetouchTaskView): string | null {
    const local = catalog.variants.get(view.photo.photoId, 'thumb');
    if (local) return local.relPath;
    const sha = view.photo.original?.sha256;
    return (sha ? catalog.retouch.image(sha)?.screen : null) ?? null;
  }

  function row(view: RetouchTaskView, pending: boolean, ctx = context()): RetouchRow {
    return toRow(view, ctx, { pending, thumb: thumbOf(view) });
  }

  return {
    current,
    all: () => all().map((t) => t.view),

    list(filter: RetouchFilter, search: string, orderId?: string) {
      const ctx = context();
      const tasks = all().filter((t) => !orderId || t.view.photo.orderId === orderId);
      const views = tasks.map((t) => t.view);
      const needle = search.toLocaleLowerCase();
      const rows = tasks
        .filter((t) => filterMatches[filter](t.view, ctx))
        .sort((a, b) => compareViews(a.view, b.view))
        .map((t) => row(t.view, t.pending, ctx))
        .filter((r) => matchesSearch(r, needle));
      return { rows, counts: countFilters(views, ctx), me: ctx.me.name };
    },

    detail(view: RetouchTaskView): RetouchDetail {
      const ctx = context();
      const pending = catalog.outbox.byTopic(retouchTopic(view.task.id), 'pending').length > 0;
      // Judged no earlier than the task's last change (the server's clock may be a little ahead).
      const at = new Date(Math.max(ctx.now.getTime(), Date.parse(view.task.updatedAt))).toISOString();
      return {
        view,
        row: row(view, pending, ctx),
        actions: allowedTaskActions(view.task, ctx.me, at).map((a) => ({
          action: a.action,
          allowed: a.allowed,
          reason: a.allowed ? null : a.refusal.reason,
        })),
        original: preparer.original(view),
        versions: view.versions.map((version) => ({ round: version.round, slot: preparer.version(view, version) })),
        originalPath: originals.knownPath(view),
        problem: catalog.retouch.problem(view.task.id)?.message ?? null,
      };
    },
  };
}
export type RetouchView = ReturnType<typeof createRetouchView>;
