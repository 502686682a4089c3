// Photo delivery (seed 004, product §6): per order, what was dropped and the preview the service
// matched from it, the user's answers and chosen sets, the files being made (job.progress) and
// uploaded (delivery.progress), and "Deliver to client". Kept per order, so leaving the panel and
// coming back (the Delivery section, the order page) shows the same state. Upload progress is
// refreshed on gallery.changed and sync.status, and about once a second while files go out.
import { create } from 'zustand';
import type { AppError } from '../../../../shared/errors';
import type { JobProgress } from '../../../../shared/schemas/jobs';
import type { OrderDetail } from '../../../../shared/schemas/orders-desk';
import { getApi } from '../../api/use-api';
import { useOrders } from '../orders/orders-store';
import { useDeliveryOrders } from './delivery-orders-store';
import {
  chosenSets,
  type DeliveryPreview,
  type DeliveryProgress,
  noChoices,
  type PlanChoices,
  planDelivery,
  type SetChoice,
} from './delivery-plan';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface OrderDelivery {
  order: OrderDetail | null;
  orderState: LoadState;
  orderError: AppError | null;
  /** What was dropped or typed, as given to delivery.preview. */
  paths: string[];
  previewState: LoadState;
  preview: DeliveryPreview | null;
  previewError: AppError | null;
  choices: PlanChoices;
  sets: SetChoice;
  /** "Send" was pressed in this session: the job making the files, and its latest progress. */
  send: { jobId: string | null; job: JobProgress | null; cancelRequested: boolean; cancelled: boolean } | null;
  sendError: AppError | null;
  progress: DeliveryProgress | null;
  delivering: boolean;
  deliverError: AppError | null;
  /** "Deliver to client" was confirmed in this session. */
  delivered: boolean;
}

const empty: OrderDelivery = {
  order: null,
  orderState: 'idle',
  orderError: null,
  paths: [],
  previewState: 'idle',
  preview: null,
  previewError: null,
  choices: noChoices,
  sets: { full: true, web: true },
  send: null,
  sendError: null,
  progress: null,
  delivering: false,
  deliverError: null,
  delivered: false,
};

interface DeliveryState {
  byOrder: Record<string, OrderDelivery>;
  /** Loads the order and how far its delivery files are; starts listening to events once. */
  open(orderId: string): Promise<void>;
  /** A panel shows the order: open it and keep its upload progress fresh until the returned stop. */
  watch(orderId: string): () => void;
  refresh(orderId: string): Promise<void>;
  preview(orderId: string, paths: string[]): Promise<void>;
  /** Back to the drop zone (the preview and a finished send are dropped; prepared files stay). */
  startOver(orderId: string): void;
  /** After a failed send: the preview again, to change something and send once more. */
  backToPreview(orderId: string): void;
  chooseAmbiguous(orderId: string, path: string, photoId: string | null | undefined): void;
  useHint(orderId: string, path: string, photoId: string | null): void;
  setSet(orderId: string, set: keyof SetChoice, on: boolean): void;
  sendFiles(orderId: string): Promise<void>;
  cancel(orderId: string): Promise<void>;
  deliver(orderId: string): Promise<boolean>;
  dismiss(orderId: string, what: 'previewError' | 'sendError' | 'deliverError'): void;
  /** The user has read why the hosted service refused an action on the order. */
  dismissRefusal(orderId: string, seq: number): Promise<void>;
}

const jobs = new Map<string, JobProgress>();
let listening = false;
const refreshTimers = new Map<string, ReturnType<typeof setTimeout>>();
/** Orders with a panel on screen (a count: the same order can be shown twice for a moment). */
const watched = new Map<string, number>();

