// The hosted API of the order desk (issue 6): studio actions on an order, the order as the
// studio sees it (its flow, history and e-mail log), per-studio payment settings, and the card
// payment of a client. The server applies every event with shared/orders' state machine; the
// studio app sends them through its outbox, so they work offline and are confirmed on sync.
import { z } from 'zod';
import { orderFlowSchema, orderTransitionSchema, studioActions } from '../orders/order-machine';
import { deliveryStateSchema } from './delivery-api';
import { orderSchema } from './hosted-api';
import { languages } from './prefs';

const id = z.string().min(1).max(100);

export const ordersRoutes = {
  // Studio (device token, Idempotency-Key on every POST/PUT/PATCH).
  orderEvent: 'POST /v1/orders/:orderId/events',
  orderContact: 'PATCH /v1/orders/:orderId/contact',
  studioOrder: 'GET /v1/orders/:orderId',
  resendEmail: 'POST /v1/orders/:orderId/emails/:emailId/resend',
  studioSettings: 'GET|PUT /v1/studio/settings',
  // Client (gallery session).
  payOrder: 'POST /v1/client/orders/:orderId/payment',
  // The test card provider's own checkout page (server/payments/test-provider.ts).
  testCheckout: 'GET /pay/test/:paymentId, POST /pay/test/:paymentId',
} as const;

/**
 * POST /v1/orders/:orderId/events: a studio action. The server fills in the actor (the device)
 * and the time, so the body is the event without them. A refusal is 409
 * `{ error: { code: 'conflict', message: <the machine's sentence>, refusal: <its code> } }`,
 * which the studio's outbox records as rejected and shows as it is.
 */
/** The studio's actions on an order: the state machine's studio buttons ('deliver' needs the order's delivery set first). */
export const studioOrderEventTypes = studioActions;
/** The rest of the event's fields are checked by the state machine itself (with its sentences); actor and at are the server's. */
export const studioOrderEventBody = z.looseObject({ type: z.enum(studioOrderEventTypes) });
export type StudioOrderEventBody = z.infer<typeof studioOrderEventBody>;

/** PATCH /v1/orders/:orderId/contact: correct the client's e-mail (seed 000) or phone; any time. */
export const orderContactBody = z
  .object({ email: z.email('Enter a valid e-mail address'), phone: z.string().trim().max(40).nullable().optional() })
  .strict();

export const emailKinds = [
  'studio_new_order',
  'client_order_confirmation',
  'client_awaiting_payment',
  'client_paid',
  'client_cancelled',
  'client_download_links',
] as const;
export type EmailKind = (typeof emailKinds)[number];
export const emailStatuses = ['queued', 'sent', 'failed'] as const;

/** One e-mail of an order, so "the client says they got nothing" can be answered. */
export const orderEmailSchema = z.object({
  id,
  kind: z.enum(emailKinds),
  to: z.string(),
  subject: z.string(),
  language: z.enum(languages),
  status: z.enum(emailStatuses),
  /** The SMTP server's answer or the error, as it said it. */
  detail: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OrderEmail = z.infer<typeof orderEmailSchema>;

/**
 * The order as the studio sees it (GET /v1/orders/:orderId, the answer of every studio action,
 * and the payload `{ order }` of the feed's order.placed / order.updated changes): the client's
 * order (hosted-api orderSchema fields) plus its flow, its history and its e-mails.
 */
export const studioOrderExtras = z.object({
  flow: orderFlowSchema,
  history: z.array(orderTransitionSchema),
  emails: z.array(orderEmailSchema),
});
/** The whole studio view: orderSchema's fields (without the client-only payment fields) plus studioOrderExtras. */
export const studioOrderSchema = orderSchema.omit({ paymentInstructions: true, canPayByCard: true }).extend({
  ...studioOrderExtras.shape,
  /** The delivery set, the client's download link and their downloads (delivery-api); absent from servers before delivery. */
  delivery: deliveryStateSchema.optional(),
});
export type StudioOrder = z.infer<typeof studioOrderSchema>;

export const studioSettingsSchema = z.object({
  /** Bank transfer details shown to the client on the order page and in the payment e-mail. */
  paymentInstructions: z.string().trim().max(4000),
  /** Where new orders are announced (seed 001); the studio account's e-mail when empty. */
  notificationEmail: z.email().nullable(),
  /** Whether clients may pay by card through the configured provider. */
  cardPayments: z.boolean(),
});
export type StudioSettings = z.infer<typeof studioSettingsSchema>;

/** POST /v1/client/orders/:orderId/payment: where to send the client to pay by card. */
export const paymentStartResponse = z.object({ paymentId: z.string(), redirectUrl: z.string() });
