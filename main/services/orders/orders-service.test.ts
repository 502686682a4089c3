// The order desk on a real catalog: orders as the change feed brings them (built with the real
// state machine, as the server builds them), filters and counts, actions checked at once, shown
// applied while queued, and a refusal from the server shown until dismissed.
import { describe, expect, it } from 'vitest';
import { placeOrder } from '../../../shared/orders';
import { catalogWithOnePhoto } from '../catalog/test-support';
import { createOrdersService } from './orders-service';

const at = '2026-03-04T10:00:00.000Z';
function serverOrder(id: string, number: string, manualValidation: boolean, photoIds = ['p1', 'p2']) {
  const placed = placeOrder({
    type: 'place',
    actor: { kind: 'client' },
    at,
    photoIds,
    totalMinor: 1500 * photoIds.length,
    currency: 'PLN',
    manualValidation,
    retouchBeforeDelivery: false,
  });
  if (!placed.ok) throw new Error(placed.reason);
  return {
    id,
    number,
    galleryId: 'g1',
    state: placed.order.state,
    placedAt: at,
    deliveryMethod: {
      id: 'web',
      kind: 'digital_web',
      label: 'Web size',
      priceMinor: 1500,
      currency: 'PLN',
      vatRateBp: 2300,
      pricing: 'per_photo',
    },
    photoIds,
    contact: { name: 'Anna Nowak', email: 'anna@exmaple.com', phone: null },
    note: 'Black and white, please.',
    totalMinor: placed.order.totalMinor,
    vatMinor: 561,
    currency: 'PLN',
    flow: placed.order,
    history: [placed.transition],
    emails: [
      {
        id: 'e1',
        kind: 'client_order_confirmation',
        to: 'anna@exmaple.com',
        subject: 'Order received',
        language: 'pl',
        status: 'failed',
        detail: '550 no such mailbox',
        attempts: 3,
        createdAt: at,
        sentAt: null,
      },
    ],
  };
}

function desk() {
  const fixture = catalogWithOnePhoto();
  const { catalog } = fixture;
  let seq = 0;
  const feed = (order: ReturnType<typeof serverOrder>, type = 'order.placed') => {
    seq += 1;
    catalog.activity.applyPage([{ seq, type, galleryId: 'g1', at, payload: { order } }], seq);
  };
  feed(serverOrder('o1', '2026-0001', true));
  feed(serverOrder('o2', '2026-0002', false, ['p3']));
  return { ...fixture, feed, orders: createOrdersService({ catalog, deviceName: () => 'Studio laptop' }) };
}

describe('the order desk', () => {
  it('lists orders newest first with a count per filter, and searches number, client and e-mail', () => {
    const { orders } = desk();
    const all = orders.list('all', '');
    expect(all.counts).toEqual({
      all: 2,
      needs_validation: 1,
      awaiting_payment: 1,
      waiting_to_retouch: 0,
      ready_to_deliver: 0,
      delivered: 0,
    });
    expect(orders.list('needs_validation', '').orders.map((o) => [o.number, o.state, o.photoCount, o.totalMinor])).toEqual([
      ['2026-0001', 'awaiting_validation', 2, 3000],
    ]);
    expect(orders.list('all', '0002').orders.map((o) => o.id)).toEqual(['o2']);
    expect(orders.list('all', 'EXMAPLE').orders).toHaveLength(2);
    expect(orders.list('all', 'nobody').orders).toEqual([]);
  });

  it('checks an action with the state machine at once, and shows a queued one applied until the server answers', () => {
    const { catalog, orders, feed } = desk();
    expect(() => orders.act('o1', { type: 'mark_paid', method: 'offline' })).toThrow(/validate/i);
    expect(() => orders.act('o1', { type: 'record_refund', amountMinor: 100, currency: 'PLN', reason: 'x' })).toThrow();
    expect(catalog.outbox.pendingCount()).toBe(0);

    orders.act('o1', { type: 'validate' });
    const paid = orders.act('o1', { type: 'mark_paid', method: 'offline', reference: 'Transfer 12/03' });
    expect(paid).toMatchObject({ state: 'ready_to_deliver', pendingCount: 2, paid: { method: 'offline', reference: 'Transfer 12/03' } });
    expect(paid.pending.map((p) => p.label)).toEqual(['Validate (order 2026-0001)', 'Mark as paid (order 2026-0001)']);
    const cancel = paid.actions.find((a) => a.action === 'cancel');
    expect(cancel).toMatchObject({ allowed: false, reason: expect.stringMatching(/paid/) });
    expect(catalog.outbox.list('pending').map((r) => [r.method, r.path, r.topic])).toEqual([
      ['POST', '/v1/orders/o1/events', 'order:o1'],
      ['POST', '/v1/orders/o1/events', 'order:o1'],
    ]);
    // An older server copy from the feed changes nothing while the actions are queued.
    feed(serverOrder('o1', '2026-0001', true), 'order.updated');
    expect(orders.get('o1').state).toBe('ready_to_deliver');

    // The server took the validation (its answer is the whole order) and refused the payment.
    const [validate, markPaid] = catalog.outbox.list('pending');
    const validated = { ...serverOrder('o1', '2026-0001', true), state: 'awaiting_payment' };
    validated.flow = { ...validated.flow, state: 'awaiting_payment' };
    catalog.transaction(() => {
      catalog.outbox.markDone(validate?.seq as number, validated);
      orders.delivered(validate as never, validated);
    });
    catalog.outbox.markRejected(markPaid?.seq as number, 'This order was cancelled on Studio iMac.', null);
    const after = orders.get('o1');
    expect(after).toMatchObject({ state: 'awaiting_payment', pendingCount: 0, problem: 'This order was cancelled on Studio iMac.' });
    expect(after.rejected).toEqual([
      { seq: markPaid?.seq, label: 'Mark as paid (order 2026-0001)', message: 'This order was cancelled on Studio iMac.' },
    ]);
    expect(orders.dismissProblem('o1', markPaid?.seq as number)).toMatchObject({ problem: null, rejected: [] });
  });

  it('shows the order in full: contact corrected while queued, photos, totals, history and the e-mail log', () => {
    const { orders, catalog } = desk();
    const fixed = orders.correctContact('o1', { email: 'anna@example.com' });
    expect(fixed.contact.email).toBe('anna@example.com');
    const resent = orders.resendEmail('o1', 'e1');
    expect(resent.pending.map((p) => p.label)).toEqual([
      'Correct the client’s e-mail (order 2026-0001)',
      'Resend e-mail (order 2026-0001)',
    ]);
    expect(catalog.outbox.list('pending').map((r) => r.path)).toEqual(['/v1/orders/o1/contact', '/v1/orders/o1/emails/e1/resend']);
    expect(() => orders.resendEmail('o1', 'nope')).toThrow(/not in the order’s log/);
    expect(resent).toMatchObject({
      note: 'Black and white, please.',
      vatMinor: 561,
      photos: [
        { photoId: 'p1', name: 'p1', thumb: null },
        { photoId: 'p2', name: 'p2', thumb: null },
      ],
      emails: [expect.objectContaining({ status: 'failed', detail: '550 no such mailbox' })],
      history: [expect.objectContaining({ from: 'placed', to: 'awaiting_validation', eventType: 'place' })],
    });
    expect(() => orders.get('missing')).toThrow(/not in the library/);
  });
});
