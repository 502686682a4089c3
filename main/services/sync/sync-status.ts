// What the offline indicator shows. The tracker only calls onStatus when something changed,
// so the UI is not re-rendered on every quiet poll.
export interface SyncStatus {
  /** The server this device syncs with (null: none chosen yet). */
  serverUrl: string | null;
  paired: boolean;
  /** The last request got an answer. False while offline; nothing is lost meanwhile. */
  online: boolean;
  syncing: boolean;
  /** Changes waiting to be sent. */
  pendingCount: number;
  /** Changes the server refused for good; catalog.outbox.list('rejected') has their messages. */
  rejectedCount: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** The server said 401: this device was disconnected (or never paired). Pair again to resume. */
  revoked: boolean;
  /** Where the device token is kept, when that deserves a visible notice (design §3). */
  secretsNotice: string | null;
}

export interface StatusTracker {
  get(): SyncStatus;
  update(patch: Partial<SyncStatus>): void;
}

export function createStatusTracker(initial: SyncStatus, onStatus?: (status: SyncStatus) => void): StatusTracker {
  let current = initial;
  return {
    get: () => current,
    update(patch) {
      const next = { ...current, ...patch };
      const changed = (Object.keys(next) as (keyof SyncStatus)[]).some((key) => next[key] !== current[key]);
      current = next;
      if (changed) onStatus?.(next);
    },
  };
}