export const useDelivery = create<DeliveryState>((set, get) => {
  const of = (orderId: string) => get().byOrder[orderId] ?? empty;
  const patch = (orderId: string, change: Partial<OrderDelivery> | ((d: OrderDelivery) => Partial<OrderDelivery>)) =>
    set((s) => {
      const current = s.byOrder[orderId] ?? empty;
      const next = typeof change === 'function' ? change(current) : change;
      return { byOrder: { ...s.byOrder, [orderId]: { ...current, ...next } } };
    });

  /** One refresh per order for a burst of events. */
  function soon(orderId: string) {
    if (refreshTimers.has(orderId)) return;
    refreshTimers.set(
      orderId,
      setTimeout(() => {
        refreshTimers.delete(orderId);
        void get().refresh(orderId);
      }, 250),
    );
  }

  const uploading = (d: OrderDelivery) =>
    !d.send?.cancelled && (d.send === null || d.send.job?.state === 'done') && (d.progress?.pendingChanges ?? 0) > 0;

  function listen() {
    if (listening) return;
    listening = true;
    const api = getApi();
    api.on('job.progress', (progress) => {
      if (progress.kind !== 'delivery.files') return;
      jobs.set(progress.jobId, progress);
      for (const [orderId, d] of Object.entries(get().byOrder)) {
        if (d.send?.jobId !== progress.jobId) continue;
        patch(orderId, { send: { ...d.send, job: progress } });
        if (progress.state === 'done') void afterMade(orderId);
      }
    });
    let last = '';
    api.on('sync.status', (status) => {
      const key = `${status.lastSuccessAt}|${status.pendingCount}|${status.rejectedCount}|${status.online}`;
      if (key === last) return;
      last = key;
      for (const orderId of watched.keys()) soon(orderId);
    });
    api.on('gallery.changed', (change) => {
      if (change.kind !== 'orders' && change.kind !== 'upload' && change.kind !== 'other') return;
      for (const orderId of watched.keys()) {
        const order = of(orderId).order;
        if (!order || order.galleryId === change.galleryId) soon(orderId);
      }
    });
    // Upload chunks of a delivery do not all come with an event: look while files are going out.
    setInterval(() => {
      for (const orderId of watched.keys()) if (uploading(of(orderId))) void loadProgress(orderId);
    }, 1000);
  }

  async function loadProgress(orderId: string) {
    try {
      const progress = await getApi().call('delivery.progress', { orderId });
      patch(orderId, { progress });
    } catch {
      // The order page says what is wrong with the order; the last progress stays shown.
    }
  }

  async function loadOrder(orderId: string, quiet: boolean) {
    if (!quiet) patch(orderId, { orderState: 'loading', orderError: null });
    try {
      const order = await getApi().call('orders.get', { orderId });
      patch(orderId, { order, orderState: 'ready', orderError: null });
    } catch (error) {
      if (!quiet || !of(orderId).order) patch(orderId, { orderState: 'error', orderError: error as AppError });
    }
  }

  /** The files are made and queued: show the upload, and the order (it may have been delivered automatically). */
  async function afterMade(orderId: string) {
    await Promise.all([loadProgress(orderId), loadOrder(orderId, true)]);
    const d = of(orderId);
    // Cancel was pressed while the files were being made: stop them now they are queued.
    if (d.send?.cancelRequested && !d.send.cancelled) await get().cancel(orderId);
    useOrders.getState().changed();
    useDeliveryOrders.getState().changed();
  }

  return {
    byOrder: {},

    async open(orderId) {
      listen();
      if (!get().byOrder[orderId]) patch(orderId, {});
      await Promise.all([loadOrder(orderId, of(orderId).order !== null), loadProgress(orderId)]);
    },

    watch(orderId) {
      watched.set(orderId, (watched.get(orderId) ?? 0) + 1);
      void get().open(orderId);
      return () => {
        const n = (watched.get(orderId) ?? 1) - 1;
        if (n > 0) watched.set(orderId, n);
        else watched.delete(orderId);
      };
    },

    async refresh(orderId) {
      await Promise.all([loadOrder(orderId, true), loadProgress(orderId)]);
    },

    async preview(orderId, paths) {
      if (paths.length === 0) return;
      patch(orderId, { paths, previewState: 'loading', previewError: null });
      try {
        const preview = await getApi().call('delivery.preview', { orderId, paths });
        // Only the newest drop counts.
        if (of(orderId).paths !== paths) return;
        patch(orderId, { preview, previewState: 'ready', choices: noChoices });
      } catch (error) {
        if (of(orderId).paths === paths) patch(orderId, { previewState: 'error', previewError: error as AppError });
      }
    },

    startOver(orderId) {
      patch(orderId, {
        paths: [],
        preview: null,
        previewState: 'idle',
        previewError: null,
        choices: noChoices,
        send: null,
        sendError: null,
      });
    },

    backToPreview(orderId) {
      patch(orderId, { send: null, sendError: null });
    },

    chooseAmbiguous(orderId, path, photoId) {
      patch(orderId, (d) => {
        const ambiguous = { ...d.choices.ambiguous };
        if (photoId === undefined) delete ambiguous[path];
        else ambiguous[path] = photoId;
        return { choices: { ...d.choices, ambiguous } };
      });
    },

    useHint(orderId, path, photoId) {
      patch(orderId, (d) => {
        const hinted = { ...d.choices.hinted };
        if (photoId === null) delete hinted[path];
        else hinted[path] = photoId;
        return { choices: { ...d.choices, hinted } };
      });
    },

    setSet(orderId, which, on) {
      patch(orderId, (d) => ({ sets: { ...d.sets, [which]: on } }));
    },

    async sendFiles(orderId) {
      const d = of(orderId);
      if (!d.preview || (d.send && !d.send.cancelled && d.send.job?.state !== 'done' && d.send.job?.state !== 'failed')) return;
      const plan = planDelivery(d.preview, d.choices);
      patch(orderId, {
        send: { jobId: null, job: null, cancelRequested: false, cancelled: false },
        sendError: null,
        delivered: false,
        deliverError: null,
      });
      try {
        const { jobId } = await getApi().call('delivery.prepare', { orderId, pairs: plan.pairs, sets: chosenSets(d.sets) });
        // The first report can come before the answer.
        const job = jobs.get(jobId) ?? null;
        patch(orderId, (now) => ({ send: { ...(now.send ?? { cancelRequested: false, cancelled: false }), jobId, job } }));
        if (job?.state === 'done') void afterMade(orderId);
      } catch (error) {
        patch(orderId, { send: null, sendError: error as AppError });
      }
    },

    async cancel(orderId) {
      const d = of(orderId);
      if (d.send && d.send.job?.state !== 'done') {
        // The files are still being made: they are stopped as soon as they are queued.
        patch(orderId, { send: { ...d.send, cancelRequested: true } });
        return;
      }
      try {
        const progress = await getApi().call('delivery.cancel', { orderId });
        patch(orderId, (now) => ({ progress, send: { jobId: null, job: null, ...now.send, cancelRequested: true, cancelled: true } }));
        useOrders.getState().changed();
      } catch (error) {
        patch(orderId, { sendError: error as AppError });
      }
    },

    async deliver(orderId) {
      if (of(orderId).delivering) return false;
      patch(orderId, { delivering: true, deliverError: null });
      try {
        const order = await getApi().call('delivery.deliver', { orderId });
        patch(orderId, { order, delivered: true });
        useOrders.getState().changed();
        useDeliveryOrders.getState().changed();
        return true;
      } catch (error) {
        patch(orderId, { deliverError: error as AppError });
        return false;
      } finally {
        patch(orderId, { delivering: false });
      }
    },

    dismiss(orderId, what) {
      patch(orderId, { [what]: null });
    },

    async dismissRefusal(orderId, seq) {
      try {
        patch(orderId, { order: await getApi().call('orders.dismissProblem', { orderId, seq }) });
        useOrders.getState().changed();
      } catch (error) {
        patch(orderId, { deliverError: error as AppError });
      }
    },
  };
});

/** For the section's list: the panel's state of one order (a stable empty one before it is opened). */
export const deliveryOf = (orderId: string) => (s: DeliveryState) => s.byOrder[orderId] ?? empty;
