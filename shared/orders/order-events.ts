// What can happen to an order, as one zod discriminated union on `type`. Every event says who
// did it (actor: kind, device, name) and when (`at`, ISO-8601 UTC), so the transition it
// produces can be stored as a history row. Money is integer minor units + ISO currency.
import { z } from 'zod';

const id = z.string().min(1).max(100);
const currency = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as PLN or EUR');
const utc = z.iso.datetime({ message: 'an ISO-8601 UTC time such as 2026-03-04T10:00:00.000Z' });
const reason = z.string().trim().min(1, 'Say why, in a few words').max(2000);
const photoIds = z
  .array(id)
  .min(1, 'An order needs at least one photo')
  .max(20_000)
  .refine((ids) => new Set(ids).size === ids.length, 'A photo is listed twice');

export const actorKinds = ['studio', 'client', 'system', 'provider'] as const;
export type ActorKind = (typeof actorKinds)[number];

export const orderActorSchema = z.object({
  /** studio: a person at a studio laptop; client: the gallery's client; system: our own automation; provider: the card payment provider. */
  kind: z.enum(actorKinds),
  /** The device the event came from (a studio laptop's device id), when there is one. */
  deviceId: id.optional(),
  /** Who, as a person would say it ("Anna", "Payment provider"). */
  name: z.string().trim().min(1).max(200).optional(),
});
export type OrderActor = z.infer<typeof orderActorSchema>;

const base = { actor: orderActorSchema, at: utc };

export const orderEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('place'),
    ...base,
    photoIds,
    /** The order's total, priced by the caller. Zero means a free order: it skips payment (see order-machine.ts). */
    totalMinor: z.number().int().nonnegative(),
    currency,
    /** Copied from the gallery's settings at placement; later changes to the gallery do not touch this order. */
    manualValidation: z.boolean(),
    retouchBeforeDelivery: z.boolean(),
  }),
  z.object({ type: z.literal('validate'), ...base }),
  z.object({
    type: z.literal('mark_paid'),
    ...base,
    /** offline: bank transfer, cash…; card: a card terminal at the studio. Card payments through the provider are card_payment_succeeded. */
    method: z.enum(['offline', 'card']),
    reference: z.string().trim().min(1).max(200).optional(),
  }),
  z.object({
    type: z.literal('card_payment_succeeded'),
    ...base,
    /** The provider's payment id. */
    reference: z.string().trim().min(1).max(200).optional(),
  }),
  z.object({ type: z.literal('force_delivery'), ...base, reason }),
  z.object({
    type: z.literal('retouch_completed'),
    ...base,
    /** manual: the studio marked retouching done; all_tasks_approved: the retouch queue approved the last photo. */
    by: z.enum(['manual', 'all_tasks_approved']),
  }),
  z.object({
    type: z.literal('deliver'),
    ...base,
    /** How many files were made downloadable. */
    fileCount: z.number().int().positive(),
  }),
  z.object({ type: z.literal('complete'), ...base }),
  z.object({ type: z.literal('cancel'), ...base, reason }),
  z.object({
    type: z.literal('record_refund'),
    ...base,
    amountMinor: z.number().int().positive('A refund is more than zero'),
    currency,
    reason,
    /** When the money went back (outside Proofdesk); `at` is when it was recorded. Defaults to `at`. */
    refundedAt: utc.optional(),
  }),
  z.object({
    type: z.literal('change_items'),
    ...base,
    photoIds,
    /** The new total for these photos, priced by the caller. */
    totalMinor: z.number().int().nonnegative(),
  }),
]);
export type OrderEvent = z.infer<typeof orderEventSchema>;
export type OrderEventType = OrderEvent['type'];
export type OrderEventOf<T extends OrderEventType> = Extract<OrderEvent, { type: T }>;

export const orderEventTypes = [
  'place',
  'validate',
  'mark_paid',
  'card_payment_succeeded',
  'force_delivery',
  'retouch_completed',
  'deliver',
  'complete',
  'cancel',
  'record_refund',
  'change_items',
] as const satisfies readonly OrderEventType[];

/**
 * Who may send each event. The machine refuses an event from anyone else (code
 * `actor_not_allowed`) before it looks at the order's state.
 */
export const eventActors: Record<OrderEventType, readonly ActorKind[]> = {
  place: ['client', 'studio', 'system'],
  validate: ['studio'],
  mark_paid: ['studio'],
  card_payment_succeeded: ['provider', 'system'],
  force_delivery: ['studio'],
  retouch_completed: ['studio', 'system'],
  deliver: ['studio', 'system'],
  complete: ['studio', 'system'],
  cancel: ['studio', 'client', 'system'],
  record_refund: ['studio', 'provider'],
  change_items: ['client', 'studio'],
};

/** English names of the events, for history rows and buttons; the UI translates `orders.event.<type>`. */
export const orderEventLabels: Record<OrderEventType, string> = {
  place: 'Place order',
  validate: 'Validate',
  mark_paid: 'Mark as paid',
  card_payment_succeeded: 'Card payment',
  force_delivery: 'Force delivery',
  retouch_completed: 'Retouching done',
  deliver: 'Deliver to client',
  complete: 'Mark as completed',
  cancel: 'Cancel order',
  record_refund: 'Record refund',
  change_items: 'Change photos',
};

export function orderEventLabelKey(type: OrderEventType): string {
  return `orders.event.${type}`;
}
