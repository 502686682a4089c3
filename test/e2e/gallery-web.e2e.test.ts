// The client gallery page in Chromium, against the in-memory fake of the client API: the
// code screen, the grid, the viewer (keys and swipe), hearts, the basket, checkout with a
// dropped connection and a safe retry, the order page surviving a reload; on a desktop in
// English and on a 390×844 phone in Polish. Screenshots land in test/e2e/screenshots.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryMethod } from '../../shared/schemas/hosted-api';
import { launchChromium, newVisitor, paintWholePage, swipe, type Visitor } from './gallery-web-browser';
import { type FakeGalleryApi, startFakeGalleryApi } from './gallery-web-fake-api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webRoot = path.join(root, 'out/gallery-web');
const screenshotDir = path.join(root, 'test/e2e/screenshots');

const eur = (id: string, kind: DeliveryMethod['kind'], label: string, priceMinor: number): DeliveryMethod => ({
  id,
  kind,
  label,
  priceMinor,
  currency: 'EUR',
  vatRateBp: 2300,
  pricing: 'per_photo',
});

const english = {
  slug: 'emma-and-james',
  code: 'LINEN-4821',
  title: 'Emma & James',
  studioName: 'Studio Nowak',
  language: 'en' as const,
  saveDeterrent: false,
  manualValidation: false,
  expiresAt: '2026-09-30T21:59:00.000Z',
  photoCount: 14,
  deliveryMethods: [
    eur('full', 'digital_full', 'Full-resolution digital files', 2500),
    eur('web', 'digital_web', 'Web-size digital files', 900),
    eur('prints', 'print', 'Fine-art prints, 20 × 30 cm', 4500),
  ],
};

const polish = {
  slug: 'ania-i-tomek',
  code: 'SOSNA-7310',
  title: 'Ania i Tomek',
  studioName: 'Studio Nowak',
  language: 'pl' as const,
  saveDeterrent: true,
  manualValidation: true,
  expiresAt: '2026-10-15T21:59:00.000Z',
  photoCount: 12,
  deliveryMethods: [
    {
      id: 'pliki',
      kind: 'digital_full' as const,
      label: 'Pliki w pełnej rozdzielczości',
      priceMinor: 4900,
      currency: 'PLN',
      vatRateBp: 2300,
      pricing: 'per_photo' as const,
    },
    {
      id: 'pakiet',
      kind: 'digital_full' as const,
      label: 'Pakiet: cały wybór',
      priceMinor: 60_000,
      currency: 'PLN',
      vatRateBp: 2300,
      pricing: 'package' as const,
    },
  ],
};

/** Real images, a real browser, screenshots: more than the default 20 s per step. */
const slow = { timeout: 45_000 };

let api: FakeGalleryApi;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error('out/gallery-web is missing: build it with `vite build --config server/gallery-web/vite.config.ts`.');
  }
  await fs.mkdir(screenshotDir, { recursive: true });
  api = await startFakeGalleryApi({ webRoot, galleries: [english, polish] });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  if (fullPage) await paintWholePage(page);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
}

/** Waits until every image in view has decoded, so screenshots show photographs, not placeholders. */
async function imagesSettled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.images].every((img) => {
      const r = img.getBoundingClientRect();
      const inView = r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
      return !inView || (img.complete && img.naturalWidth > 0);
    }),
  );
  await page.waitForTimeout(700); // Let the fade-in finish.
}

