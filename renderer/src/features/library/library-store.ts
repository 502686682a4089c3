import { create } from 'zustand';
import type { AppError } from '../../../../shared/errors';
import type { Library, RecentLibrary } from '../../../../shared/schemas/library';
import { getApi } from '../../api/use-api';

interface LibraryState {
  status: 'loading' | 'ready';
  library: Library | null;
  recent: RecentLibrary[];
  busy: boolean;
  error: AppError | null;
  load(): Promise<void>;
  create(input: { name: string; path: string }): Promise<void>;
  open(path: string): Promise<void>;
  close(): Promise<void>;
  clearError(): void;
}

export const useLibrary = create<LibraryState>((set, get) => {
  async function run(action: () => Promise<void>) {
    set({ busy: true, error: null });
    try {
      await action();
    } catch (error) {
      set({ error: error as AppError });
    } finally {
      set({ busy: false });
    }
  }
  return {
    status: 'loading',
    library: null,
    recent: [],
    busy: false,
    error: null,
    async load() {
      const api = getApi();
      const [library, recent] = await Promise.all([api.call('library.current'), api.call('library.recent')]);
      set({ library, recent, status: 'ready' });
    },
    create: (input) => run(async () => set({ library: await getApi().call('library.create', input) })),
    open: (path) => run(async () => set({ library: await getApi().call('library.open', { path }) })),
    close: () =>
      run(async () => {
        await getApi().call('library.close');
        set({ library: null, recent: await getApi().call('library.recent') });
      }),
    clearError: () => set({ error: get().error ? null : get().error }),
  };
});
