// The sync outbox (design §4). `enqueue` is meant to run INSIDE the catalog.transaction that
// makes the local change: both commit or neither does, so the server never hears of a change
// the studio rolled back, and no committed change is left unsent. Rows leave in seq order.
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { type OutboxItem, type OutboxMethod, type OutboxRow, type OutboxState, toOutboxItem, type UploadBody } from './outbox-rows';
import type { UuidV7 } from './uuidv7';

export interface EnqueueRequest {
  method: OutboxMethod;
  /** API path with query, e.g. "/v1/galleries/g1/publish". */
  path: string;
  body?: unknown;
  label: string;
  /** What the change belongs to, e.g. 'gallery:<id>'. */
  topic?: string;
}

/** How far the rows of one topic have got (a gallery's upload progress). */
export interface TopicProgress {
  pending: number;
  rejected: number;
  /** Bytes of the topic's uploads the server holds, and their total (done rows count in full). */
  sentBytes: number;
  totalBytes: number;
}

export interface OutboxRepo {
  /** Call inside catalog.transaction(), together with the local change it reports. */
  enqueue(input: EnqueueRequest): OutboxItem;
  /** Queues a chunked, resumable upload of a local file (POST /v1/uploads …). */
  enqueueUpload(input: UploadBody & { label: string; topic?: string }): OutboxItem;
  /** The oldest pending row, due or not: nothing behind it is sent first. */
  head(): OutboxItem | null;
  get(seq: number): OutboxItem | null;
  markDone(seq: number, response: unknown): void;
  /** A failure worth retrying (network, 5xx): the row keeps its place and waits until `nextAttemptAt`. */
  markRetry(seq: number, error: string, nextAttemptAt: Date): OutboxItem;
  /** The server refused the change for good (4xx): kept, with its message, for the user to see. */
  markRejected(seq: number, message: string, response: unknown): void;
  saveUploadProgress(seq: number, uploadId: string, received: number): void;
  /** Cancels a pending row (e.g. an upload the user stopped); false if it was no longer pending. */
  cancel(seq: number): boolean;
  /** The user asked to sync now: waiting rows are due at once (their attempts count stays). */
  dueNow(): number;
  /** Cancels every pending row of a topic (e.g. a gallery still uploading); returns how many. */
  cancelTopic(topic: string): number;
  topicProgress(topic: string): TopicProgress;
  /** The topic's rows in a state, oldest first. */
  byTopic(topic: string, state: OutboxState): OutboxItem[];
  /** Removes a rejected or cancelled row once the user has seen it. */
  dismiss(seq: number): boolean;
  pendingCount(): number;
  list(state: OutboxState, limit?: number): OutboxItem[];
  /** Deletes delivered rows older than `before`; returns how many. */
  pruneDone(before: Date): number;
  /**
   * Called synchronously by each enqueue, e.g. to wake the sender; returns unsubscribe. It runs
   * inside the caller's transaction, which may still roll back: wake up asynchronously and read.
   */
  onEnqueue(listener: (item: OutboxItem) => void): () => void;
}

