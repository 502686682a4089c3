// Property test: thousands of random event sequences (a seeded PRNG, so a failure replays from
// its seed), with the machine's invariants checked after every step.
import { describe, expect, it } from 'vitest';
import { randomInt as int, pick, seededRandom as prng, type Rand } from '../test-support/seeded-random';
import {
  type ActorKind,
  allowedActions,
  applyOrderEvent,
  isOrderFlowState,
  type OrderEvent,
  type OrderEventType,
  type OrderFlowStateName,
  orderEventTypes,
  orderFlowProblems,
  orderFlowStates,
  orderTransitionSchema,
  placeOrder,
  refundedMinor,
  refusalCodes,
  type studioActions,
} from './index';

const START = Date.UTC(2026, 2, 1);
const kinds: readonly ActorKind[] = ['studio', 'studio', 'studio', 'client', 'system', 'provider'];

function randomPhotoIds(rand: Rand): string[] {
  const n = int(rand, 1, 5);
  const ids = new Set<string>();
  while (ids.size < n) ids.add(`p${int(rand, 1, 9)}`);
  return [...ids];
}

function randomEvent(rand: Rand, step: number): OrderEvent {
  const type: OrderEventType = pick(rand, orderEventTypes);
  const actor = { kind: pick(rand, kinds), deviceId: pick(rand, ['laptop-a', 'laptop-b', undefined]) };
  const at = new Date(START + step * 3_600_000).toISOString();
  const head = { actor, at };
  switch (type) {
    case 'place':
      return {
        type,
        ...head,
        photoIds: randomPhotoIds(rand),
        totalMinor: pick(rand, [0, 4000, 12_000]),
        currency: 'PLN',
        manualValidation: rand() < 0.5,
        retouchBeforeDelivery: rand() < 0.5,
      };
    case 'mark_paid':
      return { type, ...head, method: pick(rand, ['offline', 'card'] as const), reference: rand() < 0.5 ? `TR-${step}` : undefined };
    case 'card_payment_succeeded':
      return { type, ...head, reference: `pi_${step}` };
    case 'force_delivery':
      return { type, ...head, reason: 'Pays on invoice' };
    case 'retouch_completed':
      return { type, ...head, by: pick(rand, ['manual', 'all_tasks_approved'] as const) };
    case 'deliver':
      return { type, ...head, fileCount: int(rand, 1, 5) };
    case 'cancel':
      return { type, ...head, reason: 'Client asked' };
    case 'record_refund':
      return {
        type,
        ...head,
        amountMinor: pick(rand, [1, 500, 2000, 4000, 12_000, 12_001]),
        currency: rand() < 0.9 ? 'PLN' : 'EUR',
        reason: 'Blurred photo',
      };
    case 'change_items':
      return { type, ...head, photoIds: randomPhotoIds(rand), totalMinor: pick(rand, [0, 4000, 8000, 16_000]) };
    default:
      return { type, ...head };
  }
}

const preStates: readonly OrderFlowStateName[] = ['placed', 'awaiting_validation', 'awaiting_payment'];

/** Every move an accepted event may make (a state to itself: a record-only event). */
const moves: Record<OrderFlowStateName, readonly OrderFlowStateName[]> = {
  placed: ['placed', 'awaiting_validation', 'awaiting_payment', 'waiting_to_retouch', 'ready_to_deliver', 'cancelled'],
  awaiting_validation: ['awaiting_validation', 'awaiting_payment', 'waiting_to_retouch', 'ready_to_deliver', 'cancelled'],
  awaiting_payment: ['awaiting_payment', 'waiting_to_retouch', 'ready_to_deliver', 'cancelled'],
  paid: ['paid', 'ready_to_deliver', 'delivered'],
  waiting_to_retouch: ['waiting_to_retouch', 'ready_to_deliver'],
  ready_to_deliver: ['ready_to_deliver', 'delivered'],
  delivered: ['delivered', 'completed'],
  completed: ['completed'],
  cancelled: [],
};
/** The one event that leads into each of these states. */
const onlyBy: Partial<Record<OrderFlowStateName, OrderEventType>> = { delivered: 'deliver', completed: 'complete', cancelled: 'cancel' };
const RUNS = 4000;
const MAX_STEPS = 30;

