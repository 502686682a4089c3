// "Export photos from all orders" (seed 004, product point 7) end to end, in Chromium against the
// real hosted server: the studio rates and labels a RAW photo, publishes the shoot, the client
// orders three photos; on the client's page the green "Export photos" button opens the dialog.
// Lightroom Classic's filter shows the ordered stems (and warns that one of them also finds an
// unordered photo), XMP sidecars land in a folder with the studio's rating and label, and the
// originals are copied into a folder; a second copy says they are already there.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRatingLabel } from '../../main/services/export';
import { sharedImagesDir } from '../helpers/fixtures';
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
  'orient-6-portrait.jpg',
  'raw-synthetic-nikon-preview3000.nef',
];
// A name that contains an ordered one: Lightroom's "Contains" would find it too.
const lookAlike = 'orient-6-portrait-2.jpg';
const raw = 'raw-synthetic-nikon-preview3000';
const ordered = ['camera-nikon-d3100-14mp.jpg', 'orient-6-portrait.jpg', `${raw}.nef`];

let setup: StudioWithServer;

beforeAll(async () => {
  setup = await startStudioWithServer({
    prefix: 'proofdesk-e2e-export-',
    studioName: 'Studio Nowak',
    shootName: 'Nowak wedding',
    fixtures,
  });
  await fs.copyFile(path.join(sharedImagesDir, 'color-display-p3.jpg'), path.join(setup.shootDir, lookAlike));
  await setup.session.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: setup.session.host.origin });
}, 90_000);

afterAll(async () => {
  await setup?.close();
});

