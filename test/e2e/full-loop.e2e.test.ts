// The whole loop (issue 6 point 7), in Chromium against the real hosted server with a real SMTP
// server on loopback: a client orders 4 photos in the gallery page (a second browser context);
// the studio validates the order and marks it as paid in the order desk; in Delivery it drops a
// folder of edited files (the fixtures renamed <ordered stem>-Edit.jpg, one ordered photo left
// out, an extra file, macOS junk) — typed as a folder path, since the browser host has no path
// for a dropped file; the preview shows matched, extra (with "did you mean") and missing before
// anything is sent; full resolution and web versions are made and uploaded; "Deliver to client"
// e-mails the client the download link; the client opens it and downloads both zips, whose
// files are checked against what was dropped.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpTestServer, startSmtpTestServer } from '../../server/test-support/smtp-test-server';
import { sharedImagesDir } from '../helpers/fixtures';
import { screenshotDir } from './browser-session';
import {
  createLibraryAndImport,
  openClientGallery,
  orderPhotos,
  pairWithServer,
  publishToNewClient,
  type StudioWithServer,
  startStudioWithServer,
} from './studio-with-server';

// Upright sRGB JPEGs (delivered in full as they are), a portrait with EXIF orientation 6 and a
// Display P3 photo (both re-encoded upright in sRGB), and two more for the extra and the missing.
const fixtures = [
  'camera-nikon-d3100-14mp.jpg',
  'camera-canon-1dm3-iptc-copyright.jpg',
  'orient-6-portrait.jpg',
  'color-display-p3.jpg',
  'progressive.jpg',
  'meta-xmp-rating4-red-copyright-gps.jpg',
];
// What the client orders, and what the retoucher hands back: all but progressive.jpg.
const ordered = [
  'camera-nikon-d3100-14mp.jpg',
  'camera-canon-1dm3-iptc-copyright.jpg',
  'orient-6-portrait.jpg',
  'color-display-p3.jpg',
  'progressive.jpg',
];
const edited = ordered.filter((name) => name !== 'progressive.jpg');
const asIs = new Set(['camera-nikon-d3100-14mp.jpg', 'camera-canon-1dm3-iptc-copyright.jpg']);
const client = { name: 'Anna Zielińska', email: 'anna.zielinska@example.pl' };

const stem = (name: string) => name.replace(/\.[^.]+$/, '');
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

let smtp: SmtpTestServer;
let setup: StudioWithServer;
let link = '';
let code = '';
let orderNumber = '';
let editsDir = '';
let brokenDir = '';
/** sha256 of each dropped edit, by the ordered photo's name. */
const droppedSha = new Map<string, string>();
let downloadLink = '';
const started = Date.now();

/** The studio's "New order" notices have said their piece: out of the screenshots. */
async function dismissToasts() {
  const toasts = setup.session.page.getByRole('status', { name: 'Notifications' });
  for (const dismiss of await toasts.getByRole('button', { name: 'Dismiss notification' }).all()) await dismiss.click();
}

/** A screenshot as tall as the page (the viewport grows for it, so the sidebar stays in place). */
async function tallShot(name: string) {
  const { page } = setup.session;
  await dismissToasts();
  await page.mouse.move(0, 0);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.max(800, height) });
  await setup.shot(name);
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  setup = await startStudioWithServer({
    prefix: 'proofdesk-e2e-full-loop-',
    studioName: 'Studio Zielińska',
    shootName: 'Zielińska family',
    fixtures,
    serverEnv: { SMTP_URL: smtp.url },
  });
  // The retoucher's folder: each ordered photo's edit as <stem>-Edit.jpg, one forgotten, plus a
  // photo nobody ordered (misspelt), and the junk a Mac leaves next to files.
  editsDir = path.join(setup.dir, 'Edits for Anna');
  await fs.mkdir(editsDir);
  for (const name of edited) {
    const target = path.join(editsDir, `${stem(name)}-Edit.jpg`);
    await fs.copyFile(path.join(sharedImagesDir, name), target);
    droppedSha.set(name, sha256(await fs.readFile(target)));
  }
  await fs.copyFile(path.join(sharedImagesDir, 'meta-xmp-rating4-red-copyright-gps.jpg'), path.join(editsDir, 'progresive-Edit.jpg'));
  // A second export of the portrait: which one goes is the studio's choice.
  await fs.copyFile(path.join(sharedImagesDir, 'orient-6-portrait.jpg'), path.join(editsDir, 'orient-6-portrait-Edit copy.jpg'));
  await fs.writeFile(path.join(editsDir, '._camera-nikon-d3100-14mp-Edit.jpg'), Buffer.alloc(4096, 1));
  await fs.writeFile(path.join(editsDir, '.DS_Store'), Buffer.alloc(64, 1));
  // A retoucher's export cut short: matched by name, refused when its files are made.
  brokenDir = path.join(setup.dir, 'Broken export');
  await fs.mkdir(brokenDir);
  await fs.copyFile(path.join(sharedImagesDir, 'broken-truncated-60pct.jpg'), path.join(brokenDir, 'orient-6-portrait-Edit.jpg'));
}, 90_000);

