// What the studio e2e tests against the real hosted server share: the server (a child process)
// with a studio account, a shoot folder of fixture images, the studio app in Chromium over the
// browser host, a second browser context for the client; and the steps every such test walks
// through first (create a library and import the shoot, pair, open the client gallery, check out).
import { randomUUID } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createStudio, type ServerProcess, startServerProcess } from '../../main/services/sync/test-support/server-process';
import { sharedImagesDir } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';
import { type BrowserSession, openBrowserSession, screenshotDir } from './browser-session';
import { newVisitor, type Visitor } from './gallery-web-browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface StudioWithServer {
  server: ServerProcess;
  pairingCode: string;
  /** The test's temp folder (library, config and the shoot live under it). */
  dir: string;
  shootDir: string;
  session: BrowserSession;
  client: Visitor;
  /** Full-viewport (or full-page) screenshot of the studio page into test/e2e/screenshots. */
  shot(name: string, fullPage?: boolean): Promise<unknown>;
  /** Closes both browsers, the host and the server; throws if either page logged errors. */
  close(): Promise<void>;
}

export async function startStudioWithServer(options: {
  prefix: string;
  studioName: string;
  shootName: string;
  fixtures: readonly string[];
  client?: BrowserContextOptions;
  /** Extra environment for the server, e.g. SMTP_URL of a test SMTP server. */
  serverEnv?: Record<string, string>;
}): Promise<StudioWithServer> {
  const galleryWebDir = path.join(root, 'out/gallery-web');
  if (!existsSync(path.join(galleryWebDir, 'index.html'))) {
    throw new Error('out/gallery-web is missing: build it with `vite build --config server/gallery-web/vite.config.ts`.');
  }
  // The server runs from its sources (jiti); tell it where the built client page is.
  process.env.PROOFDESK_GALLERY_WEB_DIR = galleryWebDir;
  const server = await startServerProcess(options.serverEnv);
  const pairingCode = await createStudio(server, options.studioName);
  const temp = await makeTempDir(options.prefix);
  const shootDir = path.join(temp.dir, options.shootName);
  await fs.mkdir(shootDir);
  for (const name of options.fixtures) await fs.copyFile(path.join(sharedImagesDir, name), path.join(shootDir, name));
  await fs.mkdir(screenshotDir, { recursive: true });
  const session = await openBrowserSession(path.join(temp.dir, 'config'));
  const client = await newVisitor(
    session.browser,
    options.client ?? { viewport: { width: 1280, height: 800 }, locale: 'pl-PL', deviceScaleFactor: 1 },
  );
  return {
    server,
    pairingCode,
    dir: temp.dir,
    shootDir,
    session,
    client,
    shot: (name, fullPage = false) => session.page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage }),
    async close() {
      await client.context.close();
      await session.close();
      await server.dispose();
      await temp.cleanup();
      expect(client.errors).toEqual([]);
    },
  };
}

/** First run: a new library, then the shoot folder added and imported until every photo has a thumbnail. */
export async function createLibraryAndImport(page: Page, setup: StudioWithServer, libraryName: string, photoCount: number) {
  await page.goto(setup.session.host.openUrl);
  await page.getByLabel('Library name').fill(libraryName);
  await page.getByLabel('Folder', { exact: true }).fill(path.join(setup.dir, 'library'));
  await page.getByRole('button', { name: 'Create library' }).click();
  await page.getByLabel('Shoot folder', { exact: true }).fill(setup.shootDir);
  await page.getByRole('button', { name: 'Add and import' }).click();
  await page.getByRole('grid', { name: 'Photos' }).waitFor();
  await expect.poll(() => page.locator('.cell img').count(), { timeout: 40_000 }).toBe(photoCount);
}

/** Settings: the hosted service's address, then pairing this computer under a name. */
export async function pairWithServer(page: Page, setup: StudioWithServer, deviceName: string) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Hosted service address').fill(setup.server.url);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved', { exact: true }).waitFor();
  const sync = page.getByRole('region', { name: 'Hosted service' });
  // The open library follows the new address at once (no reopening).
  await sync.getByText(setup.server.url, { exact: true }).waitFor();
  await sync.getByLabel('Pairing code').fill(setup.pairingCode);
  await sync.getByLabel('Name of this computer').fill(deviceName);
  await sync.getByRole('button', { name: 'Pair this computer' }).click();
  await sync.getByText('Paired with the studio account').waitFor({ timeout: 15_000 });
  await sync.getByRole('button', { name: 'Sync now' }).waitFor();
}

/** The client's side (a Polish gallery): the link, the access code, and the photo names as the page labels them. */
export async function openClientGallery(page: Page, link: string, code: string, title: string): Promise<string[]> {
  await page.goto(link);
  await page.getByLabel('Kod dostępu').fill(code);
  await page.getByRole('button', { name: 'Otwórz galerię' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.waitForFunction(() => [...document.images].slice(0, 3).every((img) => img.complete && img.naturalWidth > 0));
  const labels = await page
    .getByRole('button', { name: /^Dodaj .+ do koszyka$/ })
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''));
  return labels.map((l) => l.replace(/^Dodaj /, '').replace(/ do koszyka$/, ''));
}

