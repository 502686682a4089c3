import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  applyOrderEvent,
  canResendDownloadLinks,
  eventActors,
  formatMoney,
  isOrderFlowState,
  type OrderActor,
  type OrderEvent,
  type OrderEventType,
  type OrderFlowState,
  type OrderResult,
  type OrderTransition,
  orderEventSchema,
  orderEventTypes,
  orderFlowProblems,
  orderFlowSchema,
  orderFlowStates,
  orderStateLabelKey,
  orderStateLabels,
  orderTransitionSchema,
  placeOrder,
  refusalCodes,
  refusalTexts,
  studioActions,
} from './index';

// ---------------------------------------------------------------------------------------
// Fixtures: orders written out by hand (not produced by the machine), one per row of the table.

const studio: OrderActor = { kind: 'studio', deviceId: 'laptop-anna', name: 'Anna' };
const assistant: OrderActor = { kind: 'studio', deviceId: 'laptop-marek', name: 'Marek' };
const client: OrderActor = { kind: 'client', name: 'Ewa Kowalska' };
const provider: OrderActor = { kind: 'provider', name: 'Card provider' };
const system: OrderActor = { kind: 'system' };
const AT = '2026-03-04T10:00:00.000Z';
const PAID_AT = '2026-03-02T09:30:00.000Z';
const FORCED_AT = '2026-03-02T11:00:00.000Z';

const base: OrderFlowState = {
  state: 'placed',
  manualValidation: false,
  retouchBeforeDelivery: false,
  photoIds: ['p1', 'p2', 'p3'],
  totalMinor: 12_000,
  currency: 'PLN',
  paid: null,
  forcedDelivery: null,
  cancellation: null,
  refunds: [],
};
const paidOffline = { method: 'offline' as const, amountMinor: 12_000, at: PAID_AT, reference: 'TR-1' };
const forced = { at: FORCED_AT, reason: 'Regular client, pays on invoice' };

const rows: Record<string, OrderFlowState> = {
  placed: base,
  'awaiting_validation · retouch on': { ...base, state: 'awaiting_validation', manualValidation: true, retouchBeforeDelivery: true },
  'awaiting_validation · free': { ...base, state: 'awaiting_validation', manualValidation: true, totalMinor: 0 },
  'awaiting_payment · retouch off': { ...base, state: 'awaiting_payment' },
  'paid (stored) · retouch on': { ...base, state: 'paid', retouchBeforeDelivery: true, paid: paidOffline },
  'paid (stored) · retouch off': { ...base, state: 'paid', paid: paidOffline },
  'waiting_to_retouch · paid': { ...base, state: 'waiting_to_retouch', retouchBeforeDelivery: true, paid: paidOffline },
  'waiting_to_retouch · forced': { ...base, state: 'waiting_to_retouch', retouchBeforeDelivery: true, forcedDelivery: forced },
  'ready_to_deliver · paid': { ...base, state: 'ready_to_deliver', paid: paidOffline },
  'ready_to_deliver · forced': { ...base, state: 'ready_to_deliver', forcedDelivery: forced },
  'ready_to_deliver · free': {
    ...base,
    state: 'ready_to_deliver',
    totalMinor: 0,
    paid: { method: 'free', amountMinor: 0, at: PAID_AT, reference: null },
  },
  'delivered · paid': { ...base, state: 'delivered', paid: paidOffline },
  'delivered · forced': { ...base, state: 'delivered', forcedDelivery: forced },
  'delivered · refunded in full': {
    ...base,
    state: 'delivered',
    paid: paidOffline,
    refunds: [{ amountMinor: 12_000, currency: 'PLN', reason: 'Shoot cancelled by the studio', refundedAt: AT, recordedAt: AT }],
  },
  'completed · paid': { ...base, state: 'completed', paid: paidOffline },
  'completed · forced': { ...base, state: 'completed', forcedDelivery: forced },
  cancelled: { ...base, state: 'cancelled', cancellation: { at: PAID_AT, reason: 'Client changed their mind' } },
};

