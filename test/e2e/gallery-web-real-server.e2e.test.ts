// The gallery page against the real hosted API (server/, on SQLite): a studio publishes real
// proofs through the studio routes, then a phone-sized Chromium opens the link with the code,
// hearts 3 photos, fills the basket with 5 and orders; the order page survives a reload. The
// fake-API suite covers the edge cases; this one proves the page and the server agree.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryMethod, GallerySettings } from '../../shared/schemas/hosted-api';
import { launchChromium, newVisitor, paintWholePage, type Visitor } from './gallery-web-browser';
import { type PublishedGallery, type RealGalleryServer, startRealGalleryServer } from './gallery-web-real-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webRoot = path.join(root, 'out/gallery-web');
const screenshotDir = path.join(root, 'test/e2e/screenshots');

const methods: DeliveryMethod[] = [
  {
    id: 'full',
    kind: 'digital_full',
    label: 'Full-resolution files',
    priceMinor: 3000,
    currency: 'PLN',
    vatRateBp: 2300,
    pricing: 'per_photo',
  },
];

const settings: GallerySettings = {
  expiresAt: null,
  allowWebDownloads: false,
  watermark: false,
  manualValidation: true,
  retouchBeforeDelivery: false,
  autoSendDownloadLinks: true,
  saveDeterrent: true,
};

let server: RealGalleryServer;
let browser: Browser;
let visitor: Visitor;
let gallery: PublishedGallery;

describe('client gallery page on the real server', { timeout: 45_000 }, () => {
  beforeAll(async () => {
    if (!existsSync(path.join(webRoot, 'index.html'))) {
      throw new Error('out/gallery-web is missing: build it with `vite build --config server/gallery-web/vite.config.ts`.');
    }
    server = await startRealGalleryServer(webRoot);
    gallery = await server.publish({ title: 'Ola i Marek', photoCount: 8, settings, deliveryMethods: methods });
    browser = await launchChromium();
    visitor = await newVisitor(browser, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'pl-PL',
    });
  }, 60_000);

  afterAll(async () => {
    await visitor?.context.close();
    await browser?.close();
    await server?.close();
    expect(visitor?.errors ?? []).toEqual([]);
  });

  it('opens with the code, hearts 3, baskets 5, orders, and shows the order after a reload', async () => {
    const { page } = visitor;
    await page.goto(`${server.origin}/g/${gallery.slug}`);
    await page.getByLabel('Kod dostępu').fill('NIE-TEN-KOD');
    await page.getByRole('button', { name: 'Otwórz galerię' }).tap();
    await page.getByRole('alert').waitFor(); // The server's own refusal, whatever its words.
    await page.getByLabel('Kod dostępu').fill(gallery.code);
    await page.getByRole('button', { name: 'Otwórz galerię' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Ola i Marek' }).waitFor();
    await page.getByText('8 zdjęć').first().waitFor();
    // The proofs come through the pd_client cookie and decode as real images.
    await page.waitForFunction(() => [...document.images].slice(0, 3).every((img) => img.complete && img.naturalWidth > 0));

    const [a, b, c, d, e] = gallery.photoNames;
    for (const name of [a, b, c]) await page.getByRole('button', { name: `Ulubione: ${name}` }).tap();
    for (const name of [a, b, c, d, e]) await page.getByRole('button', { name: `Dodaj ${name} do koszyka` }).tap();
    await page.getByRole('button', { name: 'Ulubione: 3 zdjęcia' }).waitFor();
    await page.getByRole('button', { name: 'Koszyk: 5 zdjęć' }).tap();
    await page.getByRole('dialog', { name: 'Twój koszyk' }).getByRole('button', { name: 'Przejdź do zamówienia' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Twoje zamówienie' }).waitFor();
    await page.getByRole('radio', { name: /Full-resolution files/ }).check();
    await page.getByLabel('Imię i nazwisko').fill('Ola Wiśniewska');
    await page.getByLabel('E-mail').fill('ola@example.pl');
    await page.getByRole('button', { name: 'Złóż zamówienie' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Dziękujemy, Ola' }).waitFor();
    await page.getByText('Oczekuje na weryfikację', { exact: true }).waitFor();
    await page
      .getByText(/150,00\s*zł/)
      .first()
      .waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#order=/);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Dziękujemy, Ola' }).waitFor();
    await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    await paintWholePage(page);
    await page.screenshot({ path: path.join(screenshotDir, 'gallery-r01-real-server-order.png'), fullPage: true });
  });
});
