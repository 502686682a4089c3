import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedImagesDir } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';
import { type BrowserSession, openBrowserSession, screenshotDir } from './browser-session';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let session: BrowserSession;
const fixtures = [
  'camera-canon-1300d-18mp-low-detail.jpg',
  'camera-nikon-d3100-14mp.jpg',
  'meta-xmp-rating4-red-copyright-gps.jpg',
  'orient-6-portrait.jpg',
  'png-alpha.png',
  'progressive.jpg',
  'raw-synthetic-nikon-preview3000.nef',
  'broken-truncated-60pct.jpg',
];

beforeAll(async () => {
  temp = await makeTempDir('proofdesk-e2e-shoots-');
  session = await openBrowserSession(path.join(temp.dir, 'config'));
  await fs.mkdir(path.join(temp.dir, 'Kowalski wedding'));
  for (const name of fixtures) await fs.copyFile(path.join(sharedImagesDir, name), path.join(temp.dir, 'Kowalski wedding', name));
});
afterAll(async () => {
  await session?.close();
  await temp?.cleanup();
});

const shot = (name: string) => session.page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

describe('shoots and culling in Chromium', () => {
  it('adds a shoot folder from the empty state and fills the grid with thumbnails', async () => {
    const { page, host } = session;
    await page.goto(host.openUrl);
    await page.getByLabel('Library name').fill('Studio Nowak');
    await page.getByLabel('Folder', { exact: true }).fill(path.join(temp.dir, 'library'));
    await page.getByRole('button', { name: 'Create library' }).click();
    await page.getByRole('heading', { name: 'No shoots in this library yet' }).waitFor();
    await shot('11-shoots-empty');

    await page.getByLabel('Shoot folder', { exact: true }).fill(path.join(temp.dir, 'Kowalski wedding'));
    await page.getByRole('button', { name: 'Add and import' }).click();
    const grid = page.getByRole('grid', { name: 'Photos' });
    await grid.waitFor();
    await expect.poll(() => page.getByRole('gridcell').count(), { timeout: 20_000 }).toBe(fixtures.length);
    await expect.poll(() => page.locator('.cell img').count(), { timeout: 30_000 }).toBe(fixtures.length - 1);
    await expect
      .poll(
        () =>
          page
            .locator('.cell img')
            .evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    await page.getByRole('button', { name: '1 file needs attention' }).waitFor();
    await shot('12-shoot-grid');
  });

  it('culls with the keyboard and keeps the flags after a reload', async () => {
    const { page } = session;
    const grid = page.getByRole('grid', { name: 'Photos' });
    await grid.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('5');
    await page.keyboard.press('p');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('x');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('3');
    await page.keyboard.press('6');
    const cells = page.getByRole('gridcell');
    await expect.poll(() => cells.nth(0).getAttribute('aria-label')).toMatch(/5 stars, picked/);
    await expect.poll(() => cells.nth(1).getAttribute('aria-label')).toMatch(/rejected/);
    await expect.poll(() => cells.nth(2).getAttribute('aria-label')).toMatch(/3 stars, Red label/);
    await page.keyboard.press('u');
    await shot('13-culled');

    await page.reload();
    await page.getByRole('grid', { name: 'Photos' }).waitFor();
    await expect.poll(() => page.getByRole('gridcell').nth(0).getAttribute('aria-label'), { timeout: 10_000 }).toMatch(/5 stars, picked/);
    await expect.poll(() => page.getByRole('gridcell').nth(2).getAttribute('aria-label')).toMatch(/3 stars, Red label/);
  });

  it('filters picks and sorts by name', async () => {
    const { page } = session;
    await page.getByLabel('Show').selectOption({ label: 'Picks' });
    await expect.poll(() => page.getByRole('gridcell').count()).toBe(1);
    await page.getByLabel('Show').selectOption({ label: 'All photos' });
    await page.getByLabel('Sort by').selectOption('name');
    await expect.poll(() => page.getByRole('gridcell').count()).toBe(fixtures.length);
    const names = await page.locator('.cell__name').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });

  it('opens the loupe with metadata and goes back with Escape', async () => {
    const { page } = session;
    const grid = page.getByRole('grid', { name: 'Photos' });
    const index = (await page.locator('.cell__name').allTextContents()).indexOf('meta-xmp-rating4-red-copyright-gps');
    await page.getByRole('gridcell').nth(index).click();
    await grid.press('Space');
    const loupe = page.getByRole('region', { name: 'Loupe: meta-xmp-rating4-red-copyright-gps' });
    await loupe.waitFor();
    await loupe.getByText('Copyright', { exact: true }).waitFor();
    await expect.poll(() => loupe.locator('img').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(2000);
    await shot('14-loupe');
    // Culling keys work in the loupe too, and Escape returns to the grid with focus on it.
    await page.keyboard.press('4');
    await page.keyboard.press('Escape');
    await grid.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
    await expect.poll(() => page.getByRole('gridcell').nth(index).getAttribute('aria-label')).toMatch(/4 stars/);
  });

  it('lists the damaged file with its reason and a Retry', async () => {
    const { page } = session;
    await page.getByRole('button', { name: '1 file needs attention' }).click();
    const list = page.getByRole('list', { name: 'Files that need attention' });
    await list.getByText('broken-truncated-60pct').waitFor();
    await list.getByText(/cut short/).waitFor();
    await shot('15-needs-attention');
    await page.getByRole('button', { name: 'Retry broken-truncated-60pct' }).click();
    await list.getByText(/cut short/).waitFor();
  });
});