describe('export the client’s selection for editing, in Chromium', { timeout: 90_000 }, () => {
  it('rates and labels the RAW photo, publishes the shoot, and the client orders three photos', async () => {
    const { page } = setup.session;
    await createLibraryAndImport(page, setup, 'Studio Nowak', fixtures.length + 1);
    const cell = page.getByRole('gridcell', { name: new RegExp(`^${raw}`) });
    await cell.click();
    await page.keyboard.press('4');
    await page.keyboard.press('6');
    await expect.poll(() => cell.getAttribute('aria-label')).toMatch(/4 stars, Red label/);

    await pairWithServer(page, setup, 'Studio laptop');
    const { link, code } = await publishToNewClient(page, {
      name: 'Anna Nowak',
      email: 'anna.nowak@example.pl',
      price: '30',
      manualValidation: false,
    });
    const client = setup.client.page;
    const names = await openClientGallery(client, link, code, 'Nowak wedding');
    expect([...names].sort()).toEqual([...fixtures, lookAlike].sort());
    await orderPhotos(client, ordered, {
      delivery: /Pliki cyfrowe w pełnej rozdzielczości/,
      name: 'Anna Nowak',
      email: 'anna.nowak@example.pl',
    });
  });

  it('opens the export dialog from the client page with the counts of each source', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Clients & galleries', exact: true }).click();
    await page.getByRole('table', { name: 'Clients' }).getByRole('button', { name: 'Anna Nowak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anna Nowak' }).waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('table', { name: 'Client orders' }).getByRole('row').nth(1).waitFor({ timeout: 20_000 });

    // The "New order" notice would cover the dialog in the screenshots.
    const notices = page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Dismiss notification' });
    while ((await notices.count()) > 0)
      await notices
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined);
    const module = page.getByRole('region', { name: 'Export photos from all orders' });
    await module.getByRole('button', { name: 'Export photos' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export photos of Anna Nowak' });
    await dialog.getByRole('radio', { name: 'All orders (3)' }).waitFor();
    expect(await dialog.getByRole('radio', { name: 'All orders (3)' }).isChecked()).toBe(true);
    await dialog.getByText('3 photos', { exact: true }).waitFor();
    await dialog.getByText('Pick the program you edit in, on the left.').waitFor();
    expect(await dialog.getByRole('radio').count()).toBe(3 + 7);
    await setup.shot('29-export-dialog');
  });

  it('gives Lightroom Classic’s filter text with the ordered stems and the steps', async () => {
    const { page } = setup.session;
    const dialog = page.getByRole('dialog', { name: 'Export photos of Anna Nowak' });
    await dialog.getByRole('radio', { name: 'Lightroom Classic: file name filter' }).check();
    const text = dialog.getByLabel('Text to paste into Lightroom Classic');
    await expect.poll(() => text.inputValue()).toBe(`camera-nikon-d3100-14mp, orient-6-portrait, ${raw}`);
    const steps = dialog.getByRole('region', { name: 'Step by step' }).getByRole('listitem');
    expect(await steps.count()).toBe(5);
    await steps.nth(2).getByText('Click Text, choose Filename in the first menu and Contains in the second.').waitFor();
    await dialog.getByText('Menu names may differ in your version', { exact: false }).waitFor();
    const warning = dialog.getByRole('note', { name: 'Some names also find other photos' });
    await warning.getByText('orient-6-portrait also finds orient-6-portrait-2, which the client did not choose.').waitFor();
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await dialog.getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`camera-nikon-d3100-14mp, orient-6-portrait, ${raw}`);
    await setup.shot('30-export-lightroom');

    // The remedy: whole names, which find only the ordered files.
    await warning.getByRole('button', { name: 'Use whole file names' }).click();
    await expect.poll(() => text.inputValue()).toBe(`camera-nikon-d3100-14mp.jpg, orient-6-portrait.jpg, ${raw}.nef`);
    await warning.waitFor({ state: 'detached' });
  });

  it('saves the Lightroom smart collection into a folder without replacing the first one', async () => {
    const { page } = setup.session;
    const dialog = page.getByRole('dialog', { name: 'Export photos of Anna Nowak' });
    await dialog.getByRole('radio', { name: 'Lightroom Classic: smart collection' }).check();
    await dialog.getByText('Save the file Anna Nowak – Nowak wedding.lrsmcol where you can find it.').waitFor();
    const folder = path.join(setup.dir, 'collections');
    await dialog.getByLabel('Folder', { exact: true }).fill(folder);
    await dialog.getByRole('button', { name: 'Save to folder' }).click();
    await dialog.getByText('Saved as Anna Nowak – Nowak wedding.lrsmcol').waitFor();
    await dialog.getByRole('button', { name: 'Save to folder' }).click();
    await dialog.getByText('Saved as Anna Nowak – Nowak wedding (2).lrsmcol').waitFor();
    await dialog.getByText('Save the file Anna Nowak – Nowak wedding (2).lrsmcol where you can find it.').waitFor();
    const saved = await fs.readFile(path.join(folder, 'Anna Nowak – Nowak wedding.lrsmcol'), 'utf8');
    for (const name of ordered) expect(saved).toContain(`value = "${name}"`);
    expect(saved).not.toContain(lookAlike);
    expect((await fs.readdir(folder)).sort()).toEqual(['Anna Nowak – Nowak wedding (2).lrsmcol', 'Anna Nowak – Nowak wedding.lrsmcol']);

    // A source with nothing in it says so.
    await dialog.getByRole('radio', { name: 'Favourites (0)' }).check();
    await dialog.getByText('Anna Nowak has not marked any favourites yet.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Save to folder' }).count()).toBe(0);
    await dialog.getByRole('radio', { name: 'All orders (3)' }).check();
    await dialog.getByText('3 photos', { exact: true }).waitFor();
  });

  it('writes XMP sidecars with the studio’s rating and label into a folder', async () => {
    const { page } = setup.session;
    const dialog = page.getByRole('dialog', { name: 'Export photos of Anna Nowak' });
    await dialog.getByRole('radio', { name: 'XMP sidecars (rating and colour label)' }).check();
    await dialog.getByText('2 photos have no RAW file, so no sidecar is written for them', { exact: false }).waitFor();
    await dialog.getByRole('checkbox', { name: /^Next to each RAW file/ }).uncheck();
    const folder = path.join(setup.dir, 'sidecars');
    await dialog.getByLabel('Folder', { exact: true }).fill(folder);
    await dialog.getByRole('button', { name: 'Start writing sidecars' }).click();
    const results = dialog.getByRole('status', { name: 'Export results' });
    await results.getByText('The sidecars are written.').waitFor({ timeout: 20_000 });
    expect(await results.getByRole('definition').first().textContent()).toBe('1');
    expect(await fs.readdir(folder)).toEqual([`${raw}.xmp`]);
    expect(readRatingLabel(await fs.readFile(path.join(folder, `${raw}.xmp`), 'utf8'))).toEqual({ Rating: '4', Label: 'Red' });
    const details = results.getByRole('list', { name: 'Files that need a look' });
    await details.getByText('No RAW file: a JPEG keeps its rating and label inside the file.').first().waitFor();
  });

  it('copies the originals into a folder, and a second copy says they are already there', async () => {
    const { page } = setup.session;
    const dialog = page.getByRole('dialog', { name: 'Export photos of Anna Nowak' });
    await dialog.getByRole('radio', { name: 'Copy the originals to a folder' }).check();
    const folder = path.join(setup.dir, 'for-editing');
    await dialog.getByLabel('Folder', { exact: true }).fill(folder);
    await dialog.getByRole('button', { name: 'Start copying' }).click();
    const results = dialog.getByRole('status', { name: 'Export results' });
    await results.getByText(`The originals are in ${folder}.`).waitFor({ timeout: 20_000 });
    const count = (label: string) => results.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd');
    expect(await count('Copied').textContent()).toBe('3');
    expect((await fs.readdir(folder)).sort()).toEqual([...ordered].sort());
    for (const name of ordered) {
      expect((await fs.stat(path.join(folder, name))).size).toBe((await fs.stat(path.join(setup.shootDir, name))).size);
    }

    await dialog.getByRole('button', { name: 'Start copying' }).click();
    await results.getByText(`Nothing new to copy: every file is already in ${folder}.`).waitFor({ timeout: 20_000 });
    expect(await count('Already there').textContent()).toBe('3');
    expect(await count('Copied').textContent()).toBe('0');
    expect((await fs.readdir(folder)).sort()).toEqual([...ordered].sort());
    await setup.shot('31-export-copy-done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('says it all in Polish, Capture One’s steps with the label to tick', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Language').selectOption('pl');
    await page.getByRole('button', { name: 'Klienci i galerie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anna Nowak' }).waitFor();
    await page
      .getByRole('region', { name: 'Eksport zdjęć ze wszystkich zamówień' })
      .getByRole('button', { name: 'Eksportuj zdjęcia' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Eksport zdjęć: Anna Nowak' });
    await dialog.getByRole('radio', { name: 'Wszystkie zamówienia (3)' }).waitFor();
    await dialog.getByRole('radio', { name: 'Capture One' }).check();
    const steps = dialog.getByRole('region', { name: 'Krok po kroku' }).getByRole('listitem');
    await steps.nth(3).getByText('W narzędziu Filters zaznacz etykietę zieloną (Green)', { exact: false }).waitFor();
    await dialog.getByText('Nazwy menu mogą się różnić w Twojej wersji', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Zamknij' }).click();
    await page.getByRole('button', { name: 'Ustawienia' }).click();
    await page.getByLabel('Język').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  });
});
