// The order desk end to end (issue 6 point 4), in Chromium against the real hosted server: the
// studio publishes a shoot with "Validate orders manually", a client orders 4 photos, and after
// a sync the order waits in "Needs validation". The studio validates it, then, offline, marks it
// as paid (it shows "Waiting for sync" and already where it leads); back online the server
// confirms, the order is ready to deliver, its history names this computer and its e-mail log
// lists what was sent. An action the machine refuses is unavailable and says why; the client's
// e-mail is corrected and an e-mail resent to the new address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVisitor } from './gallery-web-browser';
import {
  createLibraryAndImport,
  openClientGallery,
  orderPhotos,
  pairAnotherLaptop,
  pairWithServer,
  publishToNewClient,
  type StudioWithServer,
  startStudioWithServer,
} from './studio-with-server';

const fixtures = [
  'camera-canon-1300d-18mp-low-detail.jpg',
  'camera-nikon-d3100-14mp.jpg',
  'meta-xmp-rating4-red-copyright-gps.jpg',
  'orient-6-portrait.jpg',
  'progressive.jpg',
];
const device = 'Studio laptop';

let setup: StudioWithServer;
let link = '';
let code = '';
let ordered: string[] = [];
let orderNumber = '';

beforeAll(async () => {
  setup = await startStudioWithServer({
    prefix: 'proofdesk-e2e-orders-',
    studioName: 'Studio Wiśniewska',
    shootName: 'Kowalska family',
    fixtures,
  });
}, 90_000);

afterAll(async () => {
  await setup?.close();
});

/** Waits for every image on the page (thumbnails) to be decoded, so screenshots show them. */
const imagesLoaded = () =>
  setup.session.page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));

