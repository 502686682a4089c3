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
}

export const useSync = create<SyncState>((set) => ({
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
}));