/** One event of each type, from an actor allowed to send it. */
const sample: { [T in OrderEventType]: Extract<OrderEvent, { type: T }> } = {
  place: {
    type: 'place',
    actor: client,
    at: AT,
    photoIds: ['p1', 'p2', 'p3'],
    totalMinor: 12_000,
    currency: 'PLN',
    manualValidation: false,
    retouchBeforeDelivery: false,
  },
  validate: { type: 'validate', actor: studio, at: AT },
  mark_paid: { type: 'mark_paid', actor: studio, at: AT, method: 'offline', reference: 'TR-2' },
  card_payment_succeeded: { type: 'card_payment_succeeded', actor: provider, at: AT, reference: 'pi_123' },
  force_delivery: { type: 'force_delivery', actor: studio, at: AT, reason: 'Client pays on invoice' },
  retouch_completed: { type: 'retouch_completed', actor: system, at: AT, by: 'all_tasks_approved' },
  deliver: { type: 'deliver', actor: studio, at: AT, fileCount: 3 },
  complete: { type: 'complete', actor: studio, at: AT },
  cancel: { type: 'cancel', actor: studio, at: AT, reason: 'Client asked to cancel' },
  record_refund: { type: 'record_refund', actor: studio, at: AT, amountMinor: 1000, currency: 'PLN', reason: 'One photo was blurred' },
  change_items: { type: 'change_items', actor: client, at: AT, photoIds: ['p1', 'p2'], totalMinor: 8000 },
};

// ---------------------------------------------------------------------------------------
// The expected table: the state reached, or `!code` for a refusal.

