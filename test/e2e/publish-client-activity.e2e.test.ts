// The loop of issue 5 end to end, in Chromium against the real hosted server (a child process):
// the studio imports a shoot, pairs with the server, publishes the shoot to a new client through
// the dialog (offline first: the gallery waits in the outbox, then goes out), the client opens
// the link in a second browser context, hearts 3 photos, puts 5 in the basket and orders; after
// a sync the studio's client page shows the view time, basket, favourites, the order and the
// timeline, and the "New order" notice pops up.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir } from './browser-session';
import { paintWholePage } from './gallery-web-browser';
import {
  addToBasket,
  checkOut,
  createLibraryAndImport,
  openClientGallery,
  pairWithServer,
  type StudioWithServer,
  startStudioWithServer,
} from './studio-with-server';

const fixtures = [
  'camera-canon-1300d-18mp-low-detail.jpg',
  'camera-nikon-d3100-14mp.jpg',
  'meta-xmp-rating4-red-copyright-gps.jpg',
  'orient-6-portrait.jpg',
  'png-alpha.png',
  'progressive.jpg',
  'raw-synthetic-nikon-preview3000.nef',
  'color-display-p3.jpg',
];

let setup: StudioWithServer;
let link = '';
let code = '';
let photoNames: string[] = [];
let orderNumber = '';

const shot = (name: string, fullPage = false) => setup.shot(name, fullPage);

beforeAll(async () => {
  setup = await startStudioWithServer({
    prefix: 'proofdesk-e2e-publish-',
    studioName: 'Studio Nowak',
    shootName: 'Nowak wedding',
    fixtures,
  });
  await setup.session.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: setup.session.host.origin });
}, 90_000);

afterAll(async () => {
  await setup?.close();
});

