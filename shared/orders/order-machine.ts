// The order state machine, one pure and deterministic reducer for the server and the app:
// applyOrderEvent(order, event) answers with the next order and the one transition to store as a
// history row (who, when, from which device), or with a refusal a person understands. History
// is kept by the caller, not in the order. No clocks, no randomness: time comes in the event.
//
//   placed ─place─▶ awaiting_validation ─validate─▶ awaiting_payment   (the gallery validates manually)
//   placed ─place─▶ awaiting_payment                                   (otherwise)
//   awaiting_payment ─mark_paid | card_payment_succeeded─▶ (paid) ─▶ waiting_to_retouch  (retouch before delivery)
//                                                                 ─▶ ready_to_deliver    (otherwise)
//   waiting_to_retouch ─retouch_completed─▶ ready_to_deliver ─deliver─▶ delivered ─complete─▶ completed
//   awaiting_validation | awaiting_payment ─force_delivery─▶ waiting_to_retouch | ready_to_deliver (unpaid)
//   placed | awaiting_validation | awaiting_payment ─cancel─▶ cancelled
//   record_refund, change_items and a payment after a forced delivery leave the state as it is.
//
// Decisions (where the product left it open):
// - `paid` is passed through, not rested in: a payment moves the order on to waiting_to_retouch or
//   ready_to_deliver at once (the transition lists 'paid' in `via`; the order keeps how and when
//   in `paid`). An order stored as `paid` by another writer is treated as just paid.
// - A zero total is a free order: it skips payment (paid.method 'free', amount 0), after manual
//   validation when the gallery asks for it.
// - Force delivery (from awaiting_validation or awaiting_payment) moves the order on unpaid, with
//   forcedDelivery {at, reason}. The client may still pay later: mark_paid and
//   card_payment_succeeded are then recorded without moving the order.
// - Cancel only before payment and before a forced delivery; cancelled is terminal.
// - Refunds are record-only (the money goes back outside Proofdesk): only on a paid order, in its
//   currency, never above what was paid; the state does not change.
// - Items (photos and total) change only before payment and before a forced delivery; the state
//   does not change (an order whose new total is zero is settled with Mark as paid).
// - Resending download links is not a transition: a delivered order stays delivered.
// - Events are checked in this order: shape (zod), actor (eventActors), state, payload.
import { z } from 'zod';
import { describeZodError } from '../zod-message';
import {
  type ActorKind,
  eventActors,
  type OrderActor,
  type OrderEvent,
  type OrderEventOf,
  type OrderEventType,
  orderActorSchema,
  orderEventLabelKey,
  orderEventLabels,
  orderEventSchema,
  orderEventTypes,
} from './order-events';
import { type OrderRefusal, type RefusalKey, type RefusalParams, refusal } from './order-refusals';
import { type OrderFlowStateName, orderFlowStateSchema, orderStateLabels } from './order-states';

const id = z.string().min(1).max(100);
const money = z.number().int().nonnegative();
const currency = z.string().regex(/^[A-Z]{3}$/);
const utc = z.iso.datetime();