describe('client gallery page on a desktop, in English', slow, () => {
  let visitor: Visitor;
  const url = () => `${api.origin}/g/${english.slug}`;

  beforeAll(async () => {
    visitor = await newVisitor(browser, { viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  });
  afterAll(async () => {
    await visitor?.context.close();
    expect(visitor?.errors ?? []).toEqual([]);
  });

  it('asks for the code, shows the server’s refusal and its rate-limit message, then opens', async () => {
    const { page } = visitor;
    await page.goto(url());
    await page.getByRole('heading', { level: 1, name: 'Your photographs are waiting' }).waitFor();
    await page.waitForTimeout(900); // The card fades in.
    await shot(page, 'gallery-01-access');

    await page.getByLabel('Access code').fill('WRONG-0000');
    await page.getByRole('button', { name: 'Open the gallery' }).click();
    await page.getByRole('alert').filter({ hasText: 'That access code does not open this gallery' }).waitFor();
    await shot(page, 'gallery-02-access-wrong-code');

    api.rateLimitNextAccess('Too many attempts to open this gallery. Try again in 15 minutes.');
    await page.getByRole('button', { name: 'Open the gallery' }).click();
    await page.getByRole('alert').filter({ hasText: 'Try again in 15 minutes' }).waitFor();

    await page.getByLabel('Access code').fill(english.code);
    await page.getByRole('button', { name: 'Open the gallery' }).click();
    await page.getByRole('heading', { level: 1, name: 'Emma & James' }).waitFor();
    expect(await page.getByRole('button', { name: /^Open IMG_/ }).count()).toBe(14);
    expect(await page.title()).toBe('Emma & James · Studio Nowak');
  });

  it('lays out a justified grid with every image size known before loading', async () => {
    const { page } = visitor;
    const sizes = await page
      .locator('.grid img')
      .evaluateAll((imgs) => imgs.map((img) => [img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('loading')]));
    expect(sizes.every(([w, h]) => Number(w) > 0 && Number(h) > 0)).toBe(true);
    expect(sizes.slice(6).every(([, , loading]) => loading === 'lazy')).toBe(true);
    // Each full row ends flush with the grid's right edge.
    const rows = await page.locator('.grid-row').evaluateAll((els) =>
      els.map((row) => {
        const last = row.lastElementChild?.getBoundingClientRect();
        return last ? Math.round(row.getBoundingClientRect().right - last.right) : -1;
      }),
    );
    for (const gap of rows.slice(0, -1)) expect(Math.abs(gap)).toBeLessThanOrEqual(1);
    await imagesSettled(page);
    await shot(page, 'gallery-03-cover');
    await page.getByRole('button', { name: 'View the gallery' }).click();
    await page.waitForTimeout(900);
    await imagesSettled(page);
    await shot(page, 'gallery-04-grid');
    // No save deterrent in this gallery: the footer says nothing and right-click is left alone.
    expect(await page.getByText('Saving is disabled').count()).toBe(0);
    expect(
      await page
        .locator('.grid img')
        .first()
        .evaluate((img) => img.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))),
    ).toBe(true);
  });

  it('browses in the viewer with the keyboard and hearts and baskets from it', async () => {
    const { page } = visitor;
    await page.getByRole('button', { name: 'Open IMG_4107.jpg' }).click();
    const viewer = page.getByRole('dialog', { name: 'Photograph viewer' });
    await viewer.getByText('2 of 14').waitFor();
    await page.keyboard.press('ArrowRight');
    await viewer.getByText('3 of 14').waitFor();
    await page.keyboard.press('ArrowLeft');
    await viewer.getByText('2 of 14').waitFor();
    await page.keyboard.press('h');
    await expect.poll(() => viewer.getByRole('button', { name: 'Favourite', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('b');
    await viewer.getByRole('button', { name: 'Remove from basket' }).waitFor();
    await viewer.getByRole('button', { name: 'Next photograph' }).click();
    await viewer.getByText('3 of 14').waitFor();
    await page.keyboard.press('f');
    await page.keyboard.press('b');
    await viewer.getByRole('button', { name: 'Remove from basket' }).waitFor();
    await page.waitForTimeout(600);
    await shot(page, 'gallery-05-viewer');
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    // Focus went back to the photo that opened the viewer.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open IMG_4107.jpg');
  });

  it('hearts 3 photos and puts 5 in the basket, with running counts that match the server', async () => {
    const { page } = visitor;
    await page.getByRole('button', { name: 'Favourite IMG_4100.jpg' }).click();
    for (const name of ['IMG_4100.jpg', 'IMG_4121.jpg', 'IMG_4128.jpg'])
      await page.getByRole('button', { name: `Add ${name} to basket` }).click();
    await page.getByRole('button', { name: 'Favourites: 3 photographs' }).waitFor();
    await page.getByRole('button', { name: 'Basket: 5 photographs' }).waitFor();
    await expect.poll(() => api.favourites(english.slug).length).toBe(3);
    await expect.poll(() => api.basket(english.slug).length).toBe(5);
    await shot(page, 'gallery-06-selected');

    await page.getByRole('button', { name: 'Favourites: 3 photographs' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Open IMG_/ }).count()).toBe(3);
    await page.waitForTimeout(800);
    await imagesSettled(page);
    await shot(page, 'gallery-07-favourites');
    await page.getByRole('button', { name: 'All 14' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Open IMG_/ }).count()).toBe(14);
  });

  it('shows the basket, lets a photo out and back in, and goes to checkout', async () => {
    const { page } = visitor;
    await page.getByRole('button', { name: 'Basket: 5 photographs' }).click();
    const drawer = page.getByRole('dialog', { name: 'Your basket' });
    await drawer.getByText('5 photographs').waitFor();
    await page.waitForTimeout(600);
    await shot(page, 'gallery-08-basket');
    await drawer.getByRole('button', { name: 'Remove IMG_4128.jpg from basket' }).click();
    await drawer.getByText('4 photographs').waitFor();
    await drawer.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Add IMG_4128.jpg to basket' }).click();
    await page.getByRole('button', { name: 'Basket: 5 photographs' }).click();
    await page.getByRole('button', { name: 'Continue to checkout' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your order' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#checkout');
  });

  it('checks the form, prices the chosen method with VAT, and survives a dropped connection with one order', async () => {
    const { page } = visitor;
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByText('Choose how you would like your photographs.').waitFor();
    await page.getByText('Please enter your name.').waitFor();

    await page.getByRole('radio', { name: /Full-resolution digital files/ }).check();
    await page.getByText('€25.00 per photograph').waitFor();
    await page.locator('.summary output').filter({ hasText: '€125.00' }).waitFor();
    await page.getByText('Includes 23% VAT: €23.37').waitFor();
    await page.getByLabel('Name').fill('Emma Clarke');
    await page.getByLabel('E-mail').fill('emma@example.com');
    await page.getByLabel('Phone (optional)').fill('+44 20 7946 0958');
    await page.getByLabel('A note for your photographer (optional)').fill('Black and white for the portraits, please.');
    await imagesSettled(page);
    await shot(page, 'gallery-09-checkout', true);

    api.dropOrderAnswers(true);
    await page.getByRole('button', { name: 'Place order' }).dblclick();
    await page.getByRole('alert').filter({ hasText: 'We could not reach the gallery' }).waitFor();
    expect(api.orders(english.slug)).toHaveLength(1); // The server got it; the page never heard.

    api.dropOrderAnswers(false);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you, Emma' }).waitFor();
    const orders = api.orders(english.slug);
    expect(orders).toHaveLength(1);
    // A double click, a dropped answer (maybe resent by Chromium itself) and a retry: one key.
    const keys = api.orderAttempts.filter((a) => a.slug === english.slug).map((a) => a.key);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(1);
    expect(new URL(page.url()).hash).toBe(`#order=${orders[0]?.id}`);
    expect(orders[0]?.photoIds).toHaveLength(5);
  });

  it('shows the order in plain words and still does after a reload', async () => {
    const { page } = visitor;
    const check = async () => {
      await page.getByRole('heading', { level: 1, name: 'Thank you, Emma' }).waitFor();
      await page.getByText('Order 2026-0001').waitFor();
      await page.getByText('Awaiting payment', { exact: true }).waitFor();
      await page.getByText('5 photographs', { exact: true }).waitFor();
      await page.getByText('€125.00').waitFor();
    };
    await check();
    await imagesSettled(page);
    await shot(page, 'gallery-10-order', true);
    await page.reload();
    await check();
    expect(await page.getByRole('list', { name: 'Photographs' }).getByRole('img').count()).toBe(5);
    await page.getByRole('button', { name: 'Back to the gallery' }).click();
    await page.getByRole('heading', { level: 1, name: 'Emma & James' }).waitFor();
    await page.getByRole('button', { name: 'Basket: 0 photographs' }).waitFor();
  });

  it('goes back to the code screen when the session ends, and to the expired screen on 410', async () => {
    const { page } = visitor;
    api.endSessions();
    await page.getByRole('button', { name: 'Favourite IMG_4135.jpg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your photographs are waiting' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Your visit has ended' }).waitFor();
    await page.getByLabel('Access code').fill(english.code);
    await page.getByRole('button', { name: 'Open the gallery' }).click();
    await page.getByRole('button', { name: 'Favourites: 3 photographs' }).waitFor();

    api.expire(english.slug);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'This gallery has expired' }).waitFor();
    await page.getByText('This gallery expired on 1 March 2026').waitFor();
    await page.waitForTimeout(900);
    await shot(page, 'gallery-11-expired');
  });
});

describe('client gallery page on a 390×844 phone, in Polish', slow, () => {
  let visitor: Visitor;
  const url = () => `${api.origin}/g/${polish.slug}`;

  beforeAll(async () => {
    visitor = await newVisitor(browser, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'pl-PL',
    });
  });
  afterAll(async () => {
    await visitor?.context.close();
    expect(visitor?.errors ?? []).toEqual([]);
  });

  it('opens in Polish with the code and shows the grid and the honest deterrent note', async () => {
    const { page } = visitor;
    await page.goto(url());
    await page.getByRole('heading', { level: 1, name: 'Twoje zdjęcia czekają' }).waitFor();
    await page.waitForTimeout(900);
    await shot(page, 'gallery-m01-access');
    await page.getByLabel('Kod dostępu').fill(polish.code);
    await page.getByRole('button', { name: 'Otwórz galerię' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Ania i Tomek' }).waitFor();
    await page.getByText('12 zdjęć').first().waitFor();
    await imagesSettled(page);
    await shot(page, 'gallery-m02-cover');
    await page.getByText('Zapisywanie zdjęć jest wyłączone – to uprzejma prośba fotografa.').waitFor();
    const allowed = await page
      .locator('.grid img')
      .first()
      .evaluate((img) => img.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })));
    expect(allowed).toBe(false); // The deterrent is on: the context menu is cancelled.
    await page.getByRole('button', { name: 'Zobacz galerię' }).tap();
    await page.waitForTimeout(900);
    await imagesSettled(page);
    await shot(page, 'gallery-m03-grid');
  });

  it('swipes through the viewer and hearts from it', async () => {
    const { page } = visitor;
    await page.getByRole('button', { name: 'Otwórz IMG_4100.jpg' }).tap();
    const viewer = page.getByRole('dialog', { name: 'Przeglądarka zdjęć' });
    await viewer.getByText('1 z 12').waitFor();
    await swipe(page, '.viewer-stage', 'left');
    await viewer.getByText('2 z 12').waitFor();
    await swipe(page, '.viewer-stage', 'left');
    await viewer.getByText('3 z 12').waitFor();
    await swipe(page, '.viewer-stage', 'right');
    await viewer.getByText('2 z 12').waitFor();
    await viewer.getByRole('button', { name: 'Ulubione', exact: true }).tap();
    await expect.poll(() => viewer.getByRole('button', { name: 'Ulubione', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await viewer.getByRole('button', { name: 'Dodaj do koszyka' }).tap();
    await viewer.getByRole('button', { name: 'Usuń z koszyka' }).waitFor();
    await page.waitForTimeout(600);
    await shot(page, 'gallery-m04-viewer');
    await viewer.getByRole('button', { name: 'Zamknij podgląd' }).tap();
    await viewer.waitFor({ state: 'detached' });
  });

  it('counts in Polish plurals and checks out a package', async () => {
    const { page } = visitor;
    for (const name of ['IMG_4100.jpg', 'IMG_4114.jpg']) await page.getByRole('button', { name: `Ulubione: ${name}` }).tap();
    for (const name of ['IMG_4100.jpg', 'IMG_4114.jpg', 'IMG_4121.jpg', 'IMG_4128.jpg'])
      await page.getByRole('button', { name: `Dodaj ${name} do koszyka` }).tap();
    await page.getByRole('button', { name: 'Ulubione: 3 zdjęcia' }).waitFor();
    await page.getByRole('button', { name: 'Koszyk: 5 zdjęć' }).waitFor();
    await imagesSettled(page);
    await shot(page, 'gallery-m05-selected');
    await page.getByRole('button', { name: 'Koszyk: 5 zdjęć' }).tap();
    const drawer = page.getByRole('dialog', { name: 'Twój koszyk' });
    await drawer.getByText('5 zdjęć').waitFor();
    await page.waitForTimeout(600);
    await shot(page, 'gallery-m06-basket');
    await drawer.getByRole('button', { name: 'Przejdź do zamówienia' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Twoje zamówienie' }).waitFor();
    await page.getByRole('radio', { name: /Pakiet: cały wybór/ }).check();
    await page
      .locator('.summary output')
      .filter({ hasText: /600,00\s*zł/ })
      .waitFor();
    await page.getByLabel('Imię i nazwisko').fill('Anna Kowalska');
    await page.getByLabel('E-mail').fill('anna@example.pl');
    await page.getByLabel('Wiadomość dla fotografa (opcjonalnie)').fill('Poprosimy o wersje czarno-białe.');
    await imagesSettled(page);
    await shot(page, 'gallery-m07-checkout', true);
    await page.getByRole('button', { name: 'Złóż zamówienie' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Dziękujemy, Anna' }).waitFor();
    await page.getByText('Oczekuje na weryfikację', { exact: true }).waitFor();
    expect(api.orders(polish.slug)).toHaveLength(1);
    expect(api.orders(polish.slug)[0]?.totalMinor).toBe(60_000);
    await imagesSettled(page);
    await shot(page, 'gallery-m08-order', true);
  });

  it('keeps the order page across a reload and switches language on request', async () => {
    const { page } = visitor;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Dziękujemy, Anna' }).waitFor();
    await page.getByRole('button', { name: 'English' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Thank you, Anna' }).waitFor();
    await page.getByText('Awaiting validation', { exact: true }).waitFor();
    await page.reload(); // The client's own choice is remembered over the gallery's language.
    await page.getByRole('heading', { level: 1, name: 'Thank you, Anna' }).waitFor();
    await page.getByRole('button', { name: 'Polski' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Dziękujemy, Anna' }).waitFor();
  });
});
