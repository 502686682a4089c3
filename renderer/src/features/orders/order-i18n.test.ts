// Every state, event, filter, action and e-mail the backend can name has its words in both
// languages (the UI builds these keys from the backend's values).
import { describe, expect, it } from 'vitest';
import { orderEventTypes } from '../../../../shared/orders/order-events';
import { studioActions } from '../../../../shared/orders/order-machine';
import { orderFlowStates } from '../../../../shared/orders/order-states';
import { emailKinds, emailStatuses } from '../../../../shared/schemas/orders-api';
import { orderFilters } from '../../../../shared/schemas/orders-desk';
import en from '../../i18n/en.json';
import pl from '../../i18n/pl.json';

const groups: [string, readonly string[]][] = [
  ['state', orderFlowStates],
  ['event', orderEventTypes],
  ['filter', orderFilters],
  ['noneIn', orderFilters],
  ['actions', studioActions],
  ['emails.kind', emailKinds],
  ['emails.status', emailStatuses],
];

function lookup(catalogue: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

describe('order desk words', () => {
  for (const [name, catalogue] of [
    ['English', en],
    ['Polish', pl],
  ] as const) {
    it(`names every order state, event, filter, action and e-mail in ${name}`, () => {
      const missing = groups.flatMap(([group, values]) =>
        values.map((value) => `orders.${group}.${value}`).filter((key) => typeof lookup(catalogue, key) !== 'string'),
      );
      expect(missing).toEqual([]);
    });
  }
});
