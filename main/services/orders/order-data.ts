// Reads an order as the server last sent it (client_orders.data), defensively: a newer server
// may add fields, and orders synced before the order flow existed carry no `flow` yet.
import { type OrderFlowState, type OrderTransition, orderFlowSchema, orderTransitionSchema } from '../../../shared/orders';
import { isOrderFlowState } from '../../../shared/orders/order-states';
import { type OrderEmail, orderEmailSchema } from '../../../shared/schemas/orders-api';

export interface OrderData {
  id: string;
  number: string;
  galleryId: string;
  placedAt: string;
  photoIds: string[];
  deliveryLabel: string;
  contact: { name: string; email: string; phone: string | null };
  note: string;
  totalMinor: number;
  vatMinor: number;
  currency: string;
  flow: OrderFlowState;
  history: OrderTransition[];
  emails: OrderEmail[];
  delivery: { fileCount: number; link: string | null; linkExpiresAt: string | null; downloads: { at: string; what: string }[] } | null;
}

const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);
const int = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : 0);
const list = <T>(v: unknown, parse: (x: unknown) => T | null): T[] =>
  Array.isArray(v) ? v.map(parse).filter((x): x is T => x !== null) : [];

export function readOrder(data: Record<string, unknown>, galleryId: string): OrderData {
  const photoIds = list(data.photoIds, (x) => (typeof x === 'string' ? x : null));
  const method = (data.deliveryMethod ?? {}) as Record<string, unknown>;
  const contact = (data.contact ?? {}) as Record<string, unknown>;
  const totalMinor = int(data.totalMinor);
  const currency = str(data.currency, 'EUR');
  const parsedFlow = orderFlowSchema.safeParse(data.flow);
  const state = isOrderFlowState(data.state) ? data.state : 'placed';
  const flow: OrderFlowState = parsedFlow.success
    ? parsedFlow.data
    : {
        state: state === 'placed' || state === 'awaiting_validation' || state === 'awaiting_payment' ? state : 'awaiting_payment',
        manualValidation: state === 'awaiting_validation',
        retouchBeforeDelivery: false,
        photoIds,
        totalMinor,
        currency,
        paid: null,
        forcedDelivery: null,
        cancellation: null,
        refunds: [],
      };
  return {
    id: str(data.id),
    number: str(data.number, str(data.id).slice(0, 8)),
    galleryId: str(data.galleryId, galleryId),
    placedAt: str(data.placedAt),
    photoIds,
    deliveryLabel: str(method.label, str(method.kind)),
    contact: { name: str(contact.name), email: str(contact.email), phone: typeof contact.phone === 'string' ? contact.phone : null },
    note: str(data.note),
    totalMinor,
    vatMinor: int(data.vatMinor),
    currency,
    flow,
    history: list(data.history, (x) => {
      const r = orderTransitionSchema.safeParse(x);
      return r.success ? r.data : null;
    }),
    delivery: readDelivery(data.delivery),
    emails: list(data.emails, (x) => {
      const r = orderEmailSchema.safeParse(x);
      return r.success ? r.data : null;
    }),
  };
}

function readDelivery(value: unknown): OrderData['delivery'] {
  if (!value || typeof value !== 'object') return null;
  const d = value as Record<string, unknown>;
  return {
    fileCount: Array.isArray(d.files) ? d.files.length : 0,
    link: typeof d.link === 'string' ? d.link : null,
    linkExpiresAt: typeof d.linkExpiresAt === 'string' ? d.linkExpiresAt : null,
    downloads: list(d.downloads, (x) => {
      const r = x as { at?: unknown; what?: unknown } | null;
      return r && typeof r.at === 'string' && typeof r.what === 'string' ? { at: r.at, what: r.what } : null;
    }),
  };
}
