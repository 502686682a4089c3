// Clients and their galleries (seed 004): the list, the open client's page and the gallery
// chosen on it. Everything is read from the local catalog, so it answers offline with what the
// last sync brought; `gallery.changed` events refresh whatever is open.
import { create } from 'zustand';
import type { EventPayload } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import type { ClientDetail, ClientSummary, GalleryDetail, SaveClientInput } from '../../../../shared/schemas/galleries';
import { getApi } from '../../api/use-api';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';
export type GalleryAction = 'unpublish' | 'republish' | 'regenerateCode' | 'cancelPublish';

interface ClientsState {
  list: ClientSummary[];
  listState: LoadState;
  listError: AppError | null;
  query: string;
  clientId: string | null;
  detail: ClientDetail | null;
  detailState: LoadState;
  detailError: AppError | null;
  galleryId: string | null;
  gallery: GalleryDetail | null;
  galleryState: LoadState;
  galleryError: AppError | null;
  /** A refused gallery action or client save, shown next to what was pressed. */
  actionError: AppError | null;
  busy: string | null;
  setQuery(query: string): void;
  loadList(): Promise<void>;
  open(clientId: string, galleryId?: string): Promise<void>;
  back(): void;
  selectGallery(galleryId: string): Promise<void>;
  refresh(): Promise<void>;
  galleryChanged(change: EventPayload<'gallery.changed'>): void;
  saveClient(input: SaveClientInput): Promise<string | null>;
  act(action: GalleryAction, galleryId: string): Promise<boolean>;
  extendExpiry(galleryId: string, expiresAt: string | null): Promise<boolean>;
  clearActionError(): void;
}

let refreshTimer: ReturnType<typeof setTimeout> | null = null;

export const useClients = create<ClientsState>((set, get) => {
  async function loadDetail(clientId: string, quiet = false) {
    if (!quiet) set({ detailState: 'loading', detailError: null });
    try {
      const detail = await getApi().call('clients.get', { clientId });
      if (get().clientId !== clientId) return null;
      set({ detail, detailState: 'ready', detailError: null });
      return detail;
    } catch (error) {
      if (get().clientId === clientId) set({ detailState: 'error', detailError: error as AppError });
      return null;
    }
  }
  async function loadGallery(galleryId: string, quiet = false) {
    if (!quiet) set({ galleryState: 'loading', galleryError: null });
    try {
      const gallery = await getApi().call('galleries.get', { galleryId });
      if (get().galleryId !== galleryId) return;
      set({ gallery, galleryState: 'ready', galleryError: null });
    } catch (error) {
      if (get().galleryId === galleryId) set({ galleryState: 'error', galleryError: error as AppError });
    }
  }
  async function run<T>(name: string, work: () => Promise<T>): Promise<T | null> {
    set({ busy: name, actionError: null });
    try {
      return await work();
    } catch (error) {
      set({ actionError: error as AppError });
      return null;
    } finally {
      set({ busy: null });
    }
  }

  return {
    list: [],
    listState: 'idle',
    listError: null,
    query: '',
    clientId: null,
    detail: null,
    detailState: 'idle',
    detailError: null,
    galleryId: null,
    gallery: null,
    galleryState: 'idle',
    galleryError: null,
    actionError: null,
    busy: null,
    setQuery: (query) => set({ query }),
    async loadList() {
      if (get().listState !== 'ready') set({ listState: 'loading', listError: null });
      try {
        set({ list: await getApi().call('clients.list'), listState: 'ready', listError: null });
      } catch (error) {
        set({ listState: 'error', listError: error as AppError });
      }
    },
    async open(clientId, galleryId) {
      set({ clientId, detail: null, galleryId: galleryId ?? null, gallery: null, galleryState: 'idle', actionError: null });
      const detail = await loadDetail(clientId);
      if (!detail) return;
      // The newest gallery unless one was asked for.
      const chosen = galleryId ?? [...detail.galleries].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]?.id ?? null;
      set({ galleryId: chosen });
      if (chosen) await loadGallery(chosen);
    },
    back() {
      set({ clientId: null, detail: null, galleryId: null, gallery: null, detailState: 'idle', galleryState: 'idle', actionError: null });
      void get().loadList();
    },
    async selectGallery(galleryId) {
      set({ galleryId, gallery: null, actionError: null });
      await loadGallery(galleryId);
    },
    async refresh() {
      const { clientId, galleryId } = get();
      await Promise.all([get().loadList(), clientId ? loadDetail(clientId, true) : null, galleryId ? loadGallery(galleryId, true) : null]);
    },
    galleryChanged(change) {
      const { clientId, detail } = get();
      const concernsOpenPage =
        clientId === null || change.clientId === clientId || detail?.galleries.some((g) => g.id === change.galleryId) === true;
      if (!concernsOpenPage || refreshTimer) return;
      // Upload chunks and sync pages come in bursts: one refresh for each burst.
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        void get().refresh();
      }, 300);
    },
    async saveClient(input) {
      const saved = await run('saveClient', () => getApi().call('clients.save', input));
      if (!saved) return null;
      await get().refresh();
      return saved.id;
    },
    async act(action, galleryId) {
      const name = `galleries.${action}` as const;
      const done = await run(action, () => getApi().call(name, { galleryId }));
      if (done) await get().refresh();
      return done !== null;
    },
    async extendExpiry(galleryId, expiresAt) {
      const done = await run('extendExpiry', () => getApi().call('galleries.extendExpiry', { galleryId, expiresAt }));
      if (done) await get().refresh();
      return done !== null;
    },
    clearActionError: () => set({ actionError: null }),
  };
});
