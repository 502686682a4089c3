// The order page's pure logic: which actions get a button, the dialogs' drafts turned into the
// contract's events (money as integer minor units), and moving through the list by keyboard.
import { studioOrderEventTypes } from '../../../../shared/schemas/orders-api';
import type { OrderDetail } from '../../../../shared/schemas/orders-desk';
import { dateInputValue, parseMoney } from '../galleries/publish-form';

export type StudioEventType = (typeof studioOrderEventTypes)[number];
type ActionView = OrderDetail['actions'][number];

/** A button on the order page: a studio event, or Deliver (which comes with Photo delivery). */
export type ShownAction =
  | { kind: 'event'; action: StudioEventType; allowed: boolean; reason: string | null; maxAmountMinor: number | null }
  | { kind: 'deliver'; allowed: boolean; reason: string | null };

const isStudioEvent = (action: string): action is StudioEventType => (studioOrderEventTypes as readonly string[]).includes(action);

/** The backend's actions in its order; Deliver stays as a (disabled) button, unknown ones are left out. */
export function shownActions(actions: ActionView[]): ShownAction[] {
  return actions.flatMap((a): ShownAction[] => {
    if (a.action === 'deliver') return [{ kind: 'deliver', allowed: a.allowed, reason: a.reason }];
    if (!isStudioEvent(a.action)) return [];
    return [{ kind: 'event', action: a.action, allowed: a.allowed, reason: a.reason, maxAmountMinor: a.maxAmountMinor }];
  });
}

/** Dialogs that ask for more before the event goes out; the rest are sent on the click. */
export const actionsWithDialog = ['mark_paid', 'force_delivery', 'cancel', 'record_refund'] as const satisfies readonly StudioEventType[];
export type DialogAction = (typeof actionsWithDialog)[number];
export const needsDialog = (action: StudioEventType): action is DialogAction => (actionsWithDialog as readonly string[]).includes(action);

export interface MarkPaidDraft {
  method: 'offline' | 'card';
  reference: string;
}

export function markPaidEvent(draft: MarkPaidDraft) {
  const reference = draft.reference.trim();
  return { type: 'mark_paid' as const, method: draft.method, ...(reference ? { reference } : {}) };
}

/** Force delivery and cancel say why; null when the reason is empty. */
export function reasonEvent(type: 'force_delivery' | 'cancel', reason: string) {
  const text = reason.trim();
  return text ? { type, reason: text } : null;
}

export interface RefundDraft {
  amount: string;
  reason: string;
  /** yyyy-mm-dd, local (what <input type="date"> gives). */
  date: string;
}

export type RefundErrors = Partial<
  Record<'amount' | 'reason' | 'date', 'amountInvalid' | 'amountZero' | 'amountTooHigh' | 'reasonMissing' | 'dateInvalid' | 'dateFuture'>
>;

export function defaultRefundDraft(maxAmountMinor: number | null, now: Date): RefundDraft {
  return { amount: maxAmountMinor ? minorToInput(maxAmountMinor) : '', reason: '', date: dateInputValue(now) };
}

/** 15050 → "150.50" (what the amount field starts with). */
export function minorToInput(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

/**
 * When the money went back: today means now; an earlier day means its local noon (so the
 * date reads the same in any nearby time zone). Null for a day that does not exist or is ahead.
 */
export function refundedAtOf(value: string, now: Date): { at: string } | { error: 'dateInvalid' | 'dateFuture' } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return { error: 'dateInvalid' };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day, 12, 0, 0);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return { error: 'dateInvalid' };
  const today = dateInputValue(now);
  if (value === today) return { at: now.toISOString() };
  if (value > today) return { error: 'dateFuture' };
  return { at: date.toISOString() };
}

export function refundEvent(
  draft: RefundDraft,
  { maxAmountMinor, currency, now }: { maxAmountMinor: number | null; currency: string; now: Date },
):
  | { event: { type: 'record_refund'; amountMinor: number; currency: string; reason: string; refundedAt: string } }
  | { errors: RefundErrors } {
  const errors: RefundErrors = {};
  const amountMinor = parseMoney(draft.amount);
  if (amountMinor === null) errors.amount = 'amountInvalid';
  else if (amountMinor === 0) errors.amount = 'amountZero';
  else if (maxAmountMinor !== null && amountMinor > maxAmountMinor) errors.amount = 'amountTooHigh';
  const reason = draft.reason.trim();
  if (!reason) errors.reason = 'reasonMissing';
  const when = refundedAtOf(draft.date, now);
  if ('error' in when) errors.date = when.error;
  if (Object.keys(errors).length > 0 || amountMinor === null || 'error' in when) return { errors };
  return { event: { type: 'record_refund', amountMinor, currency, reason, refundedAt: when.at } };
}

/** Arrow keys, Home and End over a list of `count` rows; null when the key does not move. */
export function nextRowIndex(current: number, key: string, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