type Cell = string;
const expected: Record<string, Record<OrderEventType, Cell>> = {
  placed: {
    place: 'awaiting_payment',
    validate: '!not_placed_yet',
    mark_paid: '!not_placed_yet',
    card_payment_succeeded: '!not_placed_yet',
    force_delivery: '!not_placed_yet',
    retouch_completed: '!not_placed_yet',
    deliver: '!not_placed_yet',
    complete: '!not_placed_yet',
    cancel: 'cancelled',
    record_refund: '!not_placed_yet',
    change_items: 'placed',
  },
  'awaiting_validation · retouch on': {
    place: '!already_placed',
    validate: 'awaiting_payment',
    mark_paid: '!needs_validation',
    card_payment_succeeded: '!needs_validation',
    force_delivery: 'waiting_to_retouch',
    retouch_completed: '!not_paid',
    deliver: '!not_paid',
    complete: '!not_delivered',
    cancel: 'cancelled',
    record_refund: '!not_paid',
    change_items: 'awaiting_validation',
  },
  'awaiting_validation · free': {
    place: '!already_placed',
    validate: 'ready_to_deliver',
    mark_paid: '!needs_validation',
    card_payment_succeeded: '!needs_validation',
    force_delivery: 'ready_to_deliver',
    retouch_completed: '!not_paid',
    deliver: '!not_paid',
    complete: '!not_delivered',
    cancel: 'cancelled',
    record_refund: '!not_paid',
    change_items: 'awaiting_validation',
  },
  'awaiting_payment · retouch off': {
    place: '!already_placed',
    validate: '!illegal_transition',
    mark_paid: 'ready_to_deliver',
    card_payment_succeeded: 'ready_to_deliver',
    force_delivery: 'ready_to_deliver',
    retouch_completed: '!not_paid',
    deliver: '!not_paid',
    complete: '!not_delivered',
    cancel: 'cancelled',
    record_refund: '!not_paid',
    change_items: 'awaiting_payment',
  },
  'paid (stored) · retouch on': {
    place: '!already_placed',
    validate: '!illegal_transition',
    mark_paid: '!already_paid',
    card_payment_succeeded: '!already_paid',
    force_delivery: '!already_paid',
    retouch_completed: 'ready_to_deliver',
    deliver: '!retouch_pending',
    complete: '!not_delivered',
    cancel: '!order_paid_locked',
    record_refund: 'paid',
    change_items: '!order_paid_locked',
  },
  'paid (stored) · retouch off': {
    place: '!already_placed',
    validate: '!illegal_transition',
    mark_paid: '!already_paid',
    card_payment_succeeded: '!already_paid',
    force_delivery: '!already_paid',
    retouch_completed: '!illegal_transition',
    deliver: 'delivered',
    complete: '!not_delivered',
    cancel: '!order_paid_locked',
    record_refund: 'paid',
    change_items: '!order_paid_locked',
  },
  'waiting_to_retouch · paid': {
    place: '!already_placed',
    validate: '!illegal_transition',
    mark_paid: '!already_paid',
    card_payment_succeeded: '!already_paid',
    force_delivery: '!already_paid',
    retouch_completed: 'ready_to_deliver',
    deliver: '!retouch_pending',
    complete: '!not_delivered',
    cancel: '!order_paid_locked',
    record_refund: 'waiting_to_retouch',
    change_items: '!order_paid_locked',
  },
  'waiting_to_retouch · forced': {
    place: '!already_placed',
    validate: '!illegal_transition',
    mark_paid: 'waiting_to_retouch',
    card_payment_succeeded: 'waiting_to_retouch',
    force_delivery: '!already_forced',
    retouch_completed: 'ready_to_deliver',
    deliver: '!retouch_pending',
    complete: '!not_delivered',
    cancel: '!order_forced_locked',
    record_refund: '!not_paid',
    change_items: '!order_forced_locked',
  },
  'ready_to_deliver · paid': {
    place: '!already_placed',
    validate: '!illegal_transition',
    mark_paid: '!already_paid',
    card_payment_succeeded: '!already_paid',
    force_delivery: '!already_paid',
    retouch_completed: '!illegal_transition',
    deliver: 'delivered',
    complete: '!not_delivered',
    cancel: '!order_paid_locked',
    record_refund: 'ready_to_deliver',
    change_items: '!order_paid_locked',
  },
  'ready_to_deliver · forced': {
    place: '!already_placed',
    validate: '!illegal_transition',
    mark_paid: 'ready_to_deliver',
    card_payment_succeeded: 'ready_to_deliver',
    force_delivery: '!already_forced',
    retouch_completed: '!illegal_transition',
    deliver: 'delivered',
    complete: '!not_delivered',
    cancel: '!order_forced_locked',
    record_refund: '!not_paid',
    change_items: '!order_forced_locked',
  },
  'ready_to_deliver · free': {
    place: '!already_placed',
    validate: '!illegal_transition',
    mark_paid: '!already_paid',
    card_payment_succeeded: '!already_paid',
    force_delivery: '!already_paid',
    retouch_completed: '!illegal_transition',
    deliver: 'delivered',
    complete: '!not_delivered',
    cancel: '!order_paid_locked',
    record_refund: '!refund_exceeds_payment',
    change_items: '!order_paid_locked',
  },
  'delivered · paid': {
    place: '!already_placed',
    validate: '!illegal_transition',
    mark_paid: '!already_paid',
    card_payment_succeeded: '!already_paid',
    force_delivery: '!already_paid',
    retouch_completed: '!illegal_transition',
    deliver: '!already_delivered',
    complete: 'completed',
    cancel: '!order_paid_locked',
    record_refund: 'delivered',
    change_items: '!order_paid_locked',
  },
  'delivered · forced': {
    place: '!already_placed',
    validate: '!illegal_transition',
    mark_paid: 'delivered',
    card_payment_succeeded: 'delivered',
    force_delivery: '!already_forced',
    retouch_completed: '!illegal_transition',
    deliver: '!already_delivered',
    complete: 'completed',
    cancel: '!order_forced_locked',
    record_refund: '!not_paid',
    change_items: '!order_forced_locked',
  },
  'delivered · refunded in full': {
    place: '!already_placed',
    validate: '!illegal_transition',
    mark_paid: '!already_paid',
    card_payment_succeeded: '!already_paid',
    force_delivery: '!already_paid',
    retouch_completed: '!illegal_transition',
    deliver: '!already_delivered',
    complete: 'completed',
    cancel: '!order_paid_locked',
    record_refund: '!refund_exceeds_payment',
    change_items: '!order_paid_locked',
  },
  'completed · paid': {
    place: '!already_placed',
    validate: '!illegal_transition',
    mark_paid: '!already_paid',
    card_payment_succeeded: '!already_paid',
    force_delivery: '!already_paid',
    retouch_completed: '!illegal_transition',
    deliver: '!already_delivered',
    complete: '!already_completed',
    cancel: '!order_paid_locked',
    record_refund: 'completed',
    change_items: '!order_paid_locked',
  },
  'completed · forced': {
    place: '!already_placed',
    validate: '!illegal_transition',
    mark_paid: 'completed',
    card_payment_succeeded: 'completed',
    force_delivery: '!already_forced',
    retouch_completed: '!illegal_transition',
    deliver: '!already_delivered',
    complete: '!already_completed',
    cancel: '!order_forced_locked',
    record_refund: '!not_paid',
    change_items: '!order_forced_locked',
  },
  cancelled: {
    place: '!order_cancelled',
    validate: '!order_cancelled',
    mark_paid: '!order_cancelled',
    card_payment_succeeded: '!order_cancelled',
    force_delivery: '!order_cancelled',
    retouch_completed: '!order_cancelled',
    deliver: '!order_cancelled',
    complete: '!order_cancelled',
    cancel: '!order_cancelled',
    record_refund: '!not_paid',
    change_items: '!order_cancelled',
  },
};