describe('order machine: random event sequences', () => {
  it(`keeps its invariants over ${RUNS} random sequences`, () => {
    const accepted = new Map<OrderEventType, number>();
    const refusedBy = new Map<OrderEventType, number>();
    const reached = new Set<OrderFlowStateName>();
    let steps = 0;

    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = prng(seed);
      const placed = placeOrder({
        type: 'place',
        actor: { kind: 'client' },
        at: new Date(START).toISOString(),
        photoIds: randomPhotoIds(rand),
        totalMinor: pick(rand, [0, 4000, 12_000]),
        currency: 'PLN',
        manualValidation: rand() < 0.5,
        retouchBeforeDelivery: rand() < 0.5,
      });
      if (!placed.ok) throw new Error(`seed ${seed}: placing failed: ${placed.reason}`);
      expect(placed.transition.from).toBe('placed');
      expect(orderFlowProblems(placed.order)).toEqual([]);

      let order = placed.order;
      let everPaid = order.paid !== null;
      let locked: { photoIds: string[]; totalMinor: number } | null =
        order.paid || order.forcedDelivery ? { photoIds: order.photoIds, totalMinor: order.totalMinor } : null;
      let paidRecord = order.paid;
      const trail: string[] = [`place → ${order.state}`];
      const fail = (message: string) => {
        throw new Error(`seed ${seed}, step ${trail.length}: ${message}\n  ${trail.join('\n  ')}`);
      };

      const length = int(rand, 1, MAX_STEPS);
      for (let step = 1; step <= length; step++) {
        steps++;
        const event = randomEvent(rand, step);
        const before = structuredClone(order);
        const result = applyOrderEvent(order, event);
        const again = applyOrderEvent(before, event);
        trail.push(`${event.type} by ${event.actor.kind} → ${result.ok ? result.order.state : `refused ${result.code}`}`);

        if (JSON.stringify(again) !== JSON.stringify(result)) fail('the same event on the same order gave a different answer');
        if (JSON.stringify(order) !== JSON.stringify(before)) fail('the order given was changed');

        if (!result.ok) {
          refusedBy.set(event.type, (refusedBy.get(event.type) ?? 0) + 1);
          if (!(refusalCodes as readonly string[]).includes(result.code)) fail(`unknown refusal code ${result.code}`);
          if (!/^[A-Z].*\.$/.test(result.reason) || /[{}]/.test(result.reason)) fail(`refusal sentence: ${result.reason}`);
          if (
            before.state === 'cancelled' &&
            result.code !== 'order_cancelled' &&
            result.code !== 'not_paid' &&
            result.code !== 'actor_not_allowed' &&
            result.code !== 'invalid_event'
          ) {
            fail(`cancelled order refused with ${result.code}`);
          }
          continue;
        }

        accepted.set(event.type, (accepted.get(event.type) ?? 0) + 1);
        const { transition } = result;
        const next = result.order;
        if (Array.isArray(transition) || !orderTransitionSchema.safeParse(transition).success)
          fail('not exactly one well-formed transition');
        if (transition.from !== before.state) fail(`transition from ${transition.from}, order was ${before.state}`);
        if (transition.to !== next.state) fail(`transition to ${transition.to}, order is ${next.state}`);
        if (transition.eventType !== event.type || transition.at !== event.at) fail('transition does not name its event and time');
        if (JSON.stringify(transition.actor) !== JSON.stringify(event.actor)) fail('transition does not keep who and from which device');
        if (before.state === 'cancelled') fail('a cancelled order moved');
        if (!moves[before.state].includes(next.state)) fail(`no move leads from ${before.state} to ${next.state}`);
        const by = onlyBy[next.state];
        if (by && next.state !== before.state && event.type !== by) fail(`${event.type} led into ${next.state}`);

        // Invariants of the order itself.
        if (!isOrderFlowState(next.state)) fail(`state ${next.state} is not a state`);
        const problems = orderFlowProblems(next);
        if (problems.length > 0) fail(problems.join('; '));
        if (everPaid && preStates.includes(next.state)) fail(`a paid order is back in ${next.state}`);
        if (everPaid && JSON.stringify(next.paid) !== JSON.stringify(paidRecord)) fail('the payment record changed after payment');
        if ((next.state === 'delivered' || next.state === 'completed') && !next.paid && !next.forcedDelivery)
          fail('delivered without payment or forced delivery');
        if (refundedMinor(next) > (next.paid?.amountMinor ?? 0)) fail('refunds exceed what was paid');
        if (locked && (JSON.stringify(next.photoIds) !== JSON.stringify(locked.photoIds) || next.totalMinor !== locked.totalMinor)) {
          fail('items changed after payment or forced delivery');
        }

        order = next;
        reached.add(order.state);
        // The buttons agree with the reducer.
        for (const a of allowedActions(order)) {
          if (applyOrderEvent(order, eventFor(a.action)).ok !== a.allowed)
            fail(`allowedActions says ${a.action} is ${a.allowed ? '' : 'not '}allowed`);
        }
        if (order.paid) {
          everPaid = true;
          paidRecord = order.paid;
        }
        if (!locked && (order.paid || order.forcedDelivery)) locked = { photoIds: order.photoIds, totalMinor: order.totalMinor };
      }
    }

    // The generator reaches every state and has every event both accepted and refused.
    expect(steps).toBeGreaterThan(RUNS * 5);
    expect([...reached].sort()).toEqual(orderFlowStates.filter((s) => s !== 'placed' && s !== 'paid').sort());
    for (const type of orderEventTypes) {
      if (type !== 'place') expect(accepted.get(type) ?? 0, `${type} accepted`).toBeGreaterThan(10);
      expect(refusedBy.get(type) ?? 0, `${type} refused`).toBeGreaterThan(10);
    }
  });
});

function eventFor(type: (typeof studioActions)[number]): OrderEvent {
  const head = { actor: { kind: 'studio' as const }, at: '2026-04-01T00:00:00.000Z' };
  switch (type) {
    case 'mark_paid':
      return { type, ...head, method: 'offline' };
    case 'force_delivery':
      return { type, ...head, reason: 'Pays on invoice' };
    case 'retouch_completed':
      return { type, ...head, by: 'manual' };
    case 'deliver':
      return { type, ...head, fileCount: 1 };
    case 'cancel':
      return { type, ...head, reason: 'Client asked' };
    case 'record_refund':
      return { type, ...head, amountMinor: 1, currency: 'PLN', reason: 'Blurred photo' };
    default:
      return { type, ...head };
  }
}