describe('publish a shoot and follow the client in Chromium', { timeout: 90_000 }, () => {
  it('imports a shoot and pairs this computer with the hosted service', async () => {
    const { page } = setup.session;
    await createLibraryAndImport(page, setup, 'Studio Nowak', fixtures.length);
    await pairWithServer(page, setup, 'Studio laptop');
    // A code for the studio's other laptop, from this one.
    const sync = page.getByRole('region', { name: 'Hosted service' });
    await sync.getByRole('button', { name: 'Pair another computer' }).click();
    const issued = sync.getByRole('status');
    await issued.getByText('Pairing code for another computer').waitFor();
    expect(await issued.locator('.pair-code__code').textContent()).toMatch(/^\S{6,}$/);
    await issued.scrollIntoViewIfNeeded();
    await shot('08b-settings-pair-another');
    // Settings › Payments: the transfer details clients see while an order awaits payment.
    const payments = page.getByRole('region', { name: 'Payments' });
    await payments
      .getByLabel('Payment instructions')
      .fill('Przelew na konto PL61 1090 1014 0000 0712 1981 2874, w tytule numer zamówienia.');
    await payments.getByLabel('E-mail for new orders').fill('zamowienia@example.pl');
    await payments.getByRole('button', { name: 'Save payment settings' }).click();
    await payments
      .getByRole('status')
      .filter({ hasText: /Saved|Waiting to be sent/ })
      .waitFor();
    await payments.scrollIntoViewIfNeeded();
    await shot('08c-settings-payments');
  });

  it('publishes the shoot to a new client through the dialog, offline first', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Shoots', exact: true }).click();
    // Two photos selected in the grid: the dialog offers (and starts with) just those.
    await page
      .getByRole('gridcell')
      .nth(0)
      .click({ modifiers: ['ControlOrMeta'] });
    await page
      .getByRole('gridcell')
      .nth(1)
      .click({ modifiers: ['ControlOrMeta'] });
    await page.getByText(`2 of ${fixtures.length} selected`).waitFor();
    await page.getByRole('button', { name: 'Publish gallery' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish a client gallery' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Gallery title').inputValue()).toBe('Nowak wedding');
    expect(await dialog.getByRole('radio', { name: 'The 2 selected photos' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: `All photos (${fixtures.length})` }).check();

    // Errors are named next to their fields, and nothing typed is lost.
    await dialog.getByLabel('Name', { exact: true }).fill('Anna Nowak');
    await dialog.getByLabel('E-mail').fill('anna.nowak@');
    await dialog.getByLabel('Price of Digital files, full resolution').fill('thirty');
    await dialog.getByRole('button', { name: 'Publish gallery' }).click();
    await dialog.getByText('Enter a valid e-mail address, e.g. anna@example.com.').waitFor();
    await dialog.getByText('Enter a price such as 30 or 30.50.').waitFor();
    await dialog.getByRole('alert').filter({ hasText: '2 fields need a look' }).waitFor();
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('Anna Nowak');

    await dialog.getByLabel('E-mail').fill('anna.nowak@example.pl');
    await dialog.getByLabel('Phone (optional)').fill('+48 600 100 200');
    expect(await dialog.getByLabel('Gallery language').inputValue()).toBe('pl');
    await dialog.getByLabel('Price of Digital files, full resolution').fill('30');
    await dialog.getByRole('checkbox', { name: 'Digital files, web size' }).check();
    await dialog.getByLabel('Price of Digital files, web size').fill('120');
    await dialog.getByLabel('Pricing of Digital files, web size').selectOption('package');
    await dialog.getByRole('checkbox', { name: 'Validate orders manually' }).check();
    expect(await dialog.getByLabel('VAT %').inputValue()).toBe('23');
    expect(await dialog.getByLabel('Currency').inputValue()).toBe('PLN');
    await dialog.getByText('Only a deterrent').waitFor();
    await shot('16-publish-dialog');

    // The hosted service goes away: publishing still works, the gallery waits in the outbox.
    await setup.server.kill();
    await dialog.getByRole('button', { name: 'Publish gallery' }).click();
    const progress = page.getByRole('dialog', { name: 'Publishing “Nowak wedding”' });
    await progress.getByText(`${fixtures.length} of ${fixtures.length} proofs`).waitFor({ timeout: 30_000 });
    await progress.getByText('Queued — it goes out with the next sync.').waitFor({ timeout: 15_000 });
    await shot('17-publish-progress');

    await setup.server.restart();
    await progress.getByRole('button', { name: 'Try now' }).click();
    const linkElement = progress.getByTestId('gallery-link');
    await linkElement.waitFor({ timeout: 60_000 });
    link = (await linkElement.textContent()) ?? '';
    code = (await progress.getByTestId('gallery-code').textContent()) ?? '';
    expect(link).toMatch(new RegExp(`^${setup.server.url}/g/`));
    expect(code.length).toBeGreaterThan(3);
    await progress.getByRole('button', { name: 'Copy link' }).click();
    await progress.getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await progress.getByRole('button', { name: 'Open the client’s page' }).click();
  });

  it('shows the yellow banner while the client has not viewed the gallery', async () => {
    const { page } = setup.session;
    await page.getByRole('heading', { level: 1, name: 'Anna Nowak' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Nowak wedding' }).waitFor();
    await page.getByText('Anna Nowak has not viewed the gallery yet').waitFor();
    await page.locator('.pill--published').first().waitFor();
    await page.getByText('No orders yet.').waitFor();
    await shot('18-client-not-viewed', true);
  });

  it('lets the client open the link, heart 3 and put 5 in the basket', async () => {
    const { page } = setup.client;
    photoNames = await openClientGallery(page, link, code, 'Nowak wedding');
    expect(photoNames).toHaveLength(fixtures.length);
    const [a, b, c, d, e] = photoNames as [string, string, string, string, string];
    for (const name of [a, b, c]) await page.getByRole('button', { name: `Ulubione: ${name}`, exact: true }).click();
    await page.getByRole('button', { name: 'Ulubione: 3 zdjęcia' }).waitFor();
    await addToBasket(page, [a, b, c, d, e]);
    await page.getByRole('button', { name: /^Koszyk: 5 zdj/ }).waitFor();
  });

  it('shows the view, the hearts and the basket on "Sync now"', async () => {
    const { page } = setup.session;
    const [a, , , , e] = photoNames as [string, string, string, string, string];
    await page.getByRole('button', { name: 'Sync now' }).click();
    const banner = page.getByTestId('viewed-banner');
    await banner.getByText(/^Anna Nowak first viewed the gallery on /).waitFor({ timeout: 20_000 });
    expect(await page.getByText('has not viewed the gallery yet').count()).toBe(0);
    await page.getByRole('heading', { name: 'Favourites (3)' }).waitFor();
    expect(await page.getByRole('list', { name: 'Favourite photos' }).getByRole('listitem').count()).toBe(3);
    const timeline = page.getByRole('list', { name: 'Activity' });
    await timeline.getByText(`Hearted ${a}`).waitFor();
    await timeline.getByText(`Added ${e} to the basket`).waitFor();

    await page.getByRole('button', { name: /^Show photos in basket/ }).click();
    const basket = page.getByRole('dialog', { name: 'Basket of Anna Nowak' });
    const basketList = basket.getByRole('list', { name: 'Photos in the basket' });
    await expect.poll(() => basketList.getByRole('img').count()).toBe(5);
    for (const name of photoNames.slice(0, 5)) await basketList.getByText(name, { exact: true }).waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('dialog img')].every((img) => (img as HTMLImageElement).naturalWidth > 0),
    );
    await shot('20-client-basket');
    await basket.getByRole('button', { name: 'Close' }).click();
  });

  it('lets the client order the 5 photos in the basket', async () => {
    const { page } = setup.client;
    await checkOut(page, {
      delivery: /Pliki cyfrowe w pełnej rozdzielczości/,
      name: 'Anna Nowak',
      email: 'anna.nowak@example.pl',
      note: 'Portrety poproszę w czerni i bieli.',
    });
    await page
      .getByText(/150,00\s*zł/)
      .first()
      .waitFor();
    await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    await paintWholePage(page);
    await page.screenshot({ path: path.join(screenshotDir, 'gallery-r02-client-order.png'), fullPage: true });
  });

  it('brings the order back to the studio on "Sync now": notice, order, emptied basket, timeline', async () => {
    const { page } = setup.session;
    const [a] = photoNames as [string];
    await page.getByRole('button', { name: 'Sync now' }).click();
    const toasts = page.getByRole('status', { name: 'Notifications' });
    await toasts.getByText(/^New order .* from Anna Nowak: 5 photos in “Nowak wedding”\.$/).waitFor({ timeout: 20_000 });

    const orders = page.getByRole('table', { name: 'Client orders' });
    const row = orders.getByRole('row').nth(1);
    await row.waitFor();
    expect(await orders.getByRole('row').count()).toBe(2);
    await row.getByRole('cell', { name: '5', exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Pliki cyfrowe w pełnej rozdzielczości' }).waitFor();
    await row.getByText('Awaiting validation').waitFor();
    orderNumber = (await row.getByRole('rowheader').textContent()) ?? '';
    expect(orderNumber).not.toBe('');
    // The ordered photos left the client's basket with the order (no accidental second order).
    await page.getByRole('button', { name: /^Show photos in basket\s*0$/ }).waitFor();

    const timeline = page.getByRole('list', { name: 'Activity' });
    await timeline.getByText('Viewed the gallery').first().waitFor();
    await timeline.getByText(`Hearted ${a}`).waitFor();
    await timeline.getByText(`Placed order ${orderNumber}`).waitFor();
    await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    await shot('19-client-activity-notice');
    // Information notices go by themselves; Dismiss takes one away at once.
    await toasts.getByRole('button', { name: 'Dismiss notification' }).click();
    await expect.poll(() => toasts.getByText(/^New order/).count()).toBe(0);
    await shot('19-client-activity', true);

    await page.getByRole('button', { name: `View order ${orderNumber}` }).click();
    const order = page.getByRole('dialog', { name: `Order ${orderNumber}` });
    await order.getByText('Portrety poproszę w czerni i bieli.').waitFor();
    await order.getByText('Pliki cyfrowe w pełnej rozdzielczości').waitFor();
    await order.getByText('PLN 150.00').waitFor();
    expect(await order.getByRole('list', { name: 'Ordered photos' }).getByRole('img').count()).toBe(5);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('dialog img')].every((img) => (img as HTMLImageElement).naturalWidth > 0),
    );
    await shot('21-client-order');
    await page.keyboard.press('Escape');
    await order.waitFor({ state: 'detached' });
  });

  it('corrects the client’s e-mail and makes a new access code after a warning', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Edit details' }).click();
    const edit = page.getByRole('dialog', { name: 'Details of Anna Nowak' });
    await edit.getByLabel('E-mail').fill('anna@nowak.example.pl');
    await edit.getByRole('button', { name: 'Save client' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'anna@nowak.example.pl' }).waitFor();

    await page.getByRole('button', { name: 'New access code' }).click();
    const confirm = page.getByRole('dialog', { name: 'Make a new access code?' });
    await confirm.getByText(/old code stops working/).waitFor();
    await confirm.getByRole('button', { name: 'Make a new code' }).click();
    await expect.poll(async () => page.getByTestId('gallery-code').textContent(), { timeout: 20_000 }).not.toBe(code);

    // Take it offline for the client and bring it back; give it 60 more days.
    await page.getByRole('button', { name: 'Unpublish' }).click();
    await page.locator('.gallery-panel__title-row .pill--unpublished').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Publish again' }).click();
    await page.locator('.gallery-panel__title-row .pill--published').waitFor({ timeout: 20_000 });
    const later = new Date();
    later.setDate(later.getDate() + 60);
    const pad = (n: number) => String(n).padStart(2, '0');
    await page.getByRole('button', { name: 'Extend expiry' }).click();
    await page.getByLabel('New expiry date').fill(`${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}`);
    await page.getByRole('button', { name: 'Save expiry' }).click();
    const expected = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(later);
    await page.getByText(`expires ${expected}`).waitFor();
  });

  it('lists the client with their galleries, views and orders, and searches', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'All clients' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients & galleries' }).waitFor();
    const table = page.getByRole('table', { name: 'Clients' });
    const row = table.getByRole('row', { name: /Anna Nowak/ });
    await row.getByText('anna@nowak.example.pl').waitFor();
    await row.getByText('All viewed').waitFor();
    await page.getByLabel('Search clients').fill('kowalski');
    await page.getByText('No client matches “kowalski”.').waitFor();
    await page.getByLabel('Search clients').fill('NOWAK');
    await row.waitFor();
    await page.getByLabel('Search clients').fill('');
    await shot('22-clients-list');
    await row.getByRole('button', { name: 'Anna Nowak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anna Nowak' }).waitFor();
  });

  it('shows the client page in Polish', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Language').selectOption('pl');
    await page.getByRole('button', { name: 'Klienci i galerie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anna Nowak' }).waitFor();
    await page.getByText('Anna Nowak — pierwsze wyświetlenie galerii:', { exact: false }).waitFor();
    await page.getByRole('button', { name: /^Pokaż zdjęcia w koszyku/ }).waitFor();
    await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    await shot('23-client-activity-polish', true);
    await page.getByRole('button', { name: 'Ustawienia' }).click();
    await page.getByLabel('Język').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  });

  it('shows the shoot’s gallery in the shoot header, one click from the client page', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Shoots', exact: true }).click();
    const galleries = page.getByRole('list', { name: 'Galleries of this shoot' });
    await galleries.getByRole('button', { name: /Nowak wedding.*Published/ }).waitFor();
    await shot('24-shoot-galleries');
    await galleries.getByRole('button', { name: /Nowak wedding/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Anna Nowak' }).waitFor();
  });
});
