// Job types and row mapping for the persistent work queue.

export const jobStates = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof jobStates)[number];

export interface Job {
  id: string;
  queue: string;
  kind: string;
  payload: unknown;
  dedupeKey: string | null;
  state: JobState;
  /** Claims so far, including the running one. */
  attempts: number;
  maxAttempts: number;
  runAfter: string;
  leaseUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface JobRow {
  id: string;
  queue: string;
  kind: string;
  payload: string;
  dedupe_key: string | null;
  state: JobState;
  attempts: number;
  max_attempts: number;
  run_after: string;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export const toJob = (r: JobRow): Job => ({
  id: r.id,
  queue: r.queue,
  kind: r.kind,
  payload: JSON.parse(r.payload) as unknown,
  dedupeKey: r.dedupe_key,
  state: r.state,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  runAfter: r.run_after,
  leaseUntil: r.lease_until,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Exponential backoff without jitter: the queue is local, there is no herd to spread. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
