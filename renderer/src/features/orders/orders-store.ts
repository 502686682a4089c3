// The order desk (issue 6): the list with its filter, search and counts, the open order, and the
// studio's actions on it. Everything is read from the local catalog (orders come through sync),
// so it answers offline; an action is queued there and the order shows where it leads until the
// server confirms or refuses it. `gallery.changed` (orders) and sync status events refresh it.
import { create } from 'zustand';
import type { AppError } from '../../../../shared/errors';
import type { StudioOrderEventBody } from '../../../../shared/schemas/orders-api';
import type { OrderDetail, OrderFilter, OrderSummary } from '../../../../shared/schemas/orders-desk';
import { getApi } from '../../api/use-api';
import { useNav } from '../shell/nav-store';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

interface OrdersState {
  filter: OrderFilter;
  search: string;
  counts: Record<OrderFilter, number> | null;
  orders: OrderSummary[];
  listState: LoadState;
  listError: AppError | null;
  /** The open order (its page), or null for the list. */
  orderId: string | null;
  detail: OrderDetail | null;
  detailState: LoadState;
  detailError: AppError | null;
  /** Which action is on its way ('validate', 'correctContact', 'resend:<emailId>'…). */
  busy: string | null;
  /** A refused action, in the state machine's (or the service's) words. */
  actionError: AppError | null;
  setFilter(filter: OrderFilter): void;
  setSearch(search: string): void;
  loadList(): Promise<void>;
  open(orderId: string): Promise<void>;
  back(): void;
  refresh(): Promise<void>;
  /** Something synced or changed: refresh what is shown, once per burst. */
  changed(): void;
  act(event: StudioOrderEventBody): Promise<boolean>;
  correctContact(email: string, phone: string | null): Promise<boolean>;
  resend(emailId: string): Promise<boolean>;
  /** A new download link for the client, valid `days`; the old one stops working. */
  renewLink(days: number): Promise<boolean>;
  dismissProblem(seq: number): Promise<void>;
  clearActionError(): void;
}

let listRequest = 0;
let searchTimer: ReturnType<typeof setTimeout> | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

export const useOrders = create<OrdersState>((set, get) => {
  async function loadDetail(orderId: string, quiet = false) {
    if (!quiet) set({ detailState: 'loading', detailError: null });
    try {
      const detail = await getApi().call('orders.get', { orderId });
      if (get().orderId === orderId) set({ detail, detailState: 'ready', detailError: null });
    } catch (error) {
      if (get().orderId === orderId && (!quiet || !get().detail)) set({ detailState: 'error', detailError: error as AppError });
    }
  }
  /** Runs an order call that answers with the whole order; a refusal is kept for the page to show. */
  async function run(name: string, work: (orderId: string) => Promise<OrderDetail>): Promise<boolean> {
    const { orderId } = get();
    if (!orderId || get().busy) return false;
    set({ busy: name, actionError: null });
    try {
      const detail = await work(orderId);
      if (get().orderId === orderId) set({ detail });
      void get().loadList();
      return true;
    } catch (error) {
      set({ actionError: error as AppError });
      return false;
    } finally {
      set({ busy: null });
    }
  }

  return {
    filter: 'all',
    search: '',
    counts: null,
    orders: [],
    listState: 'idle',
    listError: null,
    orderId: null,
    detail: null,
    detailState: 'idle',
    detailError: null,
    busy: null,
    actionError: null,
    setFilter(filter) {
      set({ filter });
      void get().loadList();
    },
    setSearch(search) {
      set({ search });
      if (searchTimer) clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        searchTimer = null;
        void get().loadList();
      }, 150);
    },
    async loadList() {
      const request = ++listRequest;
      if (get().listState !== 'ready') set({ listState: 'loading', listError: null });
      const { filter, search } = get();
      try {
        const result = await getApi().call('orders.list', { filter, search: search.trim() });
        // Only the newest answer counts (typing in the search sends one per pause).
        if (request !== listRequest) return;
        set({ counts: result.counts, orders: result.orders, listState: 'ready', listError: null });
      } catch (error) {
        if (request === listRequest) set({ listState: 'error', listError: error as AppError });
      }
    },
    async open(orderId) {
      set({ orderId, detail: null, actionError: null });
      await loadDetail(orderId);
    },
    back() {
      set({ orderId: null, detail: null, detailState: 'idle', detailError: null, actionError: null });
      void get().loadList();
    },
    async refresh() {
      const { orderId } = get();
      await Promise.all([get().loadList(), orderId ? loadDetail(orderId, true) : null]);
    },
    changed() {
      if (refreshTimer) return;
      // Sync pages and outbox answers come in bursts: one refresh for each burst.
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        void get().refresh();
      }, 250);
    },
    act: (event) => run(event.type, (orderId) => getApi().call('orders.act', { orderId, event })),
    correctContact: (email, phone) =>
      run('correctContact', (orderId) => getApi().call('orders.correctContact', { orderId, email, ...(phone !== null ? { phone } : {}) })),
    resend: (emailId) => run(`resend:${emailId}`, (orderId) => getApi().call('orders.resendEmail', { orderId, emailId })),
    renewLink: (days) => run('renewLink', (orderId) => getApi().call('delivery.renewLink', { orderId, days })),
    async dismissProblem(seq) {
      await run(`dismiss:${seq}`, (orderId) => getApi().call('orders.dismissProblem', { orderId, seq }));
    },
    clearActionError: () => set({ actionError: null }),
  };
});

/** Opens an order's page from anywhere (the client page's order dialog, a notice). */
export function openOrder(orderId: string): void {
  void useOrders.getState().open(orderId);
  useNav.getState().go('orders');
}
