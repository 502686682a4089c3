// The retouch queue's local copy (tables retouch_*, migration 006): the last view of each task
// (the highest revision wins, whichever of the feed or an answer brings it), the versions dropped
// on this laptop, the review images prepared here, and a refused change's sentence per task.
import type Database from 'better-sqlite3';
import type { RetouchTaskView } from '../../../shared/schemas/retouch-api';

export interface RetouchVersionRow {
  taskId: string;
  round: number;
  /** Where the retoucher dropped the file from. */
  path: string;
  /** The copy kept in the library (what is uploaded and prepared). */
  file: string;
  name: string;
  sha256: string;
  size: number;
  width: number;
  height: number;
  recordedAt: string;
}

export interface ReviewImageRow {
  sha256: string;
  /** The local file it was made from, when it was one. */
  source: string | null;
  /** Relative to the media folder. */
  screen: string;
  full: string;
  width: number;
  height: number;
  madeAt: string;
}

export interface RetouchProblem {
  message: string;
  outboxSeq: number | null;
  at: string;
}

export interface RetouchRepo {
  /** A view from the server: stored when newer than the one kept (or than a local one); true when stored. */
  putView(view: RetouchTaskView): boolean;
  /** A task made on this laptop, shown at once; the server's first view replaces it. */
  putLocalView(view: RetouchTaskView): void;
  view(taskId: string): RetouchTaskView | null;
  /** Every task, oldest first. */
  views(): RetouchTaskView[];
  /** Whether the kept view was made here and not yet confirmed by the server. */
  isLocal(taskId: string): boolean;
  /** Ids of the tasks stored since the last call (the service's follow-up work: images, events). */
  takeChanged(): string[];
  recordVersion(row: Omit<RetouchVersionRow, 'recordedAt'>): void;
  versions(taskId: string): RetouchVersionRow[];
  versionBySha(sha256: string): RetouchVersionRow | null;
  image(sha256: string): ReviewImageRow | null;
  imageBySource(source: string): ReviewImageRow | null;
  putImage(row: Omit<ReviewImageRow, 'madeAt'>): void;
  problem(taskId: string): RetouchProblem | null;
  setProblem(taskId: string, message: string, outboxSeq: number | null): void;
  clearProblem(taskId: string): void;
}

type VersionRow = {
  task_id: string;
  round: number;
  path: string;
  file: string;
  name: string;
  sha256: string;
  size: number;
  width: number;
  height: number;
  recorded_at: string;
};
type ImageRow = { sha256: string; source: string | null; screen: string; full: string; width: number; height: number; made_at: string };

const toVersion = (r: VersionRow): RetouchVersionRow => ({
  taskId: r.task_id,
  round: r.round,
  path: r.path,
  file: r.file,
  name: r.name,
  sha256: r.sha256,
  size: r.size,
  width: r.width,
  height: r.height,
  recordedAt: r.recorded_at,
});
const toImage = (r: ImageRow): ReviewImageRow => ({
  sha256: r.sha256,
  source: r.source,
  screen: r.screen,
  full: r.full,
  width: r.width,
  height: r.height,
  madeAt: r.made_at,
});

