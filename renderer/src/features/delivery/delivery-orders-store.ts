// The Delivery section's list: orders ready to deliver, those still waiting to retouch (shown as
// "not yet"), and the recently delivered ones, from the order desk's filters; and the one chosen.
import { create } from 'zustand';
import type { AppError } from '../../../../shared/errors';
import type { OrderSummary } from '../../../../shared/schemas/orders-desk';
import { getApi } from '../../api/use-api';
import { useNav } from '../shell/nav-store';

/** How many delivered orders the list keeps (newest first). */
export const RECENT_DELIVERED = 10;

interface DeliveryOrdersState {
  ready: OrderSummary[];
  waiting: OrderSummary[];
  delivered: OrderSummary[];
  state: 'idle' | 'loading' | 'ready' | 'error';
  error: AppError | null;
  selected: string | null;
  load(): Promise<void>;
  select(orderId: string | null): void;
  /** Something synced or changed: load again, once per burst. */
  changed(): void;
}

let request = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

const newestFirst = (a: OrderSummary, b: OrderSummary) => b.placedAt.localeCompare(a.placedAt);

export const useDeliveryOrders = create<DeliveryOrdersState>((set, get) => ({
  ready: [],
  waiting: [],
  delivered: [],
  state: 'idle',
  error: null,
  selected: null,
  async load() {
    const mine = ++request;
    if (get().state !== 'ready') set({ state: 'loading', error: null });
    try {
      const api = getApi();
      const [ready, waiting, delivered] = await Promise.all(
        (['ready_to_deliver', 'waiting_to_retouch', 'delivered'] as const).map((filter) => api.call('orders.list', { filter, search: '' })),
      );
      if (mine !== request) return;
      const lists = {
        ready: [...(ready?.orders ?? [])].sort(newestFirst),
        waiting: [...(waiting?.orders ?? [])].sort(newestFirst),
        delivered: [...(delivered?.orders ?? [])].sort(newestFirst).slice(0, RECENT_DELIVERED),
      };
      // With nothing chosen yet, the newest order ready to deliver is.
      set({ ...lists, state: 'ready', error: null, selected: get().selected ?? lists.ready[0]?.id ?? null });
    } catch (error) {
      if (mine === request) set({ state: 'error', error: error as AppError });
    }
  },
  select(orderId) {
    set({ selected: orderId });
  },
  changed() {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void get().load();
    }, 250);
  },
}));

/** Opens an order's delivery in the Delivery section (from the order page or a notice). */
export function openDelivery(orderId: string): void {
  useDeliveryOrders.getState().select(orderId);
  useNav.getState().go('delivery');
}
