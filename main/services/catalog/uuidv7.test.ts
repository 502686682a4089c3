import { describe, expect, it } from 'vitest';
import { createUuidV7 } from './uuidv7';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('has version 7, the RFC variant, and the timestamp in its first 48 bits', () => {
    const ms = Date.parse('2025-06-01T10:00:00.000Z');
    const id = createUuidV7(() => ms)();
    expect(id).toMatch(V7);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });

  it('sorts strictly in creation order, within one millisecond, across milliseconds and when the clock steps back', () => {
    const times = [1000, 1000, 1000, 1001, 999, 999, 1500, 1500, 2 ** 40];
    let i = 0;
    const next = createUuidV7(() => times[Math.min(i++, times.length - 1)] ?? 0);
    const ids = Array.from({ length: 2000 }, () => next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(V7);
  });
});
