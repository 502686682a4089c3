// The studio's order desk as the renderer sees it (issue 6 point 4): the list with filters and
// counts, one order with its photos, totals, history, e-mails and the actions possible now.
// Actions go out through the outbox; until the server confirms them the order shows the state
// they lead to, marked as waiting for sync, and a refused one shows the server's sentence.
import { z } from 'zod';
import { orderFlowStates } from '../orders/order-states';
import { orderEmailSchema, studioOrderEventBody } from './orders-api';

const id = z.string().min(1).max(100);

export const orderFilters = ['all', 'needs_validation', 'awaiting_payment', 'waiting_to_retouch', 'ready_to_deliver', 'delivered'] as const;
export type OrderFilter = (typeof orderFilters)[number];

export const orderSummarySchema = z.object({
  id,
  number: z.string(),
  galleryId: id,
  galleryTitle: z.string(),
  clientId: z.string().nullable(),
  clientName: z.string(),
  state: z.enum(orderFlowStates),
  placedAt: z.string(),
  photoCount: z.number().int().nonnegative(),
  deliveryLabel: z.string(),
  totalMinor: z.number().int().nonnegative(),
  currency: z.string(),
  /** Studio actions on this order still waiting to be sent. */
  pendingCount: z.number().int().nonnegative(),
  /** The server refused an action on this order (its sentence), until the user dismisses it. */
  problem: z.string().nullable(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const ordersListInput = z
  .object({ filter: z.enum(orderFilters).default('all'), search: z.string().trim().max(200).default('') })
  .strict();
export const ordersListOutput = z.object({
  counts: z.record(z.enum(orderFilters), z.number().int().nonnegative()),
  orders: z.array(orderSummarySchema),
});

const thumb = z.object({ relPath: z.string(), width: z.number().int(), height: z.number().int() }).nullable();

export const orderActionView = z.object({
  action: z.string(),
  allowed: z.boolean(),
  /** Why not, as the state machine says it. */
  reason: z.string().nullable(),
  maxAmountMinor: z.number().int().nonnegative().nullable(),
});

export const orderHistoryEntry = z.object({
  at: z.string(),
  from: z.string(),
  to: z.string(),
  eventType: z.string(),
  who: z.string(),
  note: z.string(),
});

export const orderDetailSchema = orderSummarySchema.extend({
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
  note: z.string(),
  vatMinor: z.number().int().nonnegative(),
  photos: z.array(z.object({ photoId: id, name: z.string(), thumb })),
  paid: z.object({ method: z.string(), amountMinor: z.number().int(), at: z.string(), reference: z.string().nullable() }).nullable(),
  forcedDelivery: z.object({ at: z.string(), reason: z.string() }).nullable(),
  refunds: z.array(z.object({ amountMinor: z.number().int(), reason: z.string(), refundedAt: z.string() })),
  refundedMinor: z.number().int().nonnegative(),
  history: z.array(orderHistoryEntry),
  emails: z.array(orderEmailSchema),
  actions: z.array(orderActionView),
  pending: z.array(z.object({ label: z.string(), queuedAt: z.string() })),
  /** What the server says of the delivery: the client's download page, until when, and their downloads. */
  delivery: z
    .object({
      fileCount: z.number().int().nonnegative(),
      link: z.string().nullable(),
      linkExpiresAt: z.string().nullable(),
      downloads: z.array(z.object({ at: z.string(), what: z.string() })),
    })
    .nullable(),
  rejected: z.array(z.object({ seq: z.number().int(), label: z.string(), message: z.string() })),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

export const orderIdInput = z.object({ orderId: id }).strict();
export const orderActInput = z.object({ orderId: id, event: studioOrderEventBody }).strict();
export const orderContactInput = z
  .object({ orderId: id, email: z.email('Enter a valid e-mail address'), phone: z.string().trim().max(40).nullable().optional() })
  .strict();
export const orderResendInput = z.object({ orderId: id, emailId: id }).strict();
export const orderDismissInput = z.object({ orderId: id, seq: z.number().int().positive() }).strict();
