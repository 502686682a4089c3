import { describe, expect, it } from 'vitest';
import { buildPublishInput, dateInputValue, defaultDraft, endOfLocalDay, parseMoney, parsePercentBasisPoints } from './publish-form';

const now = new Date(2026, 4, 12, 10, 0, 0);
const context = { shootId: 'shoot-1', selectedIds: [] as string[], label: (kind: string) => `Label ${kind}`, now };
const draft = () => ({
  ...defaultDraft({ title: 'Nowak wedding', studioName: 'Studio Nowak', hasClients: false, hasSelection: false, now }),
  name: 'Anna Nowak',
  email: 'anna@example.pl',
});

describe('publish form', () => {
  it('reads prices as integer minor units and VAT as basis points', () => {
    expect(parseMoney('30')).toBe(3000);
    expect(parseMoney('30,5')).toBe(3050);
    expect(parseMoney('30.50')).toBe(3050);
    expect(parseMoney('1 200,00')).toBe(120000);
    expect(parseMoney('0')).toBe(0);
    expect(parseMoney('30,555')).toBeNull();
    expect(parseMoney('-3')).toBeNull();
    expect(parseMoney('')).toBeNull();
    expect(parsePercentBasisPoints('23')).toBe(2300);
    expect(parsePercentBasisPoints('5,5')).toBe(550);
    expect(parsePercentBasisPoints('0')).toBe(0);
    expect(parsePercentBasisPoints('101')).toBeNull();
  });

  it('defaults to 30 days ahead and ends the chosen day in local time', () => {
    expect(draft().expiryDate).toBe('2026-06-11');
    expect(dateInputValue(new Date(2026, 0, 5))).toBe('2026-01-05');
    const end = new Date(endOfLocalDay('2026-06-11') as string);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([2026, 5, 11, 23, 59]);
    expect(endOfLocalDay('2026-02-30')).toBeNull();
  });

  it('builds the contract input for a new client', () => {
    const result = buildPublishInput(draft(), context);
    if (!('input' in result)) throw new Error(JSON.stringify(result.errors));
    expect(result.input.client).toEqual({ name: 'Anna Nowak', email: 'anna@example.pl', phone: null, language: 'pl' });
    expect(result.input.selection).toEqual({ kind: 'all' });
    expect(result.input.deliveryMethods).toEqual([
      {
        id: 'digital_full',
        kind: 'digital_full',
        label: 'Label digital_full',
        priceMinor: 3000,
        currency: 'PLN',
        vatRateBp: 2300,
        pricing: 'per_photo',
      },
    ]);
    expect(result.input.watermarkText).toBe('© Studio Nowak');
    expect(result.input.settings.expiresAt).toBe(endOfLocalDay('2026-06-11'));
  });

  it('names every wrong field and keeps going through all of them', () => {
    const bad = { ...draft(), email: 'anna@', title: ' ', vat: 'x', expiryDate: '2026-05-01', selection: 'selected' as const };
    bad.delivery = bad.delivery.map((d) => ({ ...d, price: 'free' }));
    const result = buildPublishInput(bad, context);
    expect('errors' in result && result.errors).toEqual({
      'client.email': 'publish.errors.email',
      title: 'publish.errors.title',
      selection: 'publish.errors.noSelection',
      'settings.expiresAt': 'publish.errors.expiryPast',
      vat: 'publish.errors.vat',
      'delivery.digital_full.price': 'publish.errors.price',
    });
    const none = { ...draft(), delivery: draft().delivery.map((d) => ({ ...d, enabled: false })) };
    expect('errors' in buildPublishInput(none, context) && buildPublishInput(none, context)).toMatchObject({
      errors: { deliveryMethods: 'publish.errors.noDelivery' },
    });
  });

  it('sends the selected photos and never-expiring galleries', () => {
    const result = buildPublishInput({ ...draft(), selection: 'selected', neverExpires: true }, { ...context, selectedIds: ['p1', 'p2'] });
    if (!('input' in result)) throw new Error('expected an input');
    expect(result.input.selection).toEqual({ kind: 'selected', photoIds: ['p1', 'p2'] });
    expect(result.input.settings.expiresAt).toBeNull();
  });
});