/** The client puts these photos in the basket and orders them: delivery, name, e-mail, a note. */
export async function addToBasket(page: Page, photos: readonly string[]): Promise<void> {
  for (const name of photos) await page.getByRole('button', { name: `Dodaj ${name} do koszyka` }).click();
}

/** The client's checkout of what is in the basket (the gallery page in Polish). */
export async function checkOut(page: Page, contact: { delivery: RegExp; name: string; email: string; note?: string }): Promise<void> {
  await page.getByRole('button', { name: /^Koszyk: \d+ zdj/ }).click();
  await page.getByRole('dialog', { name: 'Twój koszyk' }).getByRole('button', { name: 'Przejdź do zamówienia' }).click();
  await page.getByRole('heading', { level: 1, name: 'Twoje zamówienie' }).waitFor();
  await page.getByRole('radio', { name: contact.delivery }).check();
  await page.getByLabel('Imię i nazwisko').fill(contact.name);
  await page.getByLabel('E-mail').fill(contact.email);
  if (contact.note) await page.getByLabel('Wiadomość dla fotografa (opcjonalnie)').fill(contact.note);
  await page.getByRole('button', { name: 'Złóż zamówienie' }).click();
  await page.getByRole('heading', { level: 1, name: `Dziękujemy, ${contact.name.split(' ')[0]}` }).waitFor();
}

export async function orderPhotos(
  page: Page,
  photos: readonly string[],
  contact: { delivery: RegExp; name: string; email: string; note?: string },
): Promise<void> {
  await addToBasket(page, photos);
  await checkOut(page, contact);
}

/**
 * Shoots → Publish gallery, all photos, to a new client with one priced delivery method, and
 * waits until the gallery is out; returns the client's link and access code.
 */
export async function publishToNewClient(
  page: Page,
  gallery: {
    name: string;
    email: string;
    price: string;
    manualValidation: boolean;
    autoSendDownloadLinks?: boolean;
    retouchBeforeDelivery?: boolean;
  },
): Promise<{ link: string; code: string }> {
  await page.getByRole('button', { name: 'Shoots', exact: true }).click();
  await page.getByRole('button', { name: 'Publish gallery' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish a client gallery' });
  await dialog.waitFor();
  await dialog.getByLabel('Name', { exact: true }).fill(gallery.name);
  await dialog.getByLabel('E-mail').fill(gallery.email);
  await dialog.getByLabel('Price of Digital files, full resolution').fill(gallery.price);
  if (gallery.manualValidation) await dialog.getByRole('checkbox', { name: 'Validate orders manually' }).check();
  if (gallery.retouchBeforeDelivery) await dialog.getByRole('checkbox', { name: 'Retouch before delivery' }).check();
  if (gallery.autoSendDownloadLinks === false) await dialog.getByRole('checkbox', { name: 'Send download links automatically' }).uncheck();
  await dialog.getByRole('button', { name: 'Publish gallery' }).click();
  const progress = page.getByRole('dialog', { name: /^Publishing / });
  const linkElement = progress.getByTestId('gallery-link');
  await linkElement.waitFor({ timeout: 60_000 });
  const link = (await linkElement.textContent()) ?? '';
  const code = (await progress.getByTestId('gallery-code').textContent()) ?? '';
  await progress.getByRole('button', { name: 'Close' }).first().click();
  await progress.waitFor({ state: 'detached' });
  return { link, code };
}

/** Another studio laptop, as the hosted service sees it: a device token and its own requests. */
export interface OtherLaptop {
  /** The id of the order with this number, from the studio's change feed. */
  orderIdOf(number: string): Promise<string>;
  /** A studio action on an order (POST /v1/orders/:orderId/events); answers the HTTP status. */
  act(orderId: string, event: Record<string, unknown>): Promise<number>;
}

/** Settings › Pair another computer gives a single-use code; a second "laptop" redeems it over HTTP. */
export async function pairAnotherLaptop(page: Page, setup: StudioWithServer, deviceName: string): Promise<OtherLaptop> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const sync = page.getByRole('region', { name: 'Hosted service' });
  await sync.getByRole('button', { name: 'Pair another computer' }).click();
  const code = ((await sync.locator('.pair-code__code').textContent()) ?? '').trim();
  const base = setup.server.url;
  const paired = await fetch(`${base}/v1/devices/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName }),
  });
  if (paired.status !== 201) throw new Error(`Pairing the other laptop failed: ${paired.status} ${await paired.text()}`);
  const { token } = (await paired.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  return {
    async orderIdOf(number) {
      const response = await fetch(`${base}/v1/changes?after=0&limit=1000`, { headers: auth });
      const { changes } = (await response.json()) as { changes: { payload: { order?: { id: string; number: string } } }[] };
      const order = changes.map((c) => c.payload.order).find((o) => o?.number === number);
      if (!order) throw new Error(`No order ${number} in the studio's feed`);
      return order.id;
    },
    async act(orderId, event) {
      const response = await fetch(`${base}/v1/orders/${encodeURIComponent(orderId)}/events`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(event),
      });
      return response.status;
    },
  };
}
