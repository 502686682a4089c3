import { expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';

it('full jitter: a random wait below base·2^(attempt-1), never above the cap', () => {
  const options = { baseMs: 1000, capMs: 300_000 };
  expect(backoffDelayMs(1, () => 0.999, options)).toBe(999);
  expect(backoffDelayMs(4, () => 0.5, options)).toBe(4000);
  expect(backoffDelayMs(4, () => 0, options)).toBe(0);
  expect(backoffDelayMs(30, () => 0.999_999, options)).toBeLessThan(300_000);
  expect(backoffDelayMs(10_000, () => 0.5, options)).toBe(150_000);
});
