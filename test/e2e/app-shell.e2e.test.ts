import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { type BrowserSession, openBrowserSession, screenshotDir } from './browser-session';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let session: BrowserSession;

beforeAll(async () => {
  temp = await makeTempDir('proofdesk-e2e-');
  session = await openBrowserSession(path.join(temp.dir, 'config'));
  await fs.mkdir(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await session?.close();
  await temp?.cleanup();
});

const shot = (name: string) => session.page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

describe('app shell in Chromium over the browser host', () => {
  it('refuses to work without the access token and says how to get in', async () => {
    const { page, host } = session;
    await page.goto(`${host.origin}/`);
    await expect.poll(() => page.getByRole('heading', { name: 'This page needs its access address' }).count()).toBe(1);
  });

  it('shows the first-run screen and explains a refused folder', async () => {
    const { page, host } = session;
    // A fresh load, as when the user pastes the printed address (a hash change alone does not reload).
    await page.goto('about:blank');
    await page.goto(host.openUrl);
    await page.getByRole('heading', { name: 'Welcome to Proofdesk' }).waitFor();
    // The token left the address bar once it was read.
    expect(page.url()).not.toContain('token=');
    await shot('01-first-run');

    const busy = path.join(temp.dir, 'shoot-folder');
    await fs.mkdir(busy);
    await fs.writeFile(path.join(busy, 'IMG_0001.JPG'), 'x');
    await page.getByLabel('Library name').fill('Studio Nowak');
    await page.getByLabel('Folder', { exact: true }).fill(busy);
    await page.getByRole('button', { name: 'Create library' }).click();
    await page.getByRole('alert').filter({ hasText: 'already contains files' }).waitFor();
    await shot('02-first-run-error');
  });

  it('creates a library through the UI and lands in the shell', async () => {
    const { page } = session;
    const target = path.join(temp.dir, 'Studio Nowak Library');
    await page.getByLabel('Folder', { exact: true }).fill(target);
    await page.getByRole('button', { name: 'Create library' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    expect(await fs.readdir(target)).toEqual(expect.arrayContaining(['proofdesk-library.json', 'variants']));
    await expect.poll(() => page.getByText('Studio Nowak').first().isVisible()).toBe(true);
  });

  it('navigates every section, each with a real empty state', async () => {
    const { page } = session;
    const sections = [
      ['Shoots', 'No shoots in this library yet'],
      ['Clients & galleries', 'No clients yet'],
      ['Orders', 'No orders yet'],
      ['Retouch', 'The retouch queue is empty'],
      ['Delivery', 'Nothing to deliver yet'],
    ] as const;
    for (const [index, [name, empty]] of sections.entries()) {
      await page.getByRole('button', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByRole('heading', { name: empty }).waitFor();
      expect(await page.getByRole('button', { name, exact: true }).getAttribute('aria-current')).toBe('page');
      if (name === 'Clients & galleries') {
        // The real clients screen, empty: it says how clients get here and offers both ways.
        await page.getByRole('button', { name: 'New client' }).waitFor();
        await page.getByRole('button', { name: 'Go to Shoots' }).waitFor();
      }
      if (name === 'Orders') {
        // The real order desk, empty: orders come from clients through sync.
        await page.getByText('after a client orders in their gallery and the app syncs').waitFor();
        await page.getByRole('button', { name: 'Go to Clients & galleries' }).waitFor();
      }
      await shot(`${String(index + 3).padStart(2, '0')}-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`);
    }
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByText('Browser (local host)').waitFor();
    // Sync with the hosted service: not paired yet, nothing waiting, the token's storage explained.
    const sync = page.getByRole('region', { name: 'Hosted service' });
    await sync.getByText('Not paired yet').waitFor();
    await sync.getByText('0 changes').waitFor();
    await page.getByText(/only your user account can read/).waitFor();
    await sync.getByRole('button', { name: 'Pair this computer' }).click();
    await sync.getByText('Enter the pairing code from the hosted service', { exact: true }).waitFor();
    await shot('08-settings');
  });

  it('shows a bad server address as a field error and keeps the old value', async () => {
    const { page } = session;
    await page.getByLabel('Hosted service address').fill('ftp://nope');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Enter a full http:// or https:// address').first().waitFor();
    await page.getByLabel('Hosted service address').fill('https://studio.example.com');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
  });

  it('switches the whole UI to Polish and keeps it after a reload', async () => {
    const { page } = session;
    await page.getByLabel('Language').selectOption('pl');
    await page.getByRole('heading', { level: 1, name: 'Ustawienia' }).waitFor();
    await page.getByRole('button', { name: 'Przekazanie zdjęć' }).click();
    await page.getByRole('heading', { name: 'Nie ma jeszcze nic do przekazania' }).waitFor();
    await shot('09-delivery-polish');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Przekazanie zdjęć' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');
    await page.getByRole('button', { name: 'Ustawienia' }).click();
    await page.getByLabel('Język').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  });

  it('closes the library and offers it again under recent libraries', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Close library' }).click();
    await page.getByRole('heading', { name: 'Welcome to Proofdesk' }).waitFor();
    const recent = page.getByRole('button', { name: 'Open Studio Nowak' });
    await recent.waitFor();
    await shot('10-first-run-recent');
    await recent.click();
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  });
});