describe('the order desk in Chromium against the hosted service', { timeout: 90_000 }, () => {
  it('publishes a shoot with manual validation, and the client orders 4 photos', async () => {
    const { page } = setup.session;
    await createLibraryAndImport(page, setup, 'Studio Wiśniewska', fixtures.length);
    await pairWithServer(page, setup, device);
    ({ link, code } = await publishToNewClient(page, {
      name: 'Ewa Kowalska',
      email: 'ewa.kowalska@example.pl',
      price: '30',
      manualValidation: true,
    }));

    const client = setup.client.page;
    const names = await openClientGallery(client, link, code, 'Kowalska family');
    ordered = names.slice(0, 4);
    await orderPhotos(client, ordered, {
      delivery: /Pliki cyfrowe w pełnej rozdzielczości/,
      name: 'Ewa Kowalska',
      email: 'ewa.kowalska@example.pl',
      note: 'Jedno zdjęcie poproszę w czerni i bieli.',
    });
  });

  it('shows the order under "Needs validation" after a sync, with search and keyboard', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Orders', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    const tabs = page.getByRole('tablist', { name: 'Show orders' });
    const needs = tabs.getByRole('tab', { name: 'Needs validation 1' });
    await needs.waitFor({ timeout: 20_000 });
    await tabs.getByRole('tab', { name: 'All 1' }).waitFor();
    await tabs.getByRole('tab', { name: 'Awaiting payment 0' }).waitFor();
    await needs.click();
    expect(await needs.getAttribute('aria-selected')).toBe('true');

    const table = page.getByRole('table', { name: 'Orders' });
    const row = table.getByRole('row').nth(1);
    await row.getByText('Ewa Kowalska').waitFor();
    await row.getByText('Kowalska family').waitFor();
    await row.getByRole('cell', { name: '4', exact: true }).waitFor();
    await row.getByText('Pliki cyfrowe w pełnej rozdzielczości').waitFor();
    await row.getByText('PLN 120.00').waitFor();
    await row.getByText('Awaiting validation').waitFor();
    orderNumber = (await row.getByRole('rowheader').textContent()) ?? '';
    expect(orderNumber).not.toBe('');

    // Search: by e-mail, by number, and a miss that says so.
    const search = page.getByLabel('Search orders');
    await search.fill('ewa.kowalska@');
    await page.getByText('1 order', { exact: true }).waitFor();
    await search.fill('nobody-here');
    await page.getByText('No order here matches “nobody-here”.').waitFor();
    await search.fill(orderNumber);
    await row.getByText('Ewa Kowalska').waitFor();
    await search.fill('');
    // The other tabs: arrows move along them; Awaiting payment is empty for now.
    await needs.focus();
    await page.keyboard.press('ArrowRight');
    await page.getByText('No order is waiting for payment.').waitFor();
    await page.keyboard.press('ArrowLeft');
    await row.getByText('Ewa Kowalska').waitFor();
    await setup.shot('25-orders-desk');

    // Keyboard: the row's button opens the order.
    await page.getByRole('button', { name: `Open order ${orderNumber}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` }).waitFor();
  });

  it('shows the order page: client, photos, totals, actions in the machine’s order', async () => {
    const { page } = setup.session;
    await page.getByRole('link', { name: 'ewa.kowalska@example.pl' }).waitFor();
    await page.getByText('Gallery “Kowalska family”', { exact: false }).waitFor();
    const photos = page.getByRole('list', { name: 'Ordered photos' });
    await expect.poll(() => photos.getByRole('img').count()).toBe(4);
    for (const name of ordered) await photos.getByText(name, { exact: true }).waitFor();
    const payment = page.getByRole('region', { name: 'Payment' });
    await payment.getByText('PLN 120.00').waitFor();
    await payment.getByText('Not paid yet').waitFor();
    await payment.getByText('Jedno zdjęcie poproszę w czerni i bieli.').waitFor();

    const actions = page.getByRole('region', { name: 'Actions' });
    const names = await actions.getByRole('button').allTextContents();
    expect(names).toEqual([
      'Validate',
      'Mark as paid',
      'Force delivery',
      'Mark retouch completed',
      'Deliver',
      'Mark as completed',
      'Cancel order',
      'Record refund',
    ]);
    const markPaid = actions.getByRole('button', { name: 'Mark as paid' });
    expect(await markPaid.getAttribute('aria-disabled')).toBe('true');
    expect(await description(markPaid)).toBe('This order is waiting for your validation. Validate it first, then mark it as paid.');
    // The "New order" notice has said its piece.
    const toasts = page.getByRole('status', { name: 'Notifications' });
    for (const dismiss of await toasts.getByRole('button', { name: 'Dismiss notification' }).all()) await dismiss.click();
    await imagesLoaded();
    await setup.shot('26-order-page', true);
  });

  it('validates, then marks it as paid offline: waiting for sync, then confirmed by the server', async () => {
    const { page } = setup.session;
    const actions = page.getByRole('region', { name: 'Actions' });
    const title = page.locator('.order-page__title-row');
    await actions.getByRole('button', { name: 'Validate' }).click();
    await title.getByText('Awaiting payment').waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => page.getByTestId('order-pending').count(), { timeout: 20_000 }).toBe(0);
    const history = page.getByRole('list', { name: 'History' });
    await history.getByText('Awaiting validation → Awaiting payment').waitFor({ timeout: 20_000 });

    // Force delivery and cancel ask why first, and say what they mean for an unpaid order.
    await actions.getByRole('button', { name: 'Force delivery' }).click();
    const force = page.getByRole('dialog', { name: `Force delivery of order ${orderNumber}?` });
    await force.getByText('Ewa Kowalska hasn’t paid for this order (PLN 120.00).').waitFor();
    await force.getByRole('button', { name: 'Force delivery' }).click();
    await force.getByText('Say why, in a few words.').waitFor();
    await force.getByRole('button', { name: 'Cancel' }).click();
    await force.waitFor({ state: 'detached' });
    await actions.getByRole('button', { name: 'Cancel order' }).click();
    const cancel = page.getByRole('dialog', { name: `Cancel order ${orderNumber}?` });
    await cancel.getByText(/^Only before payment/).waitFor();
    await cancel.getByRole('button', { name: 'Keep the order' }).click();
    await cancel.waitFor({ state: 'detached' });

    // The hosted service goes away: marking as paid still works, and waits for sync.
    await setup.server.kill();
    await actions.getByRole('button', { name: 'Mark as paid' }).click();
    const dialog = page.getByRole('dialog', { name: `Mark order ${orderNumber} as paid` });
    await dialog.getByText('PLN 120.00 from Ewa Kowalska').waitFor();
    expect(await dialog.getByRole('radio', { name: 'Bank transfer or cash' }).isChecked()).toBe(true);
    await dialog.getByLabel('Reference (optional)').fill(`Przelew ${orderNumber}`);
    await setup.shot('27-order-mark-paid');
    await dialog.getByRole('button', { name: 'Mark as paid' }).click();
    await dialog.waitFor({ state: 'detached' });
    const pending = page.getByTestId('order-pending');
    await pending.getByText(`Waiting for sync: Mark as paid (order ${orderNumber})`).waitFor();
    // The order already shows where the payment leads.
    await title.getByText('Ready to deliver').waitFor();
    await title.getByText('Waiting for sync').waitFor();
    await page.getByRole('region', { name: 'Payment' }).getByText(`Reference: Przelew ${orderNumber}`).waitFor();

    await setup.server.restart();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await pending.waitFor({ state: 'detached', timeout: 30_000 });
    await history.getByText('Awaiting payment → Ready to deliver').waitFor({ timeout: 20_000 });
    // Both transitions name this computer as the hosted service knows it.
    for (const event of ['Validated', 'Marked as paid']) {
      await history.getByRole('listitem').filter({ hasText: event }).getByText(device, { exact: false }).waitFor();
    }

    // The e-mail log: what went to whom, and how it went. The server sends in the background and
    // tells the studio with the order's next change: the e-mails before the payment are sent.
    const emails = page.getByRole('list', { name: 'E-mails' });
    const email = (kind: string) => emails.getByRole('listitem').filter({ hasText: kind });
    await email('Order confirmation').getByText('Sent', { exact: true }).waitFor();
    await email('Payment instructions').getByText('Sent', { exact: true }).waitFor();
    await email('Payment instructions').getByText('to ewa.kowalska@example.pl', { exact: false }).waitFor();
    await email('Payment received').waitFor();
    await email('New order (to the studio)').waitFor();

    // The desk moved it on: nothing needs validation, one order is ready to deliver.
    await page.getByRole('button', { name: 'All orders' }).click();
    await page.getByRole('tab', { name: 'Needs validation 0' }).waitFor();
    await page.getByRole('tab', { name: 'Ready to deliver 1' }).click();
    await page.getByRole('table', { name: 'Orders' }).getByText('Ready to deliver').waitFor();
    await page.getByRole('button', { name: `Open order ${orderNumber}` }).click();
    await page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` }).waitFor();
  });

  it('keeps refused actions visible, unavailable, with the machine’s sentence', async () => {
    const { page } = setup.session;
    const actions = page.getByRole('region', { name: 'Actions' });
    const cancel = actions.getByRole('button', { name: 'Cancel order' });
    expect(await cancel.getAttribute('aria-disabled')).toBe('true');
    const sentence =
      'This order is paid, so it can’t be cancelled. If the client gets their money back, refund them outside Proofdesk and record the refund here.';
    expect(await description(cancel)).toBe(sentence);
    // Delivering is not a button here: Photo delivery, on the same page, does it.
    expect(await description(actions.getByRole('button', { name: 'Deliver', exact: true }))).toMatch(
      /^Deliver to client in Photo delivery, below/,
    );
    // Focused (or pointed at), it says why in the line under the buttons too.
    await cancel.focus();
    await actions.locator('[aria-live]').getByText(sentence).waitFor();
    // Pressing it opens nothing: it only says why again.
    await page.keyboard.press('Enter');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await imagesLoaded();
    await setup.shot('28-order-refused');

    // A refund is recorded, not made: at most what was paid.
    await actions.getByRole('button', { name: 'Record refund' }).click();
    const refund = page.getByRole('dialog', { name: `Record a refund for order ${orderNumber}` });
    await refund.getByText('The money goes back outside Proofdesk').waitFor();
    expect(await refund.getByLabel('Amount (PLN)').inputValue()).toBe('120.00');
    await refund.getByLabel('Amount (PLN)').fill('200');
    await refund.getByRole('button', { name: 'Record refund' }).click();
    await refund.getByText('At most PLN 120.00 can still be refunded.').waitFor();
    await refund.getByText('Say why, in a few words.').waitFor();
    await refund.getByLabel('Amount (PLN)').fill('30,00');
    await refund.getByLabel('Reason').fill('Jedno zdjęcie nie do uratowania');
    await refund.getByRole('button', { name: 'Record refund' }).click();
    await refund.waitFor({ state: 'detached' });
    const payment = page.getByRole('region', { name: 'Payment' });
    await payment.getByText('Jedno zdjęcie nie do uratowania').waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('order-pending').waitFor({ state: 'detached', timeout: 30_000 });
    await payment.getByText('PLN 30.00', { exact: true }).waitFor();
    await page.getByRole('list', { name: 'History' }).getByText('Refund recorded', { exact: true }).waitFor();
  });

  it('corrects the client’s e-mail and resends an e-mail to the new address', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Correct e-mail' }).click();
    const dialog = page.getByRole('dialog', { name: `Correct the e-mail of order ${orderNumber}` });
    await dialog.getByLabel('E-mail').fill('ewa@kowalska.example.pl');
    await dialog.getByRole('button', { name: 'Save e-mail' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'ewa@kowalska.example.pl' }).waitFor();

    const emails = page.getByRole('list', { name: 'E-mails' });
    await page.getByText('the client’s to the order’s current address, ewa@kowalska.example.pl').waitFor();
    await page.getByRole('button', { name: 'Resend “Payment received” to ewa@kowalska.example.pl' }).first().click();
    await page
      .getByTestId('order-pending')
      .getByText(/Waiting for sync: Resend e-mail/)
      .waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('order-pending').waitFor({ state: 'detached', timeout: 30_000 });
    await emails.getByText('to ewa@kowalska.example.pl', { exact: false }).first().waitFor({ timeout: 20_000 });
    const received = emails.getByRole('listitem').filter({ hasText: 'Payment received' });
    expect(await received.count()).toBe(2);
    // The first one went out after the payment (the refund brought its status back).
    await received.first().getByText('Sent', { exact: true }).waitFor();
  });

  it('opens the order from the client’s page', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Clients & galleries', exact: true }).click();
    await page.getByRole('button', { name: 'Ewa Kowalska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ewa Kowalska' }).waitFor();
    await page.getByRole('button', { name: `View order ${orderNumber}` }).click();
    const dialog = page.getByRole('dialog', { name: `Order ${orderNumber}` });
    await dialog.getByText('Ready to deliver').waitFor();
    await dialog.getByRole('button', { name: 'Open in order desk' }).click();
    await page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` }).waitFor();
    expect(await page.getByRole('button', { name: 'Orders', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('tells when the server refused an action because another laptop got there first, until dismissed', async () => {
    const { page } = setup.session;
    // A second order, from a fresh browser.
    const visitor = await newVisitor(setup.session.browser, { viewport: { width: 1280, height: 800 }, locale: 'pl-PL' });
    // (Only photos not in the basket offer "add": the last fixture is one of them.)
    const names = await openClientGallery(visitor.page, link, code, 'Kowalska family');
    await orderPhotos(visitor.page, names.slice(-1), {
      delivery: /Pliki cyfrowe w pełnej rozdzielczości/,
      name: 'Ewa Kowalska',
      email: 'ewa@kowalska.example.pl',
    });
    await visitor.context.close();
    expect(visitor.errors).toEqual([]);

    const other = await pairAnotherLaptop(page, setup, 'Studio iMac');
    await page.getByRole('button', { name: 'Orders', exact: true }).click();
    await page.getByRole('button', { name: 'All orders' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('tab', { name: 'Needs validation 1' }).click();
    const row = page.getByRole('table', { name: 'Orders' }).getByRole('row').filter({ hasText: 'Awaiting validation' });
    await row.waitFor();
    const second = ((await row.getByRole('rowheader').textContent()) ?? '').trim();
    expect(second).not.toBe(orderNumber);
    await row.getByRole('button', { name: `Open order ${second}` }).click();
    await page.getByRole('heading', { level: 1, name: `Order ${second}` }).waitFor();

    // The iMac cancels it; this laptop, not synced since, validates it.
    expect(await other.act(await other.orderIdOf(second), { type: 'cancel', reason: 'The client asked by phone.' })).toBe(200);
    await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Validate' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: `Refused by the hosted service: Validate (order ${second})` });
    await refusal
      .getByText('This order is cancelled, so it can’t change any more. Create a new order instead.')
      .waitFor({ timeout: 20_000 });
    await page.locator('.order-page__title-row').getByText('Cancelled').waitFor();
    await page.getByRole('list', { name: 'History' }).getByText('Studio iMac', { exact: false }).waitFor();

    // The desk marks the order until the refusal is read.
    await page.getByRole('button', { name: 'All orders' }).click();
    await page.getByRole('tab', { name: 'All 2' }).click();
    await page.getByText(/^Refused by the hosted service: This order is cancelled/).waitFor();
    // Up and down the rows by keyboard (newest first).
    await page.getByRole('button', { name: `Open order ${second}` }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Open order ${orderNumber}`);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Open order ${second}`);
    await page.getByRole('button', { name: `Open order ${second}` }).click();
    await refusal.getByRole('button', { name: `Dismiss the refusal of Validate (order ${second})` }).click();
    await refusal.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'All orders' }).click();
    await page.getByRole('table', { name: 'Orders' }).getByText('Cancelled').waitFor();
    expect(await page.getByText(/^Refused by the hosted service/).count()).toBe(0);
    await page.getByRole('button', { name: `Open order ${orderNumber}` }).click();
  });

  it('shows the order desk and the order in Polish', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Language').selectOption('pl');
    await page.getByRole('button', { name: 'Zamówienia', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Zamówienie ${orderNumber}` }).waitFor();
    const actions = page.getByRole('region', { name: 'Działania' });
    await actions.getByRole('button', { name: 'Zapisz zwrot' }).waitFor();
    await actions.locator('[aria-live]').getByText('Przekaż klientowi w sekcji Przekazanie zdjęć poniżej', { exact: false }).waitFor();
    await page
      .getByRole('region', { name: 'Płatność' })
      .getByText(/^120,00\s*zł zapłacone poza serwisem$/)
      .waitFor();
    await page.getByRole('button', { name: 'Wszystkie zamówienia' }).click();
    await page.getByRole('tab', { name: 'Do przekazania 1' }).waitFor();
    await page.getByRole('button', { name: 'Ustawienia' }).click();
    await page.getByLabel('Język').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  });
});

/** The accessible description of an element: the text of what aria-describedby points at. */
async function description(locator: import('playwright-core').Locator): Promise<string> {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );
}