afterAll(async () => {
  await setup?.close();
  await smtp?.close();
  console.info(`full loop: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

describe('the full loop in Chromium: order, payment, delivery by drag and drop, download', { timeout: 120_000 }, () => {
  it('publishes a shoot, and the client orders 5 photos in the gallery', async () => {
    const { page } = setup.session;
    await createLibraryAndImport(page, setup, 'Studio Zielińska', fixtures.length);
    await pairWithServer(page, setup, 'Studio laptop');
    ({ link, code } = await publishToNewClient(page, {
      name: client.name,
      email: client.email,
      price: '25',
      manualValidation: true,
      autoSendDownloadLinks: false,
    }));
    const names = await openClientGallery(setup.client.page, link, code, 'Zielińska family');
    expect([...names].sort()).toEqual([...fixtures].sort());
    await orderPhotos(setup.client.page, ordered, {
      delivery: /Pliki cyfrowe w pełnej rozdzielczości/,
      name: client.name,
      email: client.email,
    });
  });

  it('validates the order and marks it as paid in the order desk', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Orders', exact: true }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('tab', { name: 'Needs validation 1' }).click({ timeout: 20_000 });
    const row = page.getByRole('table', { name: 'Orders' }).getByRole('row').nth(1);
    await row.getByText(client.name).waitFor();
    orderNumber = ((await row.getByRole('rowheader').textContent()) ?? '').trim();
    await row.getByRole('button', { name: `Open order ${orderNumber}` }).click();
    await page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` }).waitFor();

    const actions = page.getByRole('region', { name: 'Actions' });
    // Before payment, the order page's delivery says why it can't be delivered yet.
    const panel = page.getByRole('region', { name: 'Photo delivery' });
    const deliver = panel.getByRole('button', { name: 'Deliver to client' });
    expect(await deliver.getAttribute('aria-disabled')).toBe('true');
    await actions.getByRole('button', { name: 'Validate' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('order-pending').waitFor({ state: 'detached', timeout: 20_000 });
    await actions.getByRole('button', { name: 'Mark as paid' }).click();
    const dialog = page.getByRole('dialog', { name: `Mark order ${orderNumber} as paid` });
    await dialog.getByRole('button', { name: 'Mark as paid' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('order-pending').waitFor({ state: 'detached', timeout: 20_000 });
    await page.locator('.order-page__title-row').getByText('Ready to deliver').waitFor();
  });

  it('lists the order in Delivery and takes a drop (the browser host asks for the folder’s path)', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Delivery', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Delivery' }).waitFor();
    const list = page.getByRole('navigation', { name: 'Orders to deliver' });
    const entry = list.getByRole('button', { name: new RegExp(`Order ${orderNumber}`) });
    await entry.waitFor();
    // The newest order ready to deliver is open already.
    expect(await entry.getAttribute('aria-current')).toBe('true');
    const panel = page.getByRole('region', { name: 'Photo delivery' });
    await panel.getByText(`Drop the edited photos of order ${orderNumber}`, { exact: false }).waitFor();
    const deliver = panel.getByRole('button', { name: 'Deliver to client' });
    expect(await deliver.getAttribute('aria-disabled')).toBe('true');
    await panel.getByText('Send the edited photos first, then deliver.').waitFor();

    // Files dragged over the zone light it up; dropped, the browser can't say where they are.
    const zone = panel.getByRole('region', { name: 'Drop the edited photos here' });
    const transfer = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(16)], 'camera-nikon-d3100-14mp-Edit.jpg', { type: 'image/jpeg' }));
      return data;
    });
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await expect.poll(() => zone.getAttribute('class')).toContain('delivery-drop--over');
    await dismissToasts();
    await setup.shot('32-delivery-drop');
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await panel.getByRole('alert').getByText('This browser can’t tell where dropped files are on your disk.', { exact: false }).waitFor();
    expect(await zone.getAttribute('class')).not.toContain('delivery-drop--over');

    // Add photos with no folder typed says what to do.
    await panel.getByRole('button', { name: 'Add photos' }).click();
    await panel.getByText('Type the path of the folder with the edited photos.').waitFor();

    // A damaged export: matched, then refused when its files are made, naming the file.
    await panel.getByLabel('Folder with the edited photos').fill(brokenDir);
    await panel.getByRole('button', { name: 'Add photos' }).click();
    await panel.getByRole('table', { name: 'Matched files' }).getByText('orient-6-portrait-Edit.jpg').waitFor();
    await panel.getByRole('button', { name: 'Send 1 file' }).click();
    const failed = panel.getByRole('region', { name: 'Sending the files' }).getByRole('alert');
    await failed.getByText(/^orient-6-portrait-Edit\.jpg: /).waitFor({ timeout: 20_000 });
    await panel.getByRole('button', { name: 'Try again' }).click();
    await panel.getByRole('button', { name: 'Send 1 file' }).waitFor();
  });

  it('previews matched, extra, missing and ignored files before anything is sent', async () => {
    const { page } = setup.session;
    const panel = page.getByRole('region', { name: 'Photo delivery' });
    await panel.getByLabel('Folder with the edited photos').fill(editsDir);
    await panel.getByRole('button', { name: 'Add photos' }).click();
    const summary = panel.getByRole('list', { name: 'What was found' });
    await summary.waitFor({ timeout: 20_000 });
    const counts = () => summary.getByRole('listitem').allTextContents();
    expect(await counts()).toEqual(['3 Matched', '1 Extra', '1 Missing', '1 To choose', '2 Ignored']);

    // Two exports of the portrait: nothing goes until one is chosen and the other left out.
    const choose = panel.getByRole('region', { name: 'Choose the photo' });
    await choose.getByText('2 files could be orient-6-portrait.jpg. Choose the one to send.').waitFor();
    const send = panel.getByRole('button', { name: 'Send 3 files' });
    expect(await send.isDisabled()).toBe(true);
    await panel.getByText('Choose the photo for every file under “Choose the photo” first (or “Don’t send this file”).').waitFor();
    await choose.getByLabel('Photo for orient-6-portrait-Edit.jpg').selectOption({ label: 'orient-6-portrait.jpg' });
    await choose.getByLabel('Photo for orient-6-portrait-Edit copy.jpg').selectOption({ label: 'orient-6-portrait.jpg' });
    await choose.getByRole('alert').getByText('orient-6-portrait.jpg: chosen for more than one file.', { exact: false }).waitFor();
    await choose.getByLabel('Photo for orient-6-portrait-Edit copy.jpg').selectOption({ label: 'Don’t send this file' });
    expect(await counts()).toEqual(['4 Matched', '2 Extra', '1 Missing', '0 To choose', '2 Ignored']);

    const table = panel.getByRole('table', { name: 'Matched files' });
    const rows = table.getByRole('row');
    await expect.poll(() => rows.count()).toBe(5);
    for (const name of edited) {
      const row = rows.filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      await row.getByText(`${stem(name)}-Edit.jpg`, { exact: true }).waitFor();
      await row.getByRole('cell', { name: name === 'orient-6-portrait.jpg' ? 'chosen by you' : 'edited: -Edit' }).waitFor();
    }
    const extra = panel.getByRole('list', { name: /^Extra files/ });
    await extra.getByText('progresive-Edit.jpg').waitFor();
    await extra.getByText('Did you mean progressive.jpg?').waitFor();
    await extra
      .getByRole('listitem')
      .filter({ hasText: 'orient-6-portrait-Edit copy.jpg' })
      .getByText('You chose not to send this file.')
      .waitFor();
    const missing = panel.getByRole('list', { name: /^Still missing/ });
    await missing.getByText('No file was dropped for progressive.jpg.').waitFor();
    // Ignored files are folded away, each with its reason.
    const ignored = panel.getByText('2 files ignored');
    await ignored.click();
    await panel.getByText('A macOS metadata file (its name starts with “._”), not a photo.').waitFor();
    await panel.getByText('A file the computer keeps for itself, not a photo.').waitFor();
    await ignored.click();

    // The "did you mean" can send the misspelt file as the missing photo, and be taken back.
    await extra.getByRole('button', { name: 'Send as progressive.jpg' }).click();
    expect(await counts()).toEqual(['5 Matched', '1 Extra', '0 Missing', '0 To choose', '2 Ignored']);
    await rows.filter({ hasText: 'chosen by you' }).getByText('progresive-Edit.jpg').waitFor();
    await panel.getByRole('button', { name: 'Don’t send as progressive.jpg' }).click();
    expect(await counts()).toEqual(['4 Matched', '2 Extra', '1 Missing', '0 To choose', '2 Ignored']);

    // Both sets by default; with none, nothing can be sent.
    const full = panel.getByRole('checkbox', { name: 'Full resolution' });
    const web = panel.getByRole('checkbox', { name: 'Web version (2048 px)' });
    expect(await full.isChecked()).toBe(true);
    expect(await web.isChecked()).toBe(true);
    const sendFour = panel.getByRole('button', { name: 'Send 4 files' });
    await full.uncheck();
    await web.uncheck();
    expect(await sendFour.isDisabled()).toBe(true);
    await panel.getByText('Choose at least one: full resolution or web version.').waitFor();
    await full.check();
    await web.check();
    expect(await sendFour.isEnabled()).toBe(true);
    await tallShot('33-delivery-preview');
  });

  it('makes and uploads the full and web files, then delivers to the client after asking', async () => {
    const { page } = setup.session;
    const panel = page.getByRole('region', { name: 'Photo delivery' });
    // The hosted service is away: the files are made and wait in the queue.
    await setup.server.kill();
    await panel.getByRole('button', { name: 'Send 4 files' }).click();
    const sending = panel.getByRole('region', { name: 'Sending the files' });
    await sending.getByText('Making the files — done').waitFor({ timeout: 30_000 });
    const queued = sending.getByRole('status').filter({ hasText: 'Queued — sent with the next sync.' });
    await queued.waitFor({ timeout: 30_000 });
    expect(await panel.getByRole('button', { name: 'Deliver to client' }).getAttribute('aria-disabled')).toBeNull();
    await setup.server.restart();
    await queued.getByRole('button', { name: 'Try now' }).click();
    await sending.getByText('8 files are on the hosted service, ready to deliver.').waitFor({ timeout: 60_000 });
    await sending.getByText('On the hosted service — done').waitFor();

    const deliver = panel.getByRole('button', { name: 'Deliver to client' });
    expect(await deliver.getAttribute('aria-disabled')).toBeNull();
    await panel.getByText(`${client.name} gets an e-mail that the photos can be downloaded.`).waitFor();
    await deliver.click();
    const confirm = page.getByRole('dialog', { name: `Deliver order ${orderNumber} to ${client.name}?` });
    await confirm
      .getByText(`${client.name} gets an e-mail at ${client.email} with the link to download the photos`, { exact: false })
      .waitFor();
    await confirm.getByText('8 files are delivered.').waitFor();
    await confirm.getByRole('button', { name: 'Deliver to client' }).click();
    await confirm.waitFor({ state: 'detached' });
    await panel
      .getByRole('status')
      .getByText(`${client.name} gets an e-mail with the download link.`, { exact: true })
      .waitFor({ timeout: 30_000 });
    // The section's list moves it to the delivered ones.
    const list = page.getByRole('navigation', { name: 'Orders to deliver' });
    await list
      .getByRole('region', { name: /^Recently delivered/ })
      .getByRole('button', { name: new RegExp(`Order ${orderNumber}`) })
      .waitFor({ timeout: 20_000 });
    await tallShot('34-delivery-sent');
  });

  it('e-mails the client the download link', async () => {
    await expect
      .poll(() => smtp.received.filter((r) => r.to.includes(client.email) && /gotowe do pobrania/.test(r.mail.subject ?? '')).length, {
        timeout: 30_000,
      })
      .toBe(1);
    const mail = smtp.received.find((r) => r.to.includes(client.email) && /gotowe do pobrania/.test(r.mail.subject ?? ''));
    expect(mail?.mail.subject).toBe(`Twoje zdjęcia są gotowe do pobrania (zamówienie ${orderNumber})`);
    expect(mail?.mail.to && 'value' in mail.mail.to ? mail.mail.to.value.map((a) => a.address) : []).toEqual([client.email]);
    const text = mail?.mail.text ?? '';
    downloadLink = /https?:\/\/\S+\/d\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
    expect(downloadLink.startsWith(`${setup.server.url}/d/`)).toBe(true);
    expect(String(mail?.mail.html ?? '')).toContain(downloadLink);
  });

  it('lets the client download both sets as zips, with the files that were dropped', async () => {
    const page = setup.client.page;
    const errorsBefore = setup.client.errors.length;
    await page.goto(downloadLink);
    await page.getByRole('heading', { level: 1, name: 'Zielińska family' }).waitFor();
    await page.getByText(`Zamówienie ${orderNumber}`, { exact: false }).first().waitFor();
    await page.screenshot({ path: path.join(screenshotDir, '35-download-page.png'), fullPage: true });

    for (const set of ['full', 'web'] as const) {
      const label = set === 'full' ? 'Pełna rozdzielczość' : 'Wersja do internetu';
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: new RegExp(`^Pobierz cały zestaw „${label}” jako jeden plik zip`) }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`Zielińska family ${orderNumber} - ${label}.zip`);
      const zipPath = path.join(setup.dir, `${set}.zip`);
      await download.saveAs(zipPath);
      const out = path.join(setup.dir, `unzipped-${set}`);
      execFileSync('unzip', ['-q', zipPath, '-d', out]);
      const folder = path.join(out, label);
      const names = (await fs.readdir(folder)).sort();
      expect(names).toEqual(edited.map((name) => `${stem(name)}.jpg`).sort());
      for (const name of edited) {
        const data = await fs.readFile(path.join(folder, `${stem(name)}.jpg`));
        const meta = await sharp(data, { failOn: 'warning' }).metadata();
        await sharp(data, { failOn: 'warning' }).raw().toBuffer();
        expect(meta.format, name).toBe('jpeg');
        expect(meta.orientation ?? 1, name).toBe(1);
        if (set === 'full' && asIs.has(name)) expect(sha256(data), name).toBe(droppedSha.get(name));
        else expect(sha256(data), name).not.toBe(droppedSha.get(name));
        if (set === 'web') expect(Math.max(meta.width ?? 0, meta.height ?? 0), name).toBeLessThanOrEqual(2048);
      }
    }
    // The download page has no icon, so Chromium asks for /favicon.ico and logs its 404: that one
    // is expected here (the page itself, its style sheet and the files all load).
    const favicon = 'Failed to load resource: the server responded with a status of 404 (Not Found)';
    const logged = setup.client.errors.splice(errorsBefore);
    expect(logged.filter((e) => e !== favicon)).toEqual([]);
  });

  it('shows the studio the download page link and when the client downloaded', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Orders', exact: true }).click();
    // The desk reopens on the order it showed last (this one, from validating and marking it paid).
    await page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` }).waitFor();
    await page.getByRole('button', { name: 'Sync now' }).first().click();
    const card = page.getByRole('region', { name: 'Download page' });
    await card.getByText(downloadLink, { exact: true }).waitFor({ timeout: 20_000 });
    const downloads = card.getByRole('list', { name: 'Downloads' });
    await downloads.getByText('All files as a zip (full resolution)').waitFor({ timeout: 20_000 });
    await downloads.getByText('All files as a zip (web version)').waitFor();
    await card.scrollIntoViewIfNeeded();
    await setup.shot('36-order-download-link');
  });

  it('shows the delivery in Polish, with the matcher’s reasons translated', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Language').selectOption('pl');
    await page.getByRole('button', { name: 'Przekazanie zdjęć', exact: true }).click();
    // In Polish the section and the panel are both "Przekazanie zdjęć": the panel is the inner one.
    const panel = page.getByRole('region', { name: 'Przekazanie zdjęć' }).last();
    await panel.getByRole('status').getByText('Anna Zielińska dostanie e-mail z linkiem do pobrania.').waitFor();
    await panel.getByRole('button', { name: 'Upuść inne pliki' }).click();
    await panel.getByLabel('Folder z obrobionymi zdjęciami').fill(editsDir);
    await panel.getByRole('button', { name: 'Dodaj zdjęcia' }).click();
    const summary = panel.getByRole('list', { name: 'Co znaleziono' });
    await summary.waitFor();
    expect(await summary.getByRole('listitem').allTextContents()).toEqual([
      '3 Dopasowane',
      '1 Nadmiarowe',
      '1 Brakujące',
      '1 Do wyboru',
      '2 Pominięte',
    ]);
    await panel.getByRole('table', { name: 'Dopasowane pliki' }).getByRole('cell', { name: 'po edycji: -Edit' }).first().waitFor();
    await panel.getByText('Czy chodziło o progressive.jpg?').waitFor();
    await panel.getByText('Nie upuszczono pliku dla progressive.jpg.').waitFor();
    await panel.getByText('Pliki, które mogą być zdjęciem orient-6-portrait.jpg: 2. Wybierz ten, który ma zostać wysłany.').waitFor();
    await panel.getByLabel('Zdjęcie dla orient-6-portrait-Edit copy.jpg').selectOption({ label: 'Nie wysyłaj tego pliku' });
    await panel.getByLabel('Zdjęcie dla orient-6-portrait-Edit.jpg').selectOption({ label: 'orient-6-portrait.jpg' });
    await panel.getByRole('button', { name: 'Wyślij 4 pliki' }).waitFor();
    await page.getByRole('button', { name: 'Ustawienia', exact: true }).click();
    await page.getByLabel('Język').selectOption('en');
  });
});
