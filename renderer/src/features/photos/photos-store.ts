// The grid's data for one shoot: pages of 200 loaded on demand (a 10,000-photo shoot never
// loads at once), the filter and sort, the focused photo and the selection.
import { create } from 'zustand';
import type { AppError } from '../../../../shared/errors';
import type { ColorLabel, PhotoFilter, PhotoGridItem, PickValue } from '../../../../shared/schemas/photos';
import { getApi } from '../../api/use-api';

export const PAGE_SIZE = 200;

export type FlagChange = { rating?: number; pick?: PickValue; colorLabel?: ColorLabel | null };

interface PhotosState {
  shootId: string | null;
  filter: PhotoFilter;
  sort: 'capture' | 'name';
  total: number;
  pages: Record<number, PhotoGridItem[]>;
  loading: boolean;
  focus: number;
  selected: Set<string>;
  loupe: boolean;
  error: AppError | null;
  open(shootId: string | null): Promise<void>;
  setFilter(filter: PhotoFilter): Promise<void>;
  setSort(sort: 'capture' | 'name'): Promise<void>;
  reload(): Promise<void>;
  ensureRange(start: number, end: number): Promise<void>;
  itemAt(index: number): PhotoGridItem | undefined;
  setFocus(index: number, extend?: boolean): void;
  toggleSelected(index: number): void;
  setLoupe(open: boolean): void;
  applyFlags(change: FlagChange): Promise<void>;
}

const inflight = new Map<string, Promise<void>>();

export const usePhotos = create<PhotosState>((set, get) => {
  async function fetchPage(page: number, generation: string) {
    const { shootId, filter, sort } = get();
    if (!shootId) return;
    const key = `${generation}:${page}`;
    const running = inflight.get(key);
    if (running) return running;
    const promise = getApi()
      .call('photos.list', { shootId, filter, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
      .then((result) => {
        if (generationOf(get()) !== generation) return;
        set({ total: result.total, pages: { ...get().pages, [page]: result.items } });
      })
      .catch((error: AppError) => set({ error }))
      .finally(() => inflight.delete(key));
    inflight.set(key, promise);
    return promise;
  }

  function targets(): string[] {
    const { selected, focus } = get();
    if (selected.size > 0) return [...selected];
    const item = get().itemAt(focus);
    return item ? [item.id] : [];
  }

  return {
    shootId: null,
    filter: {},
    sort: 'capture',
    total: 0,
    pages: {},
    loading: false,
    focus: 0,
    selected: new Set(),
    loupe: false,
    error: null,
    async open(shootId) {
      if (shootId === get().shootId) return;
      set({ shootId, pages: {}, total: 0, focus: 0, selected: new Set(), loupe: false, error: null });
      await get().reload();
    },
    async setFilter(filter) {
      set({ filter, pages: {}, focus: 0, selected: new Set() });
      await get().reload();
    },
    async setSort(sort) {
      set({ sort, pages: {}, focus: 0 });
      await get().reload();
    },
    async reload() {
      set({ loading: true });
      const loadedPages = Object.keys(get().pages).map(Number);
      const generation = generationOf(get());
      await Promise.all((loadedPages.length ? loadedPages : [0]).map((p) => fetchPage(p, generation)));
      set({ loading: false, focus: Math.min(get().focus, Math.max(get().total - 1, 0)) });
    },
    async ensureRange(start, end) {
      const generation = generationOf(get());
      const jobs: Promise<void>[] = [];
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(Math.max(end, start) / PAGE_SIZE); page++) {
        if (!get().pages[page]) jobs.push(fetchPage(page, generation) ?? Promise.resolve());
      }
      await Promise.all(jobs);
    },
    itemAt(index) {
      return get().pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
    },
    setFocus(index, extend = false) {
      const clamped = Math.max(0, Math.min(index, get().total - 1));
      if (extend) {
        const selected = new Set(get().selected);
        const from = get().itemAt(get().focus);
        const to = get().itemAt(clamped);
        if (from) selected.add(from.id);
        if (to) selected.add(to.id);
        set({ focus: clamped, selected });
      } else set({ focus: clamped, selected: new Set() });
    },
    toggleSelected(index) {
      const item = get().itemAt(index);
      if (!item) return;
      const selected = new Set(get().selected);
      if (selected.has(item.id)) selected.delete(item.id);
      else selected.add(item.id);
      set({ selected, focus: index });
    },
    setLoupe: (loupe) => set({ loupe }),
    async applyFlags(change) {
      const ids = targets();
      if (ids.length === 0) return;
      // Optimistic: the grid shows the new flag at once; the catalog write follows.
      const before = get().pages;
      const patch = (item: PhotoGridItem): PhotoGridItem => (ids.includes(item.id) ? { ...item, ...change } : item);
      set({ pages: Object.fromEntries(Object.entries(before).map(([k, items]) => [k, items.map(patch)])) });
      try {
        await getApi().call('photos.setFlags', { photoIds: ids, ...change });
      } catch (error) {
        set({ pages: before, error: error as AppError });
      }
    },
  };
});

function generationOf(state: Pick<PhotosState, 'shootId' | 'filter' | 'sort'>): string {
  return `${state.shootId}|${JSON.stringify(state.filter)}|${state.sort}`;
}
