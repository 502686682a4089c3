// Drains the outbox in strict FIFO order: the head row is sent until the server has it or
// refuses it for good, and nothing behind it goes first, so the server sees the studio's
// changes in the order they were made (a publish never overtakes its uploads).
//   network error, 5xx, 408, 429 → retry the head later (exponential backoff, full jitter)
//   other 4xx                    → rejected: kept with the server's message for the user; next row
//   401                          → stop: the device was disconnected or never paired
import type { Catalog, OutboxItem } from '../catalog';
import type { ApiClient } from './api-client';
import { type BackoffOptions, backoffDelayMs } from './backoff';
import type { SendOutcome } from './send-outcome';
import { sendRequest } from './send-request';
import { sendUpload } from './send-upload';

export type DrainResult =
  /** Everything was sent (or refused and recorded). */
  | { kind: 'idle'; sent: number; rejected: number }
  /** The head waits for its next attempt; `offline` when the last try got no answer at all. */
  | { kind: 'waiting'; sent: number; rejected: number; until: Date; offline: boolean; message: string | null }
  | { kind: 'unauthorized'; sent: number; rejected: number; message: string };

export interface SenderOptions {
  catalog: Catalog;
  api: ApiClient;
  token: string;
  now: () => Date;
  random: () => number;
  backoff: BackoffOptions;
  chunkBytes: number;
  /** Runs inside the transaction that marks the row delivered: follow-up local writes are atomic with it. */
  onDelivered?: (item: OutboxItem, response: unknown) => void;
  onRejected?: (item: OutboxItem, message: string) => void;
  onUploadProgress?: (seq: number, sentBytes: number, totalBytes: number) => void;
  /** Any answer from the server (even a refusal): the network works. */
  onAnswer?: () => void;
}

export async function drainOutbox(options: SenderOptions): Promise<DrainResult> {
  const { catalog, now } = options;
  let sent = 0;
  let rejected = 0;
  for (;;) {
    const head = catalog.outbox.head();
    if (!head) return { kind: 'idle', sent, rejected };
    const due = new Date(head.nextAttemptAt);
    if (due > now()) return { kind: 'waiting', sent, rejected, until: due, offline: false, message: head.lastError };
    const outcome = await send(options, head);
    if (outcome.kind !== 'retry' || !outcome.offline) options.onAnswer?.();
    switch (outcome.kind) {
      case 'done':
        catalog.transaction(() => {
          catalog.outbox.markDone(head.seq, outcome.response);
          options.onDelivered?.(head, outcome.response);
        });
        sent += 1;
        break;
      case 'rejected':
        catalog.outbox.markRejected(head.seq, outcome.message, outcome.response);
        options.onRejected?.(head, outcome.message);
        rejected += 1;
        break;
      case 'cancelled':
        break;
      case 'unauthorized':
        return { kind: 'unauthorized', sent, rejected, message: outcome.message };
      case 'retry': {
        const delay = Math.max(backoffDelayMs(head.attempts + 1, options.random, options.backoff), outcome.retryAfterMs ?? 0);
        const until = new Date(now().getTime() + delay);
        // The row may have been cancelled meanwhile; then it is simply no longer the head.
        if (catalog.outbox.get(head.seq)?.state === 'pending') catalog.outbox.markRetry(head.seq, outcome.message, until);
        return { kind: 'waiting', sent, rejected, until, offline: outcome.offline, message: outcome.message };
      }
    }
  }
}

function send(options: SenderOptions, item: OutboxItem): Promise<SendOutcome> {
  if (item.kind === 'request') return sendRequest(options.api, options.token, item);
  return sendUpload(
    {
      api: options.api,
      token: options.token,
      catalog: options.catalog,
      chunkBytes: options.chunkBytes,
      onProgress: options.onUploadProgress,
    },
    item,
  );
}
