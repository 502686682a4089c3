// Every refusal of the order machine: a code for programs, a stable key for translation and an
// English sentence for people that says what to do instead. `{name}` in a sentence is filled
// from the refusal's params (the UI does the same with its translated sentence).
import { fillTemplate, type Refusal, type RefusalParams, refusalMaker } from '../refusals';

export const refusalCodes = [
  'invalid_event',
  'actor_not_allowed',
  'not_placed_yet',
  'already_placed',
  'illegal_transition',
  'needs_validation',
  'already_paid',
  'already_forced',
  'order_paid_locked',
  'order_forced_locked',
  'order_cancelled',
  'not_paid',
  'retouch_pending',
  'already_delivered',
  'not_delivered',
  'already_completed',
  'refund_exceeds_payment',
  'currency_mismatch',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export const refusalTexts = {
  'event.invalid': { code: 'invalid_event', text: '{message}' },
  'actor.not_allowed': { code: 'actor_not_allowed', text: 'Only {who} can {action}.' },
  'any.not_placed_yet': { code: 'not_placed_yet', text: 'This order is still being placed. Reload it in a moment and try again.' },
  'any.cancelled': { code: 'order_cancelled', text: 'This order is cancelled, so it can’t change any more. Create a new order instead.' },
  'place.already_placed': { code: 'already_placed', text: 'This order has already been placed. To order more photos, place a new order.' },
  'validate.not_needed': { code: 'illegal_transition', text: 'This order doesn’t need validating: it is already waiting for payment.' },
  'validate.too_late': { code: 'illegal_transition', text: 'This order is past validation already (it is {state}).' },
  'pay.needs_validation': {
    code: 'needs_validation',
    text: 'This order is waiting for your validation. Validate it first, then mark it as paid.',
  },
  'card_payment.needs_validation': {
    code: 'needs_validation',
    text: 'This order is waiting for the studio’s validation, so it can’t be paid by card yet.',
  },
  'pay.already_paid': { code: 'already_paid', text: 'This order is already marked as paid on {date}.' },
  'pay.cancelled': { code: 'order_cancelled', text: 'This order is cancelled, so it can’t be paid. Create a new order instead.' },
  'force_delivery.already_paid': { code: 'already_paid', text: 'This order is paid, so there is no need to force its delivery.' },
  'force_delivery.already_forced': { code: 'already_forced', text: 'Delivery of this order was already forced on {date}.' },
  'retouch.not_paid': {
    code: 'not_paid',
    text: 'This order isn’t paid yet, so its photos aren’t waiting to retouch. Mark it as paid or force delivery first.',
  },
  'retouch.not_waiting': {
    code: 'illegal_transition',
    text: 'This order isn’t waiting to retouch (it is {state}), so there is nothing to finish.',
  },
  'deliver.not_paid': { code: 'not_paid', text: 'This order isn’t paid yet. Mark it as paid, or force delivery, before delivering it.' },
  'deliver.retouch_pending': {
    code: 'retouch_pending',
    text: 'This order’s photos are still waiting to retouch. Finish retouching them, then deliver.',
  },
  'deliver.already_delivered': {
    code: 'already_delivered',
    text: 'This order is already delivered. To send the download links again, use Resend download links.',
  },
  'complete.not_delivered': {
    code: 'not_delivered',
    text: 'This order hasn’t been delivered yet. Deliver it first, then mark it as completed.',
  },
  'complete.already_completed': { code: 'already_completed', text: 'This order is already completed.' },
  'cancel.already_cancelled': { code: 'order_cancelled', text: 'This order is already cancelled.' },
  'cancel.paid': {
    code: 'order_paid_locked',
    text: 'This order is paid, so it can’t be cancelled. If the client gets their money back, refund them outside Proofdesk and record the refund here.',
  },
  'cancel.forced': {
    code: 'order_forced_locked',
    text: 'Delivery of this order was forced, so it can’t be cancelled any more. Leave it unpaid, or mark it as paid when the client pays.',
  },
  'refund.not_paid': { code: 'not_paid', text: 'This order hasn’t been paid, so there is nothing to refund.' },
  'refund.cancelled': { code: 'not_paid', text: 'This order was cancelled before it was paid, so there is nothing to refund.' },
  'refund.free': { code: 'refund_exceeds_payment', text: 'This order was free, so there is nothing to refund.' },
  'refund.fully_refunded': {
    code: 'refund_exceeds_payment',
    text: 'The {paid} paid for this order has already been refunded in full.',
  },
  'refund.exceeds': {
    code: 'refund_exceeds_payment',
    text: 'A refund of {amount} would bring the refunds to {total}, more than the {paid} paid for this order. Record at most {remaining}.',
  },
  'refund.currency': { code: 'currency_mismatch', text: 'This order was paid in {currency}. Record the refund in {currency}.' },
  'change_items.paid': {
    code: 'order_paid_locked',
    text: 'This order is paid, so its photos can’t be changed. Create a new order instead.',
  },
  'change_items.forced': {
    code: 'order_forced_locked',
    text: 'Delivery of this order was forced, so its photos can’t be changed. Create a new order instead.',
  },
} as const satisfies Record<string, { code: RefusalCode; text: string }>;
export type RefusalKey = keyof typeof refusalTexts;

export type OrderRefusal = Refusal<RefusalCode, RefusalKey>;
export { fillTemplate, type RefusalParams };

export const refusal = refusalMaker<RefusalCode, typeof refusalTexts>(refusalTexts);
