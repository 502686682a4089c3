// The studio's payment settings against the real hosted API: changed offline (queued, shown as they
// will be), sent on sync, read back; the client's order then shows the payment instructions.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStudio, type ServerProcess, startServerProcess } from '../sync/test-support/server-process';
import { openStudio, untilDrained } from '../sync/test-support/studio-fixture';
import { createStudioSettings } from './studio-settings';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(async () => {
  await server?.dispose();
});

it('keeps the last known settings offline, queues a change, and reads the server’s after sync', async () => {
  const studio = openStudio(server.url);
  const settings = createStudioSettings(studio.catalog, (p) => studio.sync.read(p));
  // Not paired yet: nothing to read, the defaults, and says they are not fresh.
  expect(await settings.get()).toEqual({
    settings: { paymentInstructions: '', notificationEmail: null, cardPayments: false },
    pending: false,
    fresh: false,
  });
  await studio.sync.pair(server.url, await createStudio(server), 'Studio laptop');
  expect((await settings.get()).fresh).toBe(true);

  const wanted = {
    paymentInstructions: 'Przelew: PL61 1090 1014 0000 0712 1981 2874, tytuł: numer zamówienia',
    notificationEmail: 'zamowienia@example.pl',
    cardPayments: false,
  };
  expect(settings.save(wanted)).toEqual({ settings: wanted, pending: true, fresh: false });
  await untilDrained(studio);
  expect(await settings.get()).toEqual({ settings: wanted, pending: false, fresh: true });
  expect(server.count("SELECT count(*) FROM studio_settings WHERE notification_email = 'zamowienia@example.pl'")).toBe(1);
  // Refused by the server (no card provider on this one): the sentence stays on the outbox row.
  settings.save({ ...wanted, cardPayments: true });
  await untilDrained(studio);
  const refused = studio.catalog.outbox.list('rejected').at(-1);
  expect(refused).toMatchObject({ label: 'Payment settings', lastError: expect.stringMatching(/card/i) });
  expect((await settings.get()).settings.cardPayments).toBe(false);
  expect(() => settings.save({ ...wanted, notificationEmail: 'not-an-address' })).toThrow();
});
