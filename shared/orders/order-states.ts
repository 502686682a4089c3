// The states an order moves through (product.md §4, seeds 000–002). The state names are the
// stable keys: they are stored, sent over the wire and used as translation keys
// (`orders.state.<state>`); the English labels here are the fallback the UI translates.
import { z } from 'zod';

export const orderFlowStates = [
  'placed',
  'awaiting_validation',
  'awaiting_payment',
  'paid',
  'waiting_to_retouch',
  'ready_to_deliver',
  'delivered',
  'completed',
  'cancelled',
] as const;
export type OrderFlowStateName = (typeof orderFlowStates)[number];
export const orderFlowStateSchema = z.enum(orderFlowStates);

export function isOrderFlowState(value: unknown): value is OrderFlowStateName {
  return typeof value === 'string' && (orderFlowStates as readonly string[]).includes(value);
}

export const orderStateLabels: Record<OrderFlowStateName, string> = {
  placed: 'Placed',
  awaiting_validation: 'Awaiting validation',
  awaiting_payment: 'Awaiting payment',
  paid: 'Paid',
  waiting_to_retouch: 'Waiting to retouch',
  ready_to_deliver: 'Ready to deliver',
  delivered: 'Delivered',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** The translation key of a state's label, e.g. `orders.state.awaiting_payment`. */
export function orderStateLabelKey(state: OrderFlowStateName): string {
  return `orders.state.${state}`;
}

/** States before any payment or forced delivery: the only ones in which items may change and the order may be cancelled. */
export const prePaymentStates = ['placed', 'awaiting_validation', 'awaiting_payment'] as const satisfies readonly OrderFlowStateName[];

/**
 * States an order reaches once it is paid or its delivery was forced. `paid` is the moment of
 * payment: the machine passes through it (recorded in the transition's `via`) and rests in
 * `waiting_to_retouch` or `ready_to_deliver`, so an order is stored as `paid` only by an
 * older writer; the machine then treats it as just paid.
 */
export const postPaymentStates = [
  'paid',
  'waiting_to_retouch',
  'ready_to_deliver',
  'delivered',
  'completed',
] as const satisfies readonly OrderFlowStateName[];

/** No event moves an order out of these. (`completed` still takes record-only events: a refund, a late payment.) */
export const terminalStates = ['cancelled'] as const satisfies readonly OrderFlowStateName[];
