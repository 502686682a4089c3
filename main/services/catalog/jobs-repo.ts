// Persistent job queue. Claiming takes a lease; a job whose lease ran out (the app crashed
// or hung mid-job) is queued again by recoverExpiredLeases, so work is never silently lost.
// Done and failed are terminal: nothing moves a job out of them, so finished work never reruns.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { type Job, type JobRow, type JobState, jobStates, retryDelayMs, toJob } from './job-rows';

export interface EnqueueInput {
  queue: string;
  kind: string;
  payload: unknown;
  /** While a job with this key is queued, enqueuing it again does nothing (a running one does not count). */
  dedupeKey?: string;
  maxAttempts?: number;
  runAfter?: Date;
}

export interface JobsOptions {
  leaseMs?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface JobsRepo {
  enqueue(input: EnqueueInput): { job: Job; created: boolean };
  /** Atomically moves the oldest due job of the queue to 'running' with a lease. */
  claimNext(queue: string): Job | null;
  /** For long jobs: keeps the lease alive so the job is not recovered while still working. */
  extendLease(id: string): void;
  complete(id: string): void;
  /** Queues a retry after a backoff, or fails for good after maxAttempts (or when permanent). */
  fail(id: string, error: string, options?: { permanent?: boolean }): Job;
  /** Requeues running jobs whose lease ran out; returns how many. Call at start-up. */
  recoverExpiredLeases(): number;
  get(id: string): Job | null;
  counts(queue?: string): Record<JobState, number>;
  /** Fails every queued (not running) job of a queue for good, e.g. when the user cancels an import. */
  cancelQueued(queue: string, reason: string): Job[];
  /** Queues with queued or running work. */
  queues(): string[];
  /** At start-up under the library lock no job can still be running: requeue them all now. */
  recoverAllRunning(): number;
}

export function createJobsRepo(db: Database.Database, now: () => Date, options: JobsOptions = {}): JobsRepo {
  const { leaseMs = 60_000, maxAttempts = 5, backoffBaseMs = 2_000, backoffMaxMs = 10 * 60_000 } = options;
  const at = (offsetMs = 0) => new Date(now().getTime() + offsetMs).toISOString();

  const selectOne = db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?');
  const selectLive = db.prepare<[string], JobRow>("SELECT * FROM jobs WHERE dedupe_key = ? AND state = 'queued'");
  const insert = db.prepare(
    `INSERT INTO jobs (id, queue, kind, payload, dedupe_key, state, attempts, max_attempts, run_after, created_at, updated_at)
     VALUES (@id, @queue, @kind, @payload, @dedupeKey, 'queued', 0, @maxAttempts, @runAfter, @now, @now)`,
  );
  const claim = db.prepare<{ queue: string; now: string; lease: string }, JobRow>(
    `UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_until = @lease, updated_at = @now
     WHERE id = (SELECT id FROM jobs WHERE queue = @queue AND state = 'queued' AND run_after <= @now
                 ORDER BY run_after, created_at, rowid LIMIT 1)
     RETURNING *`,
  );
  const cancel = db.prepare<{ queue: string; reason: string; now: string }, JobRow>(
    "UPDATE jobs SET state = 'failed', last_error = @reason, updated_at = @now WHERE queue = @queue AND state = 'queued' RETURNING *",
  );
  const liveQueues = db.prepare<[], { queue: string }>("SELECT DISTINCT queue FROM jobs WHERE state IN ('queued', 'running')");
  const extend = db.prepare<{ id: string; lease: string; now: string }>(
    "UPDATE jobs SET lease_until = @lease, updated_at = @now WHERE id = @id AND state = 'running'",
  );
  // A job recovered after a lease ran out may still be finished by its first runner: accept that.
  const done = db.prepare<{ id: string; now: string }>(
    "UPDATE jobs SET state = 'done', lease_until = NULL, updated_at = @now WHERE id = @id AND state IN ('running', 'queued')",
  );
  const setOutcome = db.prepare<{ id: string; state: JobState; runAfter: string; error: string; now: string }>(
    'UPDATE jobs SET state = @state, run_after = @runAfter, lease_until = NULL, last_error = @error, updated_at = @now WHERE id = @id',
  );
  // Attempts are counted at claim, so a job that crashes the app every time still ends up failed.
  // A job whose key already has a newer queued job is superseded ('done'): the newer one does
  // the same work on fresher input, and two queued jobs with one key cannot exist.
  const INTERRUPTED = 'Interrupted: Proofdesk stopped while this job was running.';
  const selectRunning = db.prepare<{ now: string; all: number }, JobRow>(
    "SELECT * FROM jobs WHERE state = 'running' AND (@all = 1 OR lease_until <= @now) ORDER BY updated_at, rowid",
  );
  const queuedWithKey = db.prepare<[string, string], { id: string }>(
    "SELECT id FROM jobs WHERE dedupe_key = ? AND state = 'queued' AND id <> ?",
  );
  function requeueState(row: JobRow, giveUp: boolean): JobState {
    if (giveUp) return 'failed';
    if (row.dedupe_key !== null && queuedWithKey.get(row.dedupe_key, row.id)) return 'done';
    return 'queued';
  }
  const recoverRunning = db.transaction((all: boolean): number => {
    const rows = selectRunning.all({ now: at(), all: all ? 1 : 0 });
    for (const row of rows) {
      setOutcome.run({
        id: row.id,
        state: requeueState(row, row.attempts >= row.max_attempts),
        runAfter: row.run_after,
        error: INTERRUPTED,
        now: at(),
      });
    }
    return rows.length;
  });
  const countAll = db.prepare<[], { state: JobState; n: number }>('SELECT state, count(*) AS n FROM jobs GROUP BY state');
  const countQueue = db.prepare<[string], { state: JobState; n: number }>(
    'SELECT state, count(*) AS n FROM jobs WHERE queue = ? GROUP BY state',
  );

  function requireJob(id: string): JobRow {
    const row = selectOne.get(id);
    if (!row) throw new AppError('not_found', `Job ${id} is not in this library's queue.`);
    return row;
  }

  const enqueue = db.transaction((input: EnqueueInput) => {
    const live = input.dedupeKey === undefined ? undefined : selectLive.get(input.dedupeKey);
    if (live) return { job: toJob(live), created: false };
    const payload = toJson(input.payload);
    if (payload === undefined) throw new AppError('invalid_input', `The payload of a ${input.kind} job must be JSON data.`);
    const limit = input.maxAttempts ?? maxAttempts;
    if (!Number.isInteger(limit) || limit < 1) throw new AppError('invalid_input', 'A job needs a maxAttempts of at least 1.');
    const id = randomUUID();
    const stamp = at();
    const runAfter = input.runAfter?.toISOString() ?? stamp;
    insert.run({
      id,
      queue: input.queue,
      kind: input.kind,
      payload,
      dedupeKey: input.dedupeKey ?? null,
      maxAttempts: limit,
      runAfter,
      now: stamp,
    });
    return { job: toJob(requireJob(id)), created: true };
  });

  const fail = db.transaction((id: string, error: string, permanent: boolean): Job => {
    const row = requireJob(id);
    if (row.state !== 'running') throw new AppError('conflict', `Job ${id} is ${row.state}, not running, so it cannot fail now.`);
    const giveUp = permanent || row.attempts >= row.max_attempts;
    const runAfter = giveUp ? row.run_after : at(retryDelayMs(row.attempts, backoffBaseMs, backoffMaxMs));
    setOutcome.run({ id, state: requeueState(row, giveUp), runAfter, error, now: at() });
    return toJob(requireJob(id));
  });

  function tally(rows: { state: JobState; n: number }[]): Record<JobState, number> {
    const result = Object.fromEntries(jobStates.map((s) => [s, 0])) as Record<JobState, number>;
    for (const row of rows) result[row.state] = row.n;
    return result;
  }

  return {
    enqueue: (input) => enqueue(input),
    claimNext(queue) {
      const row = claim.get({ queue, now: at(), lease: at(leaseMs) });
      return row ? toJob(row) : null;
    },
    extendLease(id) {
      if (extend.run({ id, lease: at(leaseMs), now: at() }).changes === 0) {
        throw new AppError('conflict', `Job ${requireJob(id).id} is no longer running; stop working on it.`);
      }
    },
    complete(id) {
      if (done.run({ id, now: at() }).changes === 0) {
        throw new AppError('conflict', `Job ${id} is already ${requireJob(id).state}; it was not completed again.`);
      }
    },
    fail: (id, error, opts) => fail(id, error, opts?.permanent ?? false),
    recoverExpiredLeases: () => recoverRunning(false),
    get(id) {
      const row = selectOne.get(id);
      return row ? toJob(row) : null;
    },
    counts: (queue) => tally(queue === undefined ? countAll.all() : countQueue.all(queue)),
    cancelQueued: (queue, reason) => cancel.all({ queue, reason, now: at() }).map(toJob),
    queues: () => liveQueues.all().map((r) => r.queue),
    recoverAllRunning: () => recoverRunning(true),
  };
}

function toJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined; // BigInt or a cycle: reported as invalid input by the caller
  }
}
