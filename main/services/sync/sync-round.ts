// One sync round: drain the outbox, then pull the change feed, and turn what happened into
// the status the UI shows. Offline is an expected outcome here, not an exception.
import type { ActivityKind, Catalog, OutboxItem } from '../catalog';
import type { ApiClient } from './api-client';
import type { BackoffOptions } from './backoff';
import { pullChanges } from './change-puller';
import { drainOutbox } from './outbox-sender';
import type { StatusTracker } from './sync-status';

export interface RoundDeps {
  catalog: Catalog;
  tracker: StatusTracker;
  now: () => Date;
  random: () => number;
  backoff: BackoffOptions;
  chunkBytes: number;
  pageSize: number;
  onChange?: (kind: ActivityKind, galleryId: string) => void;
  onRemark?: (message: string) => void;
  onDelivered?: (item: OutboxItem, response: unknown) => void;
  onRejected?: (item: OutboxItem, message: string) => void;
  onUploadProgress?: (seq: number, sentBytes: number, totalBytes: number) => void;
}

export const outboxCounts = (catalog: Catalog) => ({
  pendingCount: catalog.outbox.pendingCount(),
  rejectedCount: catalog.outbox.list('rejected', 1000).length,
});

/** Returns how soon the next round should run (ms), or null for the normal interval. */
export async function syncRound(deps: RoundDeps, api: ApiClient, token: string): Promise<number | null> {
  const { catalog, tracker, now } = deps;
  const onAnswer = () => tracker.update({ online: true });
  const revoked = (message: string) => {
    catalog.syncState.setRevoked(true);
    catalog.syncState.recordError(message);
    tracker.update({ revoked: true, lastError: message });
    return null;
  };
  const failed = (message: string, offline: boolean) => {
    catalog.syncState.recordError(message);
    tracker.update({ lastError: message, ...(offline ? { online: false } : {}) });
  };

  const drained = await drainOutbox({ ...deps, api, token, onAnswer });
  tracker.update(outboxCounts(catalog));
  if (drained.kind === 'unauthorized') return revoked(drained.message);
  const untilHead = drained.kind === 'waiting' ? drained.until.getTime() - now().getTime() : null;
  if (drained.kind === 'waiting' && drained.offline) {
    // No answer at all: pulling now would only fail the same way.
    failed(drained.message ?? 'The server cannot be reached.', true);
    return untilHead;
  }
  const pulled = await pullChanges({
    catalog,
    api,
    token,
    pageSize: deps.pageSize,
    maxPages: 50,
    onChange: deps.onChange,
    onRemark: deps.onRemark,
    onAnswer,
  });
  if (pulled.kind === 'unauthorized') return revoked(pulled.message);
  if (pulled.kind !== 'ok') failed(pulled.message, pulled.kind === 'retry' && pulled.offline);
  else if (drained.kind === 'waiting') failed(drained.message ?? 'A change is waiting to be sent again.', false);
  else {
    catalog.syncState.recordSuccess();
    tracker.update({ lastSuccessAt: catalog.syncState.get().lastSuccessAt, lastError: null });
  }
  return untilHead;
}