export const paymentMethods = ['offline', 'card', 'free'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

const orderFlowShape = z.object({
  state: orderFlowStateSchema,
  /** Copied from the gallery at placement. */
  manualValidation: z.boolean(),
  retouchBeforeDelivery: z.boolean(),
  photoIds: z.array(id),
  totalMinor: money,
  currency,
  /** How and when the order was paid; null while unpaid. amountMinor is the total at payment. */
  paid: z.object({ method: z.enum(paymentMethods), amountMinor: money, at: utc, reference: z.string().nullable() }).nullable(),
  /** Set when the studio forced delivery without payment. */
  forcedDelivery: z.object({ at: utc, reason: z.string() }).nullable(),
  cancellation: z.object({ at: utc, reason: z.string() }).nullable(),
  /** Refunds made outside Proofdesk and recorded here; their total never exceeds paid.amountMinor. */
  refunds: z.array(z.object({ amountMinor: money, currency, reason: z.string(), refundedAt: utc, recordedAt: utc })),
});

/** The stored shape of an order's flow, checked for consistency (orderFlowProblems) on parse. */
export const orderFlowSchema = orderFlowShape.superRefine((order, ctx) => {
  for (const message of orderFlowProblems(order)) ctx.addIssue({ code: 'custom', message });
});
export type OrderFlowState = z.infer<typeof orderFlowShape>;
export type OrderRefund = OrderFlowState['refunds'][number];

export const orderTransitionSchema = z.object({
  from: orderFlowStateSchema,
  to: orderFlowStateSchema,
  /** States passed through on the way without resting in them (a payment passes through 'paid'). */
  via: z.array(orderFlowStateSchema),
  eventType: z.enum(orderEventTypes),
  actor: orderActorSchema,
  at: utc,
  /** One English sentence for the history list ("Marked as paid (offline, ref 123): 120.00 PLN."). */
  note: z.string(),
});
export type OrderTransition = z.infer<typeof orderTransitionSchema>;

export type OrderResult = { ok: true; order: OrderFlowState; transition: OrderTransition } | OrderRefusal;

// ---------------------------------------------------------------------------------------
// Helpers

const preStates: readonly OrderFlowStateName[] = ['awaiting_validation', 'awaiting_payment'];

/** Where a paid (or force-delivered) order goes next. */
export function stateAfterPayment(order: Pick<OrderFlowState, 'retouchBeforeDelivery'>): 'waiting_to_retouch' | 'ready_to_deliver' {
  return order.retouchBeforeDelivery ? 'waiting_to_retouch' : 'ready_to_deliver';
}

/** The state the rules look at: a stored `paid` counts as the state a payment leads to. */
function stageOf(order: OrderFlowState): OrderFlowStateName {
  return order.state === 'paid' ? stateAfterPayment(order) : order.state;
}

export function refundedMinor(order: Pick<OrderFlowState, 'refunds'>): number {
  return order.refunds.reduce((sum, r) => sum + r.amountMinor, 0);
}

/** What may still be refunded: what was paid less what was refunded; 0 while unpaid. */
export function refundableMinor(order: OrderFlowState): number {
  return order.paid ? Math.max(0, order.paid.amountMinor - refundedMinor(order)) : 0;
}

function fractionDigits(code: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "120.00 PLN", "1500 JPY": the currency's own number of decimals, no locale grouping. */
export function formatMoney(minor: number, code: string): string {
  const digits = fractionDigits(code);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs} ${code}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, '0')} ${code}`;
}

const dateOf = (iso: string) => iso.slice(0, 10);
const stateName = (state: OrderFlowStateName) => orderStateLabels[state].toLowerCase();
const photos = (n: number) => (n === 1 ? '1 photo' : `${n} photos`);

const actorWho: Record<ActorKind, string> = {
  studio: 'the studio',
  client: 'the client',
  system: 'Proofdesk itself',
  provider: 'the payment provider',
};
const eventAction: Record<OrderEventType, string> = {
  place: 'place an order',
  validate: 'validate an order',
  mark_paid: 'mark an order as paid',
  card_payment_succeeded: 'report a card payment',
  force_delivery: 'force delivery',
  retouch_completed: 'mark retouching as done',
  deliver: 'deliver an order',
  complete: 'mark an order as completed',
  cancel: 'cancel an order',
  record_refund: 'record a refund',
  change_items: 'change an order’s photos',
};

function joinOr(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

// ---------------------------------------------------------------------------------------
// The rules

type Gate = { key: RefusalKey; params?: RefusalParams } | null;

/** Whether an event of this type may happen to the order now, judged by its state alone. */
function gate(order: OrderFlowState, type: OrderEventType): Gate {
  const stage = stageOf(order);
  const paid = order.paid;
  const forced = order.forcedDelivery;
  const post = !preStates.includes(stage) && stage !== 'placed' && stage !== 'cancelled';

  if (stage === 'cancelled') {
    if (type === 'cancel') return { key: 'cancel.already_cancelled' };
    if (type === 'record_refund') return { key: 'refund.cancelled' };
    if (type === 'mark_paid' || type === 'card_payment_succeeded') return { key: 'pay.cancelled' };
    return { key: 'any.cancelled' };
  }
  if (type === 'place') return stage === 'placed' ? null : { key: 'place.already_placed' };
  if (stage === 'placed') return type === 'cancel' || type === 'change_items' ? null : { key: 'any.not_placed_yet' };

  switch (type) {
    case 'validate':
      if (stage === 'awaiting_validation') return null;
      if (stage === 'awaiting_payment') return { key: 'validate.not_needed' };
      return { key: 'validate.too_late', params: { state: stateName(order.state) } };
    case 'mark_paid':
    case 'card_payment_succeeded':
      if (stage === 'awaiting_validation') return { key: type === 'mark_paid' ? 'pay.needs_validation' : 'card_payment.needs_validation' };
      if (paid) return { key: 'pay.already_paid', params: { date: dateOf(paid.at) } };
      return null; // awaiting payment, or a late payment after a forced delivery
    case 'force_delivery':
      if (!post) return null;
      if (paid) return { key: 'force_delivery.already_paid' };
      return { key: 'force_delivery.already_forced', params: { date: dateOf(forced?.at ?? '') } };
    case 'retouch_completed':
      if (!post) return { key: 'retouch.not_paid' };
      return stage === 'waiting_to_retouch' ? null : { key: 'retouch.not_waiting', params: { state: stateName(order.state) } };
    case 'deliver':
      if (!post) return { key: 'deliver.not_paid' };
      if (stage === 'waiting_to_retouch') return { key: 'deliver.retouch_pending' };
      if (stage === 'ready_to_deliver') return paid || forced ? null : { key: 'deliver.not_paid' };
      return { key: 'deliver.already_delivered' };
    case 'complete':
      if (stage === 'delivered') return null;
      if (stage === 'completed') return { key: 'complete.already_completed' };
      return { key: 'complete.not_delivered' };
    case 'cancel':
      if (!post) return null;
      return { key: paid ? 'cancel.paid' : 'cancel.forced' };
    case 'record_refund':
      if (!paid) return { key: 'refund.not_paid' };
      if (paid.amountMinor === 0) return { key: 'refund.free' };
      if (refundableMinor(order) === 0)
        return { key: 'refund.fully_refunded', params: { paid: formatMoney(paid.amountMinor, order.currency) } };
      return null;
    case 'change_items':
      if (!post) return null;
      return { key: paid ? 'change_items.paid' : 'change_items.forced' };
  }
}

type Effect = { order: OrderFlowState; via?: OrderFlowStateName[]; note: string } | OrderRefusal;

function payment(order: OrderFlowState, event: OrderEventOf<'mark_paid'> | OrderEventOf<'card_payment_succeeded'>): Effect {
  const method: PaymentMethod = event.type === 'mark_paid' ? event.method : 'card';
  const paid = { method, amountMinor: order.totalMinor, at: event.at, reference: event.reference ?? null };
  const amount = formatMoney(order.totalMinor, order.currency);
  const ref = event.reference ? `ref ${event.reference}` : '';
  const what =
    event.type === 'card_payment_succeeded'
      ? `Paid by card${ref ? ` (${ref})` : ''}: ${amount}`
      : `Marked as paid (${[method, ref].filter(Boolean).join(', ')}): ${amount}`;
  if (order.forcedDelivery) {
    // A late payment after a forced delivery: recorded, the order stays where it is.
    return { order: { ...order, paid }, note: `${what}, after delivery was forced.` };
  }
  const to = stateAfterPayment(order);
  return { order: { ...order, paid, state: to }, via: ['paid'], note: `${what}; ${stateName(to)}.` };
}

function settleFree(order: OrderFlowState, at: string, lead: string): Effect {
  const to = stateAfterPayment(order);
  return {
    order: { ...order, state: to, paid: { method: 'free', amountMinor: 0, at, reference: null } },
    via: ['paid'],
    note: `${lead}; free order, so no payment is needed; ${stateName(to)}.`,
  };
}

function effect(order: OrderFlowState, event: OrderEvent): Effect {
  switch (event.type) {
    case 'place': {
      const placed: OrderFlowState = {
        ...order,
        photoIds: [...event.photoIds],
        totalMinor: event.totalMinor,
        currency: event.currency,
        manualValidation: event.manualValidation,
        retouchBeforeDelivery: event.retouchBeforeDelivery,
      };
      const lead = `Placed: ${photos(event.photoIds.length)}, ${formatMoney(event.totalMinor, event.currency)}`;
      if (event.manualValidation)
        return { order: { ...placed, state: 'awaiting_validation' }, note: `${lead}; waiting for the studio’s validation.` };
      if (event.totalMinor === 0) return settleFree(placed, event.at, lead);
      return { order: { ...placed, state: 'awaiting_payment' }, note: `${lead}; waiting for payment.` };
    }
    case 'validate':
      if (order.totalMinor === 0) return settleFree(order, event.at, 'Validated');
      return { order: { ...order, state: 'awaiting_payment' }, note: 'Validated; waiting for payment.' };
    case 'mark_paid':
    case 'card_payment_succeeded':
      return payment(order, event);
    case 'force_delivery': {
      const to = stateAfterPayment(order);
      return {
        order: { ...order, state: to, forcedDelivery: { at: event.at, reason: event.reason } },
        note: `Delivery forced without payment (${event.reason}); ${stateName(to)}.`,
      };
    }
    case 'retouch_completed':
      return {
        order: { ...order, state: 'ready_to_deliver' },
        note:
          event.by === 'all_tasks_approved'
            ? 'Retouching done: every photo approved; ready to deliver.'
            : 'Retouching marked as done; ready to deliver.',
      };
    case 'deliver':
      return {
        order: { ...order, state: 'delivered' },
        note: `Delivered: ${event.fileCount === 1 ? '1 file' : `${event.fileCount} files`} made downloadable${order.paid ? '' : ', unpaid (delivery forced)'}.`,
      };
    case 'complete':
      return { order: { ...order, state: 'completed' }, note: 'Completed.' };
    case 'cancel':
      return {
        order: { ...order, state: 'cancelled', cancellation: { at: event.at, reason: event.reason } },
        note: `Cancelled (${event.reason}).`,
      };
    case 'record_refund': {
      const paidMinor = order.paid?.amountMinor ?? 0;
      if (event.currency !== order.currency) return refusal('refund.currency', { currency: order.currency });
      const total = refundedMinor(order) + event.amountMinor;
      if (total > paidMinor) {
        const money = (n: number) => formatMoney(n, order.currency);
        return refusal('refund.exceeds', {
          amount: money(event.amountMinor),
          total: money(total),
          paid: money(paidMinor),
          remaining: money(refundableMinor(order)),
        });
      }
      const refundedAt = event.refundedAt ?? event.at;
      const refund: OrderRefund = {
        amountMinor: event.amountMinor,
        currency: event.currency,
        reason: event.reason,
        refundedAt,
        recordedAt: event.at,
      };
      return {
        order: { ...order, refunds: [...order.refunds, refund] },
        note: `Refund recorded: ${formatMoney(event.amountMinor, order.currency)} on ${dateOf(refundedAt)} (${event.reason}); ${formatMoney(total, order.currency)} of ${formatMoney(paidMinor, order.currency)} refunded.`,
      };
    }
    case 'change_items':
      return {
        order: { ...order, photoIds: [...event.photoIds], totalMinor: event.totalMinor },
        note: `Photos changed: ${photos(order.photoIds.length)} → ${photos(event.photoIds.length)}; total ${formatMoney(order.totalMinor, order.currency)} → ${formatMoney(event.totalMinor, order.currency)}.`,
      };
  }
}

function actorRefusal(type: OrderEventType, actor: OrderActor): OrderRefusal | null {
  const allowed = eventActors[type];
  if (allowed.includes(actor.kind)) return null;
  return refusal('actor.not_allowed', { who: joinOr(allowed.map((k) => actorWho[k])), action: eventAction[type], actor: actor.kind });
}

// ---------------------------------------------------------------------------------------
// The API

/**
 * Applies one event. On success: the next order and exactly one transition (from = the order's
 * state before, to = after; the same state for record-only events such as a refund). On refusal:
 * a code, the sentence and its translation key; the order given is left as it was.
 */
export function applyOrderEvent(order: OrderFlowState, input: z.input<typeof orderEventSchema>): OrderResult {
  const parsed = orderEventSchema.safeParse(input);
  if (!parsed.success) return refusal('event.invalid', { message: describeZodError(parsed.error, 'The order event').message });
  const event = parsed.data;
  const byActor = actorRefusal(event.type, event.actor);
  if (byActor) return byActor;
  const closed = gate(order, event.type);
  if (closed) return refusal(closed.key, closed.params);
  const result = effect(order, event);
  if ('ok' in result) return result;
  return {
    ok: true,
    order: result.order,
    transition: {
      from: order.state,
      to: result.order.state,
      via: result.via ?? [],
      eventType: event.type,
      actor: event.actor,
      at: event.at,
      note: result.note,
    },
  };
}

/** The order as it is recorded, before `place` routes it (state `placed`, nothing paid). */
export function placedOrderFlow(event: OrderEventOf<'place'>): OrderFlowState {
  return {
    state: 'placed',
    manualValidation: event.manualValidation,
    retouchBeforeDelivery: event.retouchBeforeDelivery,
    photoIds: [...event.photoIds],
    totalMinor: event.totalMinor,
    currency: event.currency,
    paid: null,
    forcedDelivery: null,
    cancellation: null,
    refunds: [],
  };
}

/** Creates an order from its `place` event: the first transition goes from `placed` to where the gallery's settings send it. */
export function placeOrder(event: OrderEventOf<'place'>): OrderResult {
  const parsed = orderEventSchema.safeParse(event);
  if (!parsed.success || parsed.data.type !== 'place') {
    return refusal('event.invalid', {
      message: parsed.success
        ? 'The order event was not accepted: it is not a place event.'
        : describeZodError(parsed.error, 'The order event').message,
    });
  }
  return applyOrderEvent(placedOrderFlow(parsed.data), parsed.data);
}

/** The studio's buttons on an order, in the order shown. */
export const studioActions = [
  'validate',
  'mark_paid',
  'force_delivery',
  'retouch_completed',
  'deliver',
  'complete',
  'cancel',
  'record_refund',
] as const satisfies readonly OrderEventType[];
export type StudioAction = (typeof studioActions)[number];

export type AllowedAction =
  | {
      action: StudioAction;
      label: string;
      labelKey: string;
      allowed: true;
      /** For record_refund: the most that may still be refunded. */
      maxAmountMinor?: number;
    }
  | { action: StudioAction; label: string; labelKey: string; allowed: false; refusal: OrderRefusal };

/**
 * Every studio action with whether it is possible now, and if not the refusal (code and sentence)
 * for a disabled button's tooltip. Judged by the order's state as applyOrderEvent judges it; an
 * allowed action can still be refused for what the event carries (a refund above what is left).
 */
export function allowedActions(order: OrderFlowState): AllowedAction[] {
  return studioActions.map((action) => {
    const head = { action, label: orderEventLabels[action], labelKey: orderEventLabelKey(action) };
    const closed = gate(order, action);
    if (closed) return { ...head, allowed: false, refusal: refusal(closed.key, closed.params) };
    return action === 'record_refund' ? { ...head, allowed: true, maxAmountMinor: refundableMinor(order) } : { ...head, allowed: true };
  });
}

/** Resend download links is not a transition: possible whenever the order has been delivered. */
export function canResendDownloadLinks(order: OrderFlowState): boolean {
  return order.state === 'delivered' || order.state === 'completed';
}

/**
 * What is inconsistent in an order's flow (empty when it is sound). The machine never produces
 * such an order; the stored-shape schema and the property test use this.
 */
export function orderFlowProblems(order: OrderFlowState): string[] {
  const problems: string[] = [];
  const stage = order.state;
  const pre = stage === 'placed' || preStates.includes(stage);
  if (pre && (order.paid || order.forcedDelivery)) problems.push(`a ${stage} order is already paid or force-delivered`);
  if (!pre && stage !== 'cancelled' && !order.paid && !order.forcedDelivery)
    problems.push(`a ${stage} order is neither paid nor force-delivered`);
  if (stage === 'cancelled' && (order.paid || order.forcedDelivery)) problems.push('a cancelled order is paid or force-delivered');
  if ((stage === 'cancelled') !== (order.cancellation !== null))
    problems.push(stage === 'cancelled' ? 'a cancelled order has no cancellation' : `a ${stage} order has a cancellation`);
  if (stage === 'paid' && !order.paid) problems.push('a paid order has no payment');
  if (stage === 'waiting_to_retouch' && !order.retouchBeforeDelivery)
    problems.push('an order without retouch before delivery is waiting to retouch');
  if (order.refunds.length > 0 && !order.paid) problems.push('an unpaid order has refunds');
  if (order.refunds.some((r) => r.currency !== order.currency)) problems.push('a refund is not in the order’s currency');
  if (refundedMinor(order) > (order.paid?.amountMinor ?? 0)) problems.push('the refunds exceed what was paid');
  return problems;
}