export function createRetouchRepo(db: Database.Database, now: () => Date): RetouchRepo {
  const stamp = () => now().toISOString();
  const changed = new Set<string>();
  // Only a higher revision replaces what is kept, so a late feed page never rolls a task back.
  const upsert = db.prepare<Record<string, unknown>>(
    `INSERT INTO retouch_tasks (id, view, revision, state, order_id, updated_at) VALUES (@id, @view, @revision, @state, @orderId, @now)
     ON CONFLICT (id) DO UPDATE SET view = excluded.view, revision = excluded.revision, state = excluded.state,
       order_id = excluded.order_id, updated_at = excluded.updated_at
     WHERE excluded.revision > retouch_tasks.revision`,
  );
  const insertLocal = db.prepare<Record<string, unknown>>(
    `INSERT INTO retouch_tasks (id, view, revision, state, order_id, updated_at) VALUES (@id, @view, 0, @state, @orderId, @now)
     ON CONFLICT (id) DO NOTHING`,
  );
  const selectView = db.prepare<[string], { view: string; revision: number }>('SELECT view, revision FROM retouch_tasks WHERE id = ?');
  const selectViews = db.prepare<[], { view: string }>('SELECT view FROM retouch_tasks ORDER BY rowid');
  const upsertVersion = db.prepare<Record<string, unknown>>(
    `INSERT INTO retouch_versions (task_id, round, path, file, name, sha256, size, width, height, recorded_at)
     VALUES (@taskId, @round, @path, @file, @name, @sha256, @size, @width, @height, @now)
     ON CONFLICT (task_id, round) DO UPDATE SET path = excluded.path, file = excluded.file, name = excluded.name,
       sha256 = excluded.sha256, size = excluded.size, width = excluded.width, height = excluded.height, recorded_at = excluded.recorded_at`,
  );
  const selectVersions = db.prepare<[string], VersionRow>('SELECT * FROM retouch_versions WHERE task_id = ? ORDER BY round');
  const selectVersionBySha = db.prepare<[string], VersionRow>(
    'SELECT * FROM retouch_versions WHERE sha256 = ? ORDER BY recorded_at DESC LIMIT 1',
  );
  const upsertImage = db.prepare<Record<string, unknown>>(
    `INSERT INTO retouch_images (sha256, source, screen, full, width, height, made_at) VALUES (@sha256, @source, @screen, @full, @width, @height, @now)
     ON CONFLICT (sha256) DO UPDATE SET source = coalesce(excluded.source, retouch_images.source), screen = excluded.screen,
       full = excluded.full, width = excluded.width, height = excluded.height, made_at = excluded.made_at`,
  );
  const selectImage = db.prepare<[string], ImageRow>('SELECT * FROM retouch_images WHERE sha256 = ?');
  const selectImageBySource = db.prepare<[string], ImageRow>('SELECT * FROM retouch_images WHERE source = ? ORDER BY made_at DESC LIMIT 1');
  const selectProblem = db.prepare<[string], { message: string; outbox_seq: number | null; at: string }>(
    'SELECT message, outbox_seq, at FROM retouch_problems WHERE task_id = ?',
  );
  const upsertProblem = db.prepare<[string, string, number | null, string]>(
    `INSERT INTO retouch_problems (task_id, message, outbox_seq, at) VALUES (?, ?, ?, ?)
     ON CONFLICT (task_id) DO UPDATE SET message = excluded.message, outbox_seq = excluded.outbox_seq, at = excluded.at`,
  );
  const deleteProblem = db.prepare<[string]>('DELETE FROM retouch_problems WHERE task_id = ?');

  const row = (view: RetouchTaskView) => ({
    id: view.task.id,
    view: JSON.stringify(view),
    revision: view.revision,
    state: view.task.state,
    orderId: view.photo.orderId,
    now: stamp(),
  });

  return {
    putView(view) {
      const stored = upsert.run(row(view)).changes > 0;
      if (stored) changed.add(view.task.id);
      return stored;
    },
    putLocalView(view) {
      if (insertLocal.run(row(view)).changes > 0) changed.add(view.task.id);
    },
    view(taskId) {
      const r = selectView.get(taskId);
      return r ? (JSON.parse(r.view) as RetouchTaskView) : null;
    },
    views: () => selectViews.all().map((r) => JSON.parse(r.view) as RetouchTaskView),
    isLocal: (taskId) => selectView.get(taskId)?.revision === 0,
    takeChanged() {
      const ids = [...changed];
      changed.clear();
      return ids;
    },
    recordVersion(version) {
      upsertVersion.run({ ...version, now: stamp() });
    },
    versions: (taskId) => selectVersions.all(taskId).map(toVersion),
    versionBySha(sha256) {
      const r = selectVersionBySha.get(sha256);
      return r ? toVersion(r) : null;
    },
    image(sha256) {
      const r = selectImage.get(sha256);
      return r ? toImage(r) : null;
    },
    imageBySource(source) {
      const r = selectImageBySource.get(source);
      return r ? toImage(r) : null;
    },
    putImage(image) {
      upsertImage.run({ ...image, now: stamp() });
    },
    problem(taskId) {
      const r = selectProblem.get(taskId);
      return r ? { message: r.message, outboxSeq: r.outbox_seq, at: r.at } : null;
    },
    setProblem(taskId, message, outboxSeq) {
      upsertProblem.run(taskId, message, outboxSeq, stamp());
    },
    clearProblem(taskId) {
      deleteProblem.run(taskId);
    },
  };
}
