// How the sync client reads an answer: what to do next (done, retry, refused for good,
// device not authorised) and the server's own sentence for the user.
import type { ApiAnswer } from './api-client';

export type Verdict =
  | { kind: 'ok' }
  | { kind: 'retry'; message: string; retryAfterMs: number | null }
  | { kind: 'unauthorized'; message: string }
  | { kind: 'rejected'; message: string };

export const REVOKED_MESSAGE =
  'This computer is no longer connected to your Proofdesk account (it was disconnected, or never paired). Pair it again to resume syncing; nothing waiting to be sent was lost.';

/** The `{ error: { message } }` the API sends, or a fallback naming the status. */
export function serverMessage(answer: ApiAnswer): string {
  const body = answer.body as { error?: { message?: unknown } } | null;
  const message = body && typeof body === 'object' ? body.error?.message : undefined;
  return typeof message === 'string' && message.length > 0 ? message : `The server answered with status ${answer.status}.`;
}

function retryAfterMs(answer: ApiAnswer): number | null {
  const raw = answer.headers.get('retry-after');
  if (raw === null) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

export function verdictOf(answer: ApiAnswer): Verdict {
  const { status } = answer;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  if (status === 401) return { kind: 'unauthorized', message: REVOKED_MESSAGE };
  // 408/429/5xx are about the server's state, not the change. A 409 with Retry-After is the
  // idempotency layer saying "this key is still being processed": wait, do not give up.
  if (status >= 500 || status === 408 || status === 429 || (status === 409 && answer.headers.has('retry-after'))) {
    return { kind: 'retry', message: serverMessage(answer), retryAfterMs: retryAfterMs(answer) };
  }
  return { kind: 'rejected', message: serverMessage(answer) };
}
