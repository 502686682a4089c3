import { describe, expect, it } from 'vitest';
import {
  defaultRefundDraft,
  markPaidEvent,
  minorToInput,
  nextRowIndex,
  reasonEvent,
  refundEvent,
  refundedAtOf,
  shownActions,
} from './order-forms';

const now = new Date(2026, 4, 12, 15, 30, 0);

describe('order page logic', () => {
  it('keeps the backend’s order of actions, Deliver as its own kind, and drops what the studio cannot send', () => {
    const shown = shownActions([
      { action: 'validate', allowed: true, reason: null, maxAmountMinor: null },
      { action: 'mark_paid', allowed: false, reason: 'Validate it first.', maxAmountMinor: null },
      { action: 'deliver', allowed: false, reason: 'Not paid yet.', maxAmountMinor: null },
      { action: 'change_items', allowed: true, reason: null, maxAmountMinor: null },
      { action: 'record_refund', allowed: true, reason: null, maxAmountMinor: 15000 },
    ]);
    expect(shown).toEqual([
      { kind: 'event', action: 'validate', allowed: true, reason: null, maxAmountMinor: null },
      { kind: 'event', action: 'mark_paid', allowed: false, reason: 'Validate it first.', maxAmountMinor: null },
      { kind: 'deliver', allowed: false, reason: 'Not paid yet.' },
      { kind: 'event', action: 'record_refund', allowed: true, reason: null, maxAmountMinor: 15000 },
    ]);
  });

  it('builds mark-paid and reasoned events with trimmed text', () => {
    expect(markPaidEvent({ method: 'offline', reference: '  FV 12/2026 ' })).toEqual({
      type: 'mark_paid',
      method: 'offline',
      reference: 'FV 12/2026',
    });
    expect(markPaidEvent({ method: 'card', reference: '  ' })).toEqual({ type: 'mark_paid', method: 'card' });
    expect(reasonEvent('cancel', '  Client changed their mind ')).toEqual({ type: 'cancel', reason: 'Client changed their mind' });
    expect(reasonEvent('force_delivery', ' ')).toBeNull();
  });

  it('reads a refund amount as minor units, at most what may still be refunded', () => {
    const context = { maxAmountMinor: 15000, currency: 'PLN', now };
    const ok = refundEvent({ amount: '50,50', reason: ' One photo was blurred ', date: '2026-05-12' }, context);
    expect(ok).toEqual({
      event: { type: 'record_refund', amountMinor: 5050, currency: 'PLN', reason: 'One photo was blurred', refundedAt: now.toISOString() },
    });
    expect(refundEvent({ amount: '150.00', reason: 'x', date: '2026-05-12' }, context)).toHaveProperty('event.amountMinor', 15000);
    expect(refundEvent({ amount: '150.01', reason: 'x', date: '2026-05-12' }, context)).toEqual({ errors: { amount: 'amountTooHigh' } });
    expect(refundEvent({ amount: '0', reason: 'x', date: '2026-05-12' }, context)).toEqual({ errors: { amount: 'amountZero' } });
    expect(refundEvent({ amount: 'fifty', reason: '', date: '2026-05-13' }, context)).toEqual({
      errors: { amount: 'amountInvalid', reason: 'reasonMissing', date: 'dateFuture' },
    });
  });

  it('dates a refund: today is now, an earlier day is its local noon, no impossible days', () => {
    expect(refundedAtOf('2026-05-12', now)).toEqual({ at: now.toISOString() });
    const earlier = refundedAtOf('2026-05-02', now);
    if (!('at' in earlier)) throw new Error('expected a date');
    const local = new Date(earlier.at);
    expect([local.getFullYear(), local.getMonth(), local.getDate(), local.getHours()]).toEqual([2026, 4, 2, 12]);
    expect(refundedAtOf('2026-02-30', now)).toEqual({ error: 'dateInvalid' });
    expect(refundedAtOf('', now)).toEqual({ error: 'dateInvalid' });
  });

  it('starts the refund at what may still be refunded, dated today', () => {
    expect(defaultRefundDraft(15050, now)).toEqual({ amount: '150.50', reason: '', date: '2026-05-12' });
    expect(defaultRefundDraft(null, now).amount).toBe('');
    expect(minorToInput(5)).toBe('0.05');
  });

  it('moves through rows with arrows, Home and End, and stays inside the list', () => {
    expect(nextRowIndex(0, 'ArrowDown', 3)).toBe(1);
    expect(nextRowIndex(2, 'ArrowDown', 3)).toBe(2);
    expect(nextRowIndex(0, 'ArrowUp', 3)).toBe(0);
    expect(nextRowIndex(1, 'End', 3)).toBe(2);
    expect(nextRowIndex(2, 'Home', 3)).toBe(0);
    expect(nextRowIndex(1, 'Enter', 3)).toBeNull();
    expect(nextRowIndex(0, 'ArrowDown', 0)).toBeNull();
  });
});
