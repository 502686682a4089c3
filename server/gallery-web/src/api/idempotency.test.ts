import { describe, expect, it } from 'vitest';
import { attemptKeys, uuidV4 } from './idempotency';

describe('checkout idempotency keys', () => {
  it('makes RFC 4122 version-4 UUIDs the server accepts', () => {
    const key = uuidV4();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidV4()).not.toBe(key);
  });

  it('reuses the key for the same request and makes a new one when the request changes', () => {
    const keys = attemptKeys();
    const order = { deliveryMethodId: 'full', photoIds: ['a', 'b'] };
    const first = keys.keyFor(order);
    expect(keys.keyFor({ ...order })).toBe(first);
    const changed = keys.keyFor({ ...order, deliveryMethodId: 'web' });
    expect(changed).not.toBe(first);
    keys.reset();
    expect(keys.keyFor({ ...order, deliveryMethodId: 'web' })).not.toBe(changed);
  });
});
