import { describe, expect, it } from 'vitest';
import { orderRequest } from './order-request';

const contact = { name: ' Anna Nowak ', email: 'anna@example.com', phone: ' ', note: '' };

describe('the checkout form as an order request', () => {
  it('builds the contract body, trimming and turning an empty phone into null', () => {
    expect(orderRequest('full', ['a', 'b'], contact)).toEqual({
      ok: true,
      body: {
        deliveryMethodId: 'full',
        photoIds: ['a', 'b'],
        contact: { name: 'Anna Nowak', email: 'anna@example.com', phone: null },
        note: '',
      },
    });
  });

  it('names every problem at once', () => {
    const result = orderRequest(null, [], { ...contact, name: ' ', email: 'anna@' });
    expect(result).toEqual({ ok: false, problems: ['emptyBasket', 'needMethod', 'needName', 'needEmail'] });
  });
});
