import { describe, expect, it } from 'vitest';
import type { DeliveryMethod } from '../../shared/schemas/hosted-api';
import { orderTotals, vatOfGross } from './order-totals';

const method = (over: Partial<DeliveryMethod>): DeliveryMethod => ({
  id: 'm',
  kind: 'digital_full',
  label: 'Full resolution',
  priceMinor: 1500,
  currency: 'PLN',
  vatRateBp: 2300,
  pricing: 'per_photo',
  ...over,
});

describe('order totals', () => {
  it('per photo: price × photos; VAT is the part of the gross total, rounded to the nearest minor unit', () => {
    // 4500 × 2300 / 12300 = 841.46…
    expect(orderTotals(method({}), 3)).toEqual({ totalMinor: 4500, vatMinor: 841, currency: 'PLN' });
  });

  it('package: the price once, whatever the photo count', () => {
    // 25000 × 2300 / 12300 = 4674.79…
    expect(orderTotals(method({ pricing: 'package', priceMinor: 25_000 }), 40)).toEqual({
      totalMinor: 25_000,
      vatMinor: 4675,
      currency: 'PLN',
    });
  });

  it('rounds halves up and handles 0 % and free', () => {
    // 2100 × 500 / 10500 = 100 exactly; 21 × 10000/20000 = 10.5 → 11
    expect(vatOfGross(2100n, 500)).toBe(100n);
    expect(vatOfGross(21n, 10_000)).toBe(11n);
    expect(orderTotals(method({ vatRateBp: 0 }), 2).vatMinor).toBe(0);
    expect(orderTotals(method({ priceMinor: 0 }), 5)).toEqual({ totalMinor: 0, vatMinor: 0, currency: 'PLN' });
  });

  it('stays exact for large orders and refuses totals beyond safe integers', () => {
    expect(orderTotals(method({ priceMinor: 99_999_999 }), 20_000).totalMinor).toBe(1_999_999_980_000);
    expect(() => orderTotals(method({ priceMinor: Number.MAX_SAFE_INTEGER }), 2)).toThrow(/too large/);
  });
});
