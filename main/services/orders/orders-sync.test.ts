// The order desk against the real hosted API (child process on loopback): a client's order
// arrives through the feed, the studio's actions go out through the outbox (offline first) and
// come back confirmed by the server with its history; a disagreement between two laptops is
// settled by the server, and the loser is shown the server's sentence.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPublishingStudio } from '../publishing/test-support/publishing-studio';
import { createApiClient } from '../sync/api-client';
import { readCredentials } from '../sync/device-credentials';
import { type ServerProcess, startServerProcess } from '../sync/test-support/server-process';
import { untilDrained } from '../sync/test-support/studio-fixture';
import { createOrdersService } from './orders-service';
import { studioWithOrder as withOrder } from './test-support/studio-with-order';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(async () => {
  await server?.dispose();
});

it('validates and marks paid offline, then the server confirms: state, history with the device, e-mail log', async () => {
  const { studio, orders, orderId } = await withOrder(server);
  expect(orders.list('needs_validation', '').orders.map((o) => o.id)).toEqual([orderId]);
  const placed = orders.get(orderId);
  expect(placed).toMatchObject({ state: 'awaiting_validation', photoCount: 4, totalMinor: 4 * 1500, pendingCount: 0 });
  expect(placed.history.map((h) => h.eventType)).toEqual(['place']);

  orders.act(orderId, { type: 'validate' });
  orders.act(orderId, { type: 'mark_paid', method: 'offline', reference: 'Transfer 2026/03/04' });
  orders.correctContact(orderId, { email: 'anna@example.com' });
  expect(orders.get(orderId)).toMatchObject({ state: 'ready_to_deliver', pendingCount: 3, contact: { email: 'anna@example.com' } });

  await untilDrained(studio);
  const confirmed = orders.get(orderId);
  expect(confirmed).toMatchObject({ state: 'ready_to_deliver', pendingCount: 0, problem: null, contact: { email: 'anna@example.com' } });
  expect(confirmed.paid).toMatchObject({ method: 'offline', reference: 'Transfer 2026/03/04' });
  expect(confirmed.history.map((h) => [h.from, h.to, h.eventType])).toEqual([
    ['placed', 'awaiting_validation', 'place'],
    ['awaiting_validation', 'awaiting_payment', 'validate'],
    ['awaiting_payment', 'ready_to_deliver', 'mark_paid'],
  ]);
  expect(confirmed.history.slice(1).every((h) => h.who === 'Studio laptop')).toBe(true);
  expect(confirmed.emails.length).toBeGreaterThanOrEqual(2);
  expect(orders.list('ready_to_deliver', '').counts).toMatchObject({ needs_validation: 0, ready_to_deliver: 1 });
  // Exactly once on the server, whatever the retries: one transition per action.
  expect(server.count("SELECT count(*) FROM order_transitions WHERE order_id = ? AND event_type = 'mark_paid'", orderId)).toBe(1);

  // Resend the confirmation: it goes to the corrected address.
  const confirmation = confirmed.emails.find((e) => e.kind === 'client_order_confirmation');
  orders.resendEmail(orderId, confirmation?.id as string);
  await untilDrained(studio);
  const resent = orders.get(orderId).emails.filter((e) => e.kind === 'client_order_confirmation');
  expect(resent.map((e) => e.to)).toEqual(expect.arrayContaining(['anna@exmaple.com', 'anna@example.com']));
});

it('two laptops disagree: one cancels, the other marks paid; the server keeps the first and the second is told why', async () => {
  const { studio: a, orders: desk, orderId } = await withOrder(server);
  const b = await openPublishingStudio(server.url);
  const token = (await readCredentials(a.secrets))?.token;
  const issued = await createApiClient(fetch, server.url).request('POST', '/v1/pairing-codes', { token });
  await b.sync.pair(server.url, (issued.body as { code: string }).code, 'Studio iMac');
  await b.sync.syncNow();
  const deskB = createOrdersService({ catalog: b.catalog, deviceName: () => 'Studio iMac' });
  desk.act(orderId, { type: 'validate' });
  await untilDrained(a);
  await b.sync.syncNow();

  // Both offline-ish at once: B cancels, A marks paid; B's goes first.
  deskB.act(orderId, { type: 'cancel', reason: 'The client asked to start over.' });
  desk.act(orderId, { type: 'mark_paid', method: 'offline' });
  await untilDrained(b);
  await untilDrained(a);
  await a.sync.syncNow();
  const seen = desk.get(orderId);
  expect(seen.state).toBe('cancelled');
  expect(seen.rejected).toEqual([
    { seq: expect.any(Number), label: `Mark as paid (order ${seen.number})`, message: expect.stringMatching(/cancel/i) },
  ]);
  expect(seen.problem).toMatch(/cancel/i);
  expect(deskB.get(orderId)).toMatchObject({ state: 'cancelled', problem: null });
});
