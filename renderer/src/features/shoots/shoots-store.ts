import { create } from 'zustand';
import type { AppError } from '../../../../shared/errors';
import type { ShootProgress, ShootSummary } from '../../../../shared/schemas/shoots';
import { getApi } from '../../api/use-api';

interface ShootsState {
  shoots: ShootSummary[];
  loaded: boolean;
  selectedId: string | null;
  busy: boolean;
  error: AppError | null;
  load(): Promise<void>;
  select(id: string): void;
  add(path: string, kind: 'shoot' | 'root'): Promise<boolean>;
  remove(id: string): Promise<void>;
  pause(id: string): Promise<void>;
  resume(id: string): Promise<void>;
  cancel(id: string): Promise<void>;
  applyProgress(progress: ShootProgress): void;
  clearError(): void;
}

export const useShoots = create<ShootsState>((set, get) => {
  async function progressCall(name: 'shoots.pause' | 'shoots.resume' | 'shoots.cancel', shootId: string) {
    try {
      get().applyProgress(await getApi().call(name, { shootId }));
    } catch (error) {
      set({ error: error as AppError });
    }
  }
  return {
    shoots: [],
    loaded: false,
    selectedId: null,
    busy: false,
    error: null,
    async load() {
      const shoots = (await getApi().call('shoots.list')).filter((s) => s.kind === 'shoot' || s.progress.total > 0);
      const selectedId = get().selectedId && shoots.some((s) => s.id === get().selectedId) ? get().selectedId : (shoots[0]?.id ?? null);
      set({ shoots, loaded: true, selectedId });
    },
    select: (id) => set({ selectedId: id }),
    async add(path, kind) {
      set({ busy: true, error: null });
      try {
        const shoot = await getApi().call('shoots.add', { path, kind });
        await get().load();
        // A root adds its shoots; select the first photo-holding one, else the new row.
        set({ selectedId: get().shoots.find((s) => s.id === shoot.id || s.path.startsWith(shoot.path))?.id ?? get().selectedId });
        return true;
      } catch (error) {
        set({ error: error as AppError });
        return false;
      } finally {
        set({ busy: false });
      }
    },
    async remove(id) {
      try {
        await getApi().call('shoots.remove', { shootId: id });
        set({ selectedId: get().selectedId === id ? null : get().selectedId });
        await get().load();
      } catch (error) {
        set({ error: error as AppError });
      }
    },
    pause: (id) => progressCall('shoots.pause', id),
    resume: (id) => progressCall('shoots.resume', id),
    cancel: (id) => progressCall('shoots.cancel', id),
    applyProgress(progress) {
      const known = get().shoots.some((s) => s.id === progress.shootId);
      if (!known) {
        void get().load(); // a new shoot inside a root appeared
        return;
      }
      set({ shoots: get().shoots.map((s) => (s.id === progress.shootId ? { ...s, status: progress.status, progress } : s)) });
    },
    clearError: () => set({ error: null }),
  };
});
