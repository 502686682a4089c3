import { create } from 'zustand';
import type { AppError } from '../../../../shared/errors';
import type { SyncStatusView } from '../../../../shared/schemas/sync';
import { getApi } from '../../api/use-api';

interface SyncState {
  status: SyncStatusView | null;
  error: AppError | null;
  busy: boolean;
  load(): Promise<void>;
  set(status: SyncStatusView): void;
  pair(code: string, deviceName: string): Promise<boolean>;
  /** Send waiting changes and fetch client activity now (a "Sync now" button). */
  syncNow(): Promise<void>;
  /** A single-use code for another computer of the studio, or null (the error is in `error`). */
  issuePairingCode(): Promise<{ code: string; expiresAt: string } | null>;
}

export const useSync = create<SyncState>((set, get) => ({
  status: null,
  error: null,
  busy: false,
  async load() {
    set({ status: await getApi().call('sync.status') });
  },
  set: (status) => set({ status }),
  async pair(code, deviceName) {
    set({ busy: true, error: null });
    try {
      set({ status: await getApi().call('sync.pair', { code, deviceName }) });
      return true;
    } catch (error) {
      set({ error: error as AppError });
      return false;
    } finally {
      set({ busy: false });
    }
  },
  async issuePairingCode() {
    set({ busy: true, error: null });
    try {
      return await getApi().call('sync.pairingCode');
    } catch (error) {
      set({ error: error as AppError });
      return null;
    } finally {
      set({ busy: false });
    }
  },
  async syncNow() {
    if (get().busy) return;
    set({ busy: true, error: null });
    try {
      set({ status: await getApi().call('sync.now') });
    } catch (error) {
      set({ error: error as AppError });
    } finally {
      set({ busy: false });
    }
  },
}));

/** Whether changes queued now wait for the network (or for pairing) rather than going out at once. */
export function syncWaits(status: SyncStatusView | null): 'offline' | 'unpaired' | null {
  if (!status) return null;
  if (!status.paired || status.revoked) return 'unpaired';
  return status.online ? null : 'offline';
}
