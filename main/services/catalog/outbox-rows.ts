// Outbox types and row mapping (table sync_outbox, migration 002).

export const outboxStates = ['pending', 'done', 'rejected', 'cancelled'] as const;
export type OutboxState = (typeof outboxStates)[number];
export type OutboxMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What an 'upload' row sends: a local file, identified by its content hash (design §4). */
export interface UploadBody {
  file: string;
  sha256: string;
  size: number;
}

interface OutboxBase {
  seq: number;
  idempotencyKey: string;
  method: OutboxMethod;
  path: string;
  /** Shown to the user when the server refuses the change, e.g. "Publish “Smith wedding”". */
  label: string;
  /** What the row belongs to, e.g. 'gallery:<id>' (followed and cancelled as a whole). */
  topic: string | null;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  /** The server's answer once delivered (JSON), e.g. a gallery's one-time access code. */
  response: unknown;
  createdAt: string;
  updatedAt: string;
}
export type OutboxItem =
  | (OutboxBase & { kind: 'request'; body: unknown })
  | (OutboxBase & { kind: 'upload'; body: UploadBody; uploadId: string | null; uploadReceived: number | null });

export interface OutboxRow {
  seq: number;
  idempotency_key: string;
  kind: 'request' | 'upload';
  method: OutboxMethod;
  path: string;
  body: string | null;
  label: string;
  topic: string | null;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  response: string | null;
  upload_id: string | null;
  upload_received: number | null;
  created_at: string;
  updated_at: string;
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function toOutboxItem(r: OutboxRow): OutboxItem {
  const base: OutboxBase = {
    seq: r.seq,
    idempotencyKey: r.idempotency_key,
    method: r.method,
    path: r.path,
    label: r.label,
    topic: r.topic,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    response: parse(r.response),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  if (r.kind === 'upload') {
    return { ...base, kind: 'upload', body: parse(r.body) as UploadBody, uploadId: r.upload_id, uploadReceived: r.upload_received };
  }
  return { ...base, kind: 'request', body: parse(r.body) };
}