export function createOutboxRepo(db: Database.Database, now: () => Date, newKey: UuidV7): OutboxRepo {
  const stamp = () => now().toISOString();
  const listeners = new Set<(item: OutboxItem) => void>();
  const insert = db.prepare<Record<string, unknown>, OutboxRow>(
    `INSERT INTO sync_outbox (idempotency_key, kind, method, path, body, label, topic, next_attempt_at, created_at, updated_at)
     VALUES (@key, @kind, @method, @path, @body, @label, @topic, @now, @now, @now) RETURNING *`,
  );
  const selectOne = db.prepare<[number], OutboxRow>('SELECT * FROM sync_outbox WHERE seq = ?');
  const selectHead = db.prepare<[], OutboxRow>("SELECT * FROM sync_outbox WHERE state = 'pending' ORDER BY seq LIMIT 1");
  const selectState = db.prepare<[OutboxState, number], OutboxRow>('SELECT * FROM sync_outbox WHERE state = ? ORDER BY seq LIMIT ?');
  const countPending = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE state = 'pending'");
  const finish = db.prepare<{ seq: number; state: OutboxState; error: string | null; response: string | null; now: string }>(
    `UPDATE sync_outbox SET state = @state, last_error = @error, response = @response, updated_at = @now
     WHERE seq = @seq AND state = 'pending'`,
  );
  const retry = db.prepare<{ seq: number; error: string; next: string; now: string }, OutboxRow>(
    `UPDATE sync_outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next, updated_at = @now
     WHERE seq = @seq AND state = 'pending' RETURNING *`,
  );
  const progress = db.prepare<{ seq: number; id: string; received: number; now: string }>(
    "UPDATE sync_outbox SET upload_id = @id, upload_received = @received, updated_at = @now WHERE seq = @seq AND kind = 'upload'",
  );
  const cancel = db.prepare<{ seq: number; now: string }>(
    "UPDATE sync_outbox SET state = 'cancelled', updated_at = @now WHERE seq = @seq AND state = 'pending'",
  );
  const cancelTopic = db.prepare<{ topic: string; now: string }>(
    "UPDATE sync_outbox SET state = 'cancelled', updated_at = @now WHERE topic = @topic AND state = 'pending'",
  );
  const topicProgress = db.prepare<[string], { pending: number; rejected: number; sent: number | null; total: number | null }>(
    `SELECT count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'rejected') AS rejected,
       sum(CASE WHEN kind = 'upload' THEN (CASE WHEN state = 'done' THEN json_extract(body, '$.size') ELSE coalesce(upload_received, 0) END) END) AS sent,
       sum(CASE WHEN kind = 'upload' THEN json_extract(body, '$.size') END) AS total
     FROM sync_outbox WHERE topic = ? AND state IN ('pending', 'done', 'rejected')`,
  );
  const dueNow = db.prepare<[string, string]>("UPDATE sync_outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?");
  const selectTopic = db.prepare<[string, OutboxState], OutboxRow>('SELECT * FROM sync_outbox WHERE topic = ? AND state = ? ORDER BY seq');
  const dismiss = db.prepare<[number]>("DELETE FROM sync_outbox WHERE seq = ? AND state IN ('rejected', 'cancelled')");
  const prune = db.prepare<[string]>("DELETE FROM sync_outbox WHERE state = 'done' AND updated_at < ?");

  function add(
    kind: 'request' | 'upload',
    method: OutboxMethod,
    path: string,
    body: unknown,
    label: string,
    topic: string | undefined,
  ): OutboxItem {
    if (!path.startsWith('/')) throw new AppError('invalid_input', `An outbox path must start with "/", got "${path}".`);
    let json: string | null;
    try {
      json = body === undefined ? null : JSON.stringify(body);
    } catch {
      throw new AppError('invalid_input', `The change "${label}" cannot be queued: its body is not JSON data.`);
    }
    const row = insert.get({ key: newKey(), kind, method, path, body: json, label, topic: topic ?? null, now: stamp() });
    if (!row) throw new AppError('internal', 'The outbox row was not written.');
    const item = toOutboxItem(row);
    for (const listener of listeners) listener(item);
    return item;
  }

  const toJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return {
    enqueue: (input) => add('request', input.method, input.path, input.body, input.label, input.topic),
    enqueueUpload: ({ label, topic, ...body }) => add('upload', 'POST', '/v1/uploads', body, label, topic),
    head: () => {
      const row = selectHead.get();
      return row ? toOutboxItem(row) : null;
    },
    get: (seq) => {
      const row = selectOne.get(seq);
      return row ? toOutboxItem(row) : null;
    },
    markDone: (seq, response) => {
      finish.run({ seq, state: 'done', error: null, response: toJson(response), now: stamp() });
    },
    markRetry(seq, error, nextAttemptAt) {
      const row = retry.get({ seq, error, next: nextAttemptAt.toISOString(), now: stamp() });
      if (!row) throw new AppError('conflict', `Outbox entry ${seq} is no longer pending.`);
      return toOutboxItem(row);
    },
    markRejected: (seq, message, response) => {
      finish.run({ seq, state: 'rejected', error: message, response: toJson(response), now: stamp() });
    },
    saveUploadProgress: (seq, id, received) => {
      progress.run({ seq, id, received, now: stamp() });
    },
    cancel: (seq) => cancel.run({ seq, now: stamp() }).changes === 1,
    dueNow: () => {
      const at = stamp();
      return dueNow.run(at, at).changes;
    },
    byTopic: (topic, state) => selectTopic.all(topic, state).map(toOutboxItem),
    cancelTopic: (topic) => cancelTopic.run({ topic, now: stamp() }).changes,
    topicProgress(topic) {
      const row = topicProgress.get(topic);
      return { pending: row?.pending ?? 0, rejected: row?.rejected ?? 0, sentBytes: row?.sent ?? 0, totalBytes: row?.total ?? 0 };
    },
    dismiss: (seq) => dismiss.run(seq).changes === 1,
    pendingCount: () => countPending.get()?.n ?? 0,
    list: (state, limit = 100) => selectState.all(state, limit).map(toOutboxItem),
    pruneDone: (before) => prune.run(before.toISOString()).changes,
    onEnqueue(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