function outcome(result: OrderResult): Cell {
  return result.ok ? result.order.state : `!${result.code}`;
}

function ok(result: OrderResult): { order: OrderFlowState; transition: OrderTransition } {
  if (!result.ok) throw new Error(`refused (${result.code}): ${result.reason}`);
  return result;
}

function refused(result: OrderResult) {
  if (result.ok) throw new Error(`accepted: ${result.transition.from} → ${result.transition.to}`);
  return result;
}

describe('order machine: every state × every event', () => {
  it('has a row for every state and a column for every event type', () => {
    expect(new Set(Object.values(rows).map((r) => r.state))).toEqual(new Set(orderFlowStates));
    for (const row of Object.values(expected)) expect(Object.keys(row).sort()).toEqual([...orderEventTypes].sort());
    expect(Object.keys(expected).sort()).toEqual(Object.keys(rows).sort());
    for (const order of Object.values(rows)) expect(orderFlowProblems(order)).toEqual([]);
  });

  for (const [row, order] of Object.entries(rows)) {
    for (const type of orderEventTypes) {
      const want = expected[row]?.[type];
      it(`${row} + ${type} → ${want}`, () => {
        const before = structuredClone(order);
        const result = applyOrderEvent(order, sample[type]);
        expect(outcome(result)).toBe(want);
        expect(order).toEqual(before);
        if (result.ok) {
          expect(result.transition).toMatchObject({ from: order.state, to: result.order.state, eventType: type, at: AT });
          expect(result.transition.actor).toEqual(sample[type].actor);
          expect(result.transition.note.length).toBeGreaterThan(5);
          expect(orderTransitionSchema.parse(result.transition)).toEqual(result.transition);
          expect(orderFlowProblems(result.order)).toEqual([]);
        } else {
          expect(result.reason).toMatch(/^[A-Z].*\.$/);
          expect(result.reason).not.toMatch(/[{}]/);
          expect(refusalTexts[result.reasonKey].code).toBe(result.code);
        }
      });
    }
  }

  it('allowedActions agrees with applyOrderEvent for every studio action in every row', () => {
    for (const [row, order] of Object.entries(rows)) {
      const actions = allowedActions(order);
      expect(actions.map((a) => a.action)).toEqual([...studioActions]);
      for (const a of actions) {
        const result = applyOrderEvent(order, { ...sample[a.action], actor: studio });
        expect({ row, action: a.action, allowed: a.allowed }).toEqual({ row, action: a.action, allowed: result.ok });
        if (!a.allowed && !result.ok) expect(a.refusal.reason).toBe(result.reason);
      }
    }
  });

  it('names the buttons of an order awaiting payment, with tooltips for the disabled ones', () => {
    const actions = allowedActions(rows['awaiting_payment · retouch off'] as OrderFlowState);
    expect(actions.filter((a) => a.allowed).map((a) => a.action)).toEqual(['mark_paid', 'force_delivery', 'cancel']);
    const refund = actions.find((a) => a.action === 'record_refund');
    expect(refund).toMatchObject({ allowed: false, label: 'Record refund', labelKey: 'orders.event.record_refund' });
    if (refund && !refund.allowed) expect(refund.refusal.reason).toBe('This order hasn’t been paid, so there is nothing to refund.');
    const delivered = allowedActions(rows['delivered · paid'] as OrderFlowState);
    expect(delivered.find((a) => a.action === 'record_refund')).toMatchObject({ allowed: true, maxAmountMinor: 12_000 });
  });
});

// ---------------------------------------------------------------------------------------
// The seeds' paths, step by step.

