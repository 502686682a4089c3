// Notices from the background (new client orders, refused changes, import problems) as toasts:
// information goes away by itself after a few seconds, errors stay until dismissed.
import { create } from 'zustand';
import type { EventPayload } from '../../../../shared/contract';

export type Notice = EventPayload<'notice'> & { id: number };

export const INFO_MS = 8000;
const MAX_SHOWN = 5;

interface NoticesState {
  notices: Notice[];
  push(notice: EventPayload<'notice'>): void;
  dismiss(id: number): void;
}

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export const useNotices = create<NoticesState>((set, get) => ({
  notices: [],
  push(notice) {
    const id = nextId++;
    // The same sentence twice in a row (a retried sync) is one toast.
    const rest = get().notices.filter((n) => n.message !== notice.message);
    set({ notices: [...rest, { ...notice, id }].slice(-MAX_SHOWN) });
    if (notice.level !== 'error')
      timers.set(
        id,
        setTimeout(() => get().dismiss(id), INFO_MS),
      );
  },
  dismiss(id) {
    clearTimeout(timers.get(id));
    timers.delete(id);
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
}));
