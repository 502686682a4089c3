import { describe, expect, it } from 'vitest';
import type { DeliveryMethod } from '../api/client-api';
import { formatMoney, formatVatRate } from './money';
import { quote } from './quote';

const method = (over: Partial<DeliveryMethod>): DeliveryMethod => ({
  id: 'm',
  kind: 'digital_full',
  label: 'Full resolution',
  priceMinor: 2500,
  currency: 'PLN',
  vatRateBp: 2300,
  pricing: 'per_photo',
  ...over,
});

// Intl separates with narrow/no-break spaces; compare with plain ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money on the gallery page', () => {
  it('formats minor units with the currency’s own number of digits', () => {
    expect(plain(formatMoney(12_345, 'PLN', 'pl'))).toBe('123,45 zł');
    expect(plain(formatMoney(12_345, 'EUR', 'en'))).toBe('€123.45');
    expect(plain(formatMoney(500, 'JPY', 'en'))).toBe('JP¥500');
    expect(plain(formatVatRate(2300, 'pl'))).toBe('23%');
  });

  it('prices per photo by the count and a package once, with the VAT it contains', () => {
    expect(quote(method({}), 5)).toEqual({ totalMinor: 12_500, vatMinor: 2337, currency: 'PLN' });
    expect(quote(method({ pricing: 'package', priceMinor: 60_000 }), 5).totalMinor).toBe(60_000);
    expect(quote(method({ pricing: 'package' }), 0).totalMinor).toBe(0);
    expect(quote(method({ vatRateBp: 0 }), 2).vatMinor).toBe(0);
  });
});