function run(order: OrderFlowState, events: OrderEvent[]): { order: OrderFlowState; history: OrderTransition[] } {
  const history: OrderTransition[] = [];
  let current = order;
  for (const event of events) {
    const r = ok(applyOrderEvent(current, event));
    history.push(r.transition);
    current = r.order;
  }
  return { order: current, history };
}

const at = (day: number, hour = 10) => `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const placeEvent = (over: Partial<Extract<OrderEvent, { type: 'place' }>> = {}): Extract<OrderEvent, { type: 'place' }> => ({
  ...sample.place,
  at: at(1),
  ...over,
});

describe('order machine: the seeds’ paths', () => {
  it('manual validation, offline transfer, Mark as paid, retouch, deliver, complete', () => {
    const placed = ok(placeOrder(placeEvent({ manualValidation: true, retouchBeforeDelivery: true })));
    expect(placed.transition).toMatchObject({ from: 'placed', to: 'awaiting_validation', via: [], eventType: 'place', actor: client });
    expect(placed.transition.note).toBe('Placed: 3 photos, 120.00 PLN; waiting for the studio’s validation.');
    const { order, history } = run(placed.order, [
      { type: 'validate', actor: studio, at: at(2) },
      { type: 'mark_paid', actor: studio, at: at(3), method: 'offline', reference: 'TR-77' },
      { type: 'retouch_completed', actor: system, at: at(5), by: 'all_tasks_approved' },
      { type: 'deliver', actor: assistant, at: at(6), fileCount: 3 },
      { type: 'complete', actor: studio, at: at(7) },
    ]);
    expect(history.map((t) => `${t.from}→${t.to}`)).toEqual([
      'awaiting_validation→awaiting_payment',
      'awaiting_payment→waiting_to_retouch',
      'waiting_to_retouch→ready_to_deliver',
      'ready_to_deliver→delivered',
      'delivered→completed',
    ]);
    expect(history[1]).toMatchObject({ via: ['paid'], note: 'Marked as paid (offline, ref TR-77): 120.00 PLN; waiting to retouch.' });
    expect(history[3]?.actor).toEqual({ kind: 'studio', deviceId: 'laptop-marek', name: 'Marek' });
    expect(order).toMatchObject({
      state: 'completed',
      paid: { method: 'offline', amountMinor: 12_000, at: at(3), reference: 'TR-77' },
      forcedDelivery: null,
    });
  });

  it('card payment straight from the payment page', () => {
    const placed = ok(placeOrder(placeEvent()));
    expect(placed.order.state).toBe('awaiting_payment');
    const paid = ok(applyOrderEvent(placed.order, { type: 'card_payment_succeeded', actor: provider, at: at(1, 11), reference: 'pi_9' }));
    expect(paid.transition).toMatchObject({
      from: 'awaiting_payment',
      to: 'ready_to_deliver',
      via: ['paid'],
      note: 'Paid by card (ref pi_9): 120.00 PLN; ready to deliver.',
    });
    expect(paid.order.paid).toEqual({ method: 'card', amountMinor: 12_000, at: at(1, 11), reference: 'pi_9' });
    const delivered = ok(applyOrderEvent(paid.order, { type: 'deliver', actor: system, at: at(1, 12), fileCount: 3 }));
    expect(delivered.order.state).toBe('delivered');
    expect(canResendDownloadLinks(delivered.order)).toBe(true);
    expect(canResendDownloadLinks(paid.order)).toBe(false);
    const again = refused(applyOrderEvent(delivered.order, { type: 'deliver', actor: studio, at: at(2), fileCount: 3 }));
    expect(again.reason).toBe('This order is already delivered. To send the download links again, use Resend download links.');
  });

  it('force delivery without payment, recorded as such; a late payment is recorded without moving the order', () => {
    const placed = ok(placeOrder(placeEvent({ retouchBeforeDelivery: true })));
    const { order, history } = run(placed.order, [
      { type: 'force_delivery', actor: studio, at: at(2), reason: 'Regular client, pays on invoice' },
      { type: 'retouch_completed', actor: studio, at: at(3), by: 'manual' },
      { type: 'deliver', actor: studio, at: at(4), fileCount: 3 },
    ]);
    expect(history[0]).toMatchObject({ from: 'awaiting_payment', to: 'waiting_to_retouch', via: [] });
    expect(history[0]?.note).toBe('Delivery forced without payment (Regular client, pays on invoice); waiting to retouch.');
    expect(history[2]?.note).toBe('Delivered: 3 files made downloadable, unpaid (delivery forced).');
    expect(order).toMatchObject({
      state: 'delivered',
      paid: null,
      forcedDelivery: { at: at(2), reason: 'Regular client, pays on invoice' },
    });
    expect(refused(applyOrderEvent(order, sample.cancel)).reason).toBe(
      'Delivery of this order was forced, so it can’t be cancelled any more. Leave it unpaid, or mark it as paid when the client pays.',
    );
    const late = ok(applyOrderEvent(order, { type: 'mark_paid', actor: studio, at: at(20), method: 'offline' }));
    expect(late.transition).toMatchObject({
      from: 'delivered',
      to: 'delivered',
      via: [],
      note: 'Marked as paid (offline): 120.00 PLN, after delivery was forced.',
    });
    expect(late.order).toMatchObject({ paid: { method: 'offline', at: at(20), reference: null }, forcedDelivery: { at: at(2) } });
  });

  it('refund after delivery: recorded, never above what was paid, in the order’s currency', () => {
    const placed = ok(placeOrder(placeEvent()));
    const { order } = run(placed.order, [
      { type: 'mark_paid', actor: studio, at: at(2), method: 'offline' },
      { type: 'deliver', actor: studio, at: at(3), fileCount: 3 },
    ]);
    const refund = (amountMinor: number, currency = 'PLN'): OrderEvent => ({
      type: 'record_refund',
      actor: studio,
      at: at(10),
      amountMinor,
      currency,
      reason: 'Two photos were out of focus',
      refundedAt: at(9),
    });
    const first = ok(applyOrderEvent(order, refund(2000)));
    expect(first.transition).toMatchObject({ from: 'delivered', to: 'delivered' });
    expect(first.transition.note).toBe(
      'Refund recorded: 20.00 PLN on 2026-03-09 (Two photos were out of focus); 20.00 PLN of 120.00 PLN refunded.',
    );
    expect(first.order.refunds).toEqual([
      { amountMinor: 2000, currency: 'PLN', reason: 'Two photos were out of focus', refundedAt: at(9), recordedAt: at(10) },
    ]);
    const tooMuch = refused(applyOrderEvent(first.order, refund(10_001)));
    expect(tooMuch).toMatchObject({ code: 'refund_exceeds_payment', reasonKey: 'refund.exceeds' });
    expect(tooMuch.reason).toBe(
      'A refund of 100.01 PLN would bring the refunds to 120.01 PLN, more than the 120.00 PLN paid for this order. Record at most 100.00 PLN.',
    );
    expect(refused(applyOrderEvent(first.order, refund(500, 'EUR'))).reason).toBe('This order was paid in PLN. Record the refund in PLN.');
    const rest = ok(applyOrderEvent(first.order, refund(10_000)));
    expect(rest.order.refunds.map((r) => r.amountMinor)).toEqual([2000, 10_000]);
    expect(refused(applyOrderEvent(rest.order, refund(1))).reason).toBe(
      'The 120.00 PLN paid for this order has already been refunded in full.',
    );
    const completed = ok(applyOrderEvent(first.order, sample.complete));
    expect(ok(applyOrderEvent(completed.order, refund(100))).order.state).toBe('completed');
  });

  it('cancel before payment; nothing moves a cancelled order', () => {
    const placed = ok(placeOrder(placeEvent({ manualValidation: true })));
    const cancelled = ok(applyOrderEvent(placed.order, { type: 'cancel', actor: client, at: at(2), reason: 'Ordered the wrong photos' }));
    expect(cancelled.transition).toMatchObject({
      from: 'awaiting_validation',
      to: 'cancelled',
      note: 'Cancelled (Ordered the wrong photos).',
    });
    expect(cancelled.order.cancellation).toEqual({ at: at(2), reason: 'Ordered the wrong photos' });
    expect(refused(applyOrderEvent(cancelled.order, { type: 'card_payment_succeeded', actor: provider, at: at(3) })).reason).toBe(
      'This order is cancelled, so it can’t be paid. Create a new order instead.',
    );
    expect(allowedActions(cancelled.order).every((a) => !a.allowed)).toBe(true);
  });

  it('photos change before payment, and are refused after it with the sentence a person understands', () => {
    const placed = ok(placeOrder(placeEvent()));
    const changed = ok(
      applyOrderEvent(placed.order, {
        type: 'change_items',
        actor: client,
        at: at(1, 11),
        photoIds: ['p1', 'p4', 'p5', 'p6'],
        totalMinor: 16_000,
      }),
    );
    expect(changed.transition).toMatchObject({
      from: 'awaiting_payment',
      to: 'awaiting_payment',
      note: 'Photos changed: 3 photos → 4 photos; total 120.00 PLN → 160.00 PLN.',
    });
    const paid = ok(applyOrderEvent(changed.order, { type: 'mark_paid', actor: studio, at: at(2), method: 'card' }));
    expect(paid.order.paid?.amountMinor).toBe(16_000);
    const locked = refused(
      applyOrderEvent(paid.order, { type: 'change_items', actor: client, at: at(3), photoIds: ['p1'], totalMinor: 4000 }),
    );
    expect(locked).toMatchObject({ ok: false, code: 'order_paid_locked', reasonKey: 'change_items.paid' });
    expect(locked.reason).toBe('This order is paid, so its photos can’t be changed. Create a new order instead.');
  });

  it('refuses a second Mark as paid, naming the date of the first', () => {
    const placed = ok(placeOrder(placeEvent()));
    const paid = ok(applyOrderEvent(placed.order, { type: 'mark_paid', actor: studio, at: '2026-03-04T08:15:00.000Z', method: 'offline' }));
    const again = refused(applyOrderEvent(paid.order, { type: 'mark_paid', actor: assistant, at: at(5), method: 'offline' }));
    expect(again).toMatchObject({ code: 'already_paid', params: { date: '2026-03-04' } });
    expect(again.reason).toBe('This order is already marked as paid on 2026-03-04.');
  });

  it('a free order skips payment, after validation when the gallery asks for it', () => {
    const free = ok(placeOrder(placeEvent({ totalMinor: 0 })));
    expect(free.transition).toMatchObject({ from: 'placed', to: 'ready_to_deliver', via: ['paid'] });
    expect(free.transition.note).toBe('Placed: 3 photos, 0.00 PLN; free order, so no payment is needed; ready to deliver.');
    expect(free.order.paid).toEqual({ method: 'free', amountMinor: 0, at: at(1), reference: null });
    const validated = ok(placeOrder(placeEvent({ totalMinor: 0, manualValidation: true, retouchBeforeDelivery: true })));
    expect(validated.order.state).toBe('awaiting_validation');
    const next = ok(applyOrderEvent(validated.order, sample.validate));
    expect(next.transition).toMatchObject({ from: 'awaiting_validation', to: 'waiting_to_retouch', via: ['paid'] });
    expect(refused(applyOrderEvent(free.order, sample.record_refund)).reason).toBe('This order was free, so there is nothing to refund.');
  });

  it('copies the gallery’s flags at placement, and routes by them', () => {
    const cases = [
      [false, false, 'awaiting_payment'],
      [true, false, 'awaiting_validation'],
      [false, true, 'awaiting_payment'],
      [true, true, 'awaiting_validation'],
    ] as const;
    for (const [manualValidation, retouchBeforeDelivery, state] of cases) {
      const r = ok(placeOrder(placeEvent({ manualValidation, retouchBeforeDelivery })));
      expect(r.order).toMatchObject({
        state,
        manualValidation,
        retouchBeforeDelivery,
        photoIds: ['p1', 'p2', 'p3'],
        totalMinor: 12_000,
        currency: 'PLN',
      });
      const paid = ok(
        applyOrderEvent(
          r.order.state === 'awaiting_validation' ? ok(applyOrderEvent(r.order, sample.validate)).order : r.order,
          sample.mark_paid,
        ),
      );
      expect(paid.order.state).toBe(retouchBeforeDelivery ? 'waiting_to_retouch' : 'ready_to_deliver');
    }
  });
});

describe('order machine: who may do what, and malformed events', () => {
  it('refuses an event from an actor not allowed to send it, before looking at the state', () => {
    const order = rows['awaiting_payment · retouch off'] as OrderFlowState;
    expect(refused(applyOrderEvent(order, { ...sample.mark_paid, actor: client })).reason).toBe(
      'Only the studio can mark an order as paid.',
    );
    expect(refused(applyOrderEvent(order, { ...sample.card_payment_succeeded, actor: studio })).reason).toBe(
      'Only the payment provider or Proofdesk itself can report a card payment.',
    );
    expect(refused(applyOrderEvent(rows.cancelled as OrderFlowState, { ...sample.force_delivery, actor: client })).code).toBe(
      'actor_not_allowed',
    );
    for (const type of orderEventTypes) {
      for (const kind of ['studio', 'client', 'system', 'provider'] as const) {
        const r = applyOrderEvent(rows.placed as OrderFlowState, { ...sample[type], actor: { kind } });
        expect({ type, kind, byActor: !r.ok && r.code === 'actor_not_allowed' }).toEqual({
          type,
          kind,
          byActor: !eventActors[type].includes(kind),
        });
      }
    }
  });

  it('refuses malformed events with invalid_event', () => {
    const order = rows['delivered · paid'] as OrderFlowState;
    const bad = [
      { ...sample.complete, at: '2026-03-04T10:00:00+02:00' },
      { ...sample.record_refund, amountMinor: 10.5 },
      { ...sample.record_refund, amountMinor: 0 },
      { ...sample.cancel, reason: '   ' },
      { ...sample.change_items, photoIds: [] },
      { ...sample.change_items, photoIds: ['p1', 'p1'] },
      { type: 'ship', actor: studio, at: AT },
    ];
    for (const event of bad) {
      const r = refused(applyOrderEvent(order, event as OrderEvent));
      expect(r.code).toBe('invalid_event');
      expect(r.reason).toMatch(/^The order event was not accepted: /);
    }
  });

  it('does not touch a frozen order or event', () => {
    const deepFreeze = <T>(v: T): T => {
      if (v && typeof v === 'object') {
        for (const x of Object.values(v)) deepFreeze(x);
        Object.freeze(v);
      }
      return v;
    };
    const order = deepFreeze(structuredClone(rows['delivered · paid'] as OrderFlowState));
    expect(ok(applyOrderEvent(order, deepFreeze(structuredClone(sample.record_refund)))).order.refunds).toHaveLength(1);
    const placed = deepFreeze(structuredClone(rows.placed as OrderFlowState));
    expect(ok(applyOrderEvent(placed, deepFreeze(structuredClone(sample.change_items)))).order.photoIds).toEqual(['p1', 'p2']);
  });
});

describe('order states, labels and the stored shape', () => {
  it('labels every state in English under a stable key', () => {
    for (const s of orderFlowStates) {
      expect(orderStateLabels[s]).toMatch(/^[A-Z][a-z ]+$/);
      expect(orderStateLabelKey(s)).toBe(`orders.state.${s}`);
      expect(isOrderFlowState(s)).toBe(true);
    }
    expect(isOrderFlowState('shipped')).toBe(false);
    expect(new Set(Object.values(refusalTexts).map((t) => t.code))).toEqual(new Set(refusalCodes));
  });

  it('parses sound orders and refuses inconsistent ones', () => {
    for (const order of Object.values(rows)) expect(orderFlowSchema.parse(order)).toEqual(order);
    expect(orderFlowSchema.safeParse({ ...base, state: 'delivered' }).success).toBe(false);
    expect(orderFlowSchema.safeParse({ ...base, state: 'awaiting_payment', paid: paidOffline }).success).toBe(false);
    expect(
      orderFlowSchema.safeParse({
        ...base,
        state: 'ready_to_deliver',
        paid: paidOffline,
        refunds: [{ amountMinor: 12_001, currency: 'PLN', reason: 'x', refundedAt: AT, recordedAt: AT }],
      }).success,
    ).toBe(false);
    expect(orderFlowSchema.safeParse({ ...base, state: 'waiting_to_retouch', paid: paidOffline }).success).toBe(false);
  });

  it('formats money in the currency’s own decimals', () => {
    expect(formatMoney(12_000, 'PLN')).toBe('120.00 PLN');
    expect(formatMoney(5, 'EUR')).toBe('0.05 EUR');
    expect(formatMoney(1500, 'JPY')).toBe('1500 JPY');
  });

  it('parses every sample event unchanged', () => {
    for (const type of orderEventTypes) expect(orderEventSchema.parse(sample[type])).toEqual(sample[type]);
  });
});
