// The client's session with one gallery: whether it is open, locked (needs the code) or
// expired, the gallery itself, and the two selections the client builds (favourites, basket).
// A heart or a basket click updates the page at once and is sent in the background, in click
// order per photo; if the server refuses, the click is undone and the reason shown.
import { create } from 'zustand';
import { type ClientGallery, clientApi, type SelectionList } from '../api/client-api';
import { ApiFailure } from '../api/http';

export type Phase =
  | { kind: 'loading' }
  | { kind: 'locked'; failure: ApiFailure | null }
  /** Expired (410) or taken offline by the photographer (403): nothing to do here but read why. */
  | { kind: 'closed'; failure: ApiFailure }
  | { kind: 'open' };

interface SessionState {
  phase: Phase;
  gallery: ClientGallery | null;
  favourites: readonly string[];
  basket: readonly string[];
  /** A failure to tell the client about (a refused heart, a dropped connection). */
  notice: ApiFailure | null;
  /** Loads the gallery if the cookie still holds a session; else asks for the code. */
  start(): Promise<void>;
  /** Throws the ApiFailure of a wrong code or a rate limit: the form shows it. */
  unlock(slug: string, code: string): Promise<void>;
  toggle(list: SelectionList, photoId: string): void;
  /** After an order the server has emptied the basket of the ordered photos. */
  reloadBasket(): Promise<void>;
  /** Central handling: an ended session locks, an expired gallery closes, the rest is a notice. */
  fail(error: unknown): void;
  dismissNotice(): void;
}

/** Failures that close the whole gallery rather than one action. */
export const isClosing = (failure: ApiFailure) => failure.kind === 'expired' || failure.kind === 'offline';

const asFailure = (error: unknown) => (error instanceof ApiFailure ? error : new ApiFailure('unexpected', null, 0, null));

// Per list+photo promise chains, so "add" then "remove" reach the server in that order.
const chains = new Map<string, Promise<void>>();

export const useSession = create<SessionState>()((set, get) => ({
  phase: { kind: 'loading' },
  gallery: null,
  favourites: [],
  basket: [],
  notice: null,

  async start() {
    try {
      const [gallery, favourites, basket] = await Promise.all([
        clientApi.gallery(),
        clientApi.list('favourites'),
        clientApi.list('basket'),
      ]);
      set({ gallery, favourites, basket, phase: { kind: 'open' } });
    } catch (error) {
      const failure = asFailure(error);
      // Not signed in yet is the normal first visit: no message, just the code screen.
      if (failure.kind === 'session') set({ phase: { kind: 'locked', failure: null } });
      else if (isClosing(failure)) set({ phase: { kind: 'closed', failure } });
      else set({ phase: { kind: 'locked', failure } });
    }
  },

  async unlock(slug, code) {
    try {
      await clientApi.access(slug, code);
    } catch (error) {
      const failure = asFailure(error);
      if (isClosing(failure)) set({ phase: { kind: 'closed', failure } });
      throw failure;
    }
    await get().start();
  },

  toggle(list, photoId) {
    const current = get()[list];
    const had = current.includes(photoId);
    const apply = (present: boolean) =>
      set((s) => {
        const without = s[list].filter((id) => id !== photoId);
        return { [list]: present ? [...without, photoId] : without };
      });
    apply(!had);
    const key = `${list}:${photoId}`;
    const previous = chains.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        await (had ? clientApi.remove(list, photoId) : clientApi.add(list, photoId));
      } catch (error) {
        apply(had);
        get().fail(error);
      }
    });
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
  },

  async reloadBasket() {
    try {
      set({ basket: await clientApi.list('basket') });
    } catch (error) {
      get().fail(error);
    }
  },

  fail(error) {
    const failure = asFailure(error);
    if (failure.kind === 'session') set({ phase: { kind: 'locked', failure } });
    else if (isClosing(failure)) set({ phase: { kind: 'closed', failure } });
    else set({ notice: failure });
  },

  dismissNotice() {
    set({ notice: null });
  },
}));
