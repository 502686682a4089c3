// The retouch queue end to end (issue 7 point 7), in Chromium against the real hosted server and
// two studio laptops: the studio iMac (Marta, who publishes and reviews) and an assistant's laptop
// (Anna) that holds none of the photos. A paid order in a gallery with "retouch before delivery"
// makes one task per ordered photo; Anna claims both, gets the originals from the hosted service,
// drops her edits back; Marta compares before/after (slider, differences), sends one back with a
// circle and a comment; Anna sees the markup, resumes, drops round 2; Marta approves both, and the
// order moves on to "Ready to deliver".
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedImagesDir } from '../helpers/fixtures';
import { type BrowserSession, openBrowserSession, screenshotDir } from './browser-session';
import {
  createLibraryAndImport,
  openClientGallery,
  orderPhotos,
  pairWithServer,
  publishToNewClient,
  type StudioWithServer,
  startStudioWithServer,
} from './studio-with-server';

const fixtures = ['progressive.jpg', 'orient-6-portrait.jpg', 'camera-nikon-d3100-14mp.jpg'];
const ordered = ['progressive.jpg', 'orient-6-portrait.jpg'];
const note = 'Please remove the red lamp in the corner and soften the shadows.';

let setup: StudioWithServer;
let anna: BrowserSession;
let orderNumber = '';
let editsDir = '';
let round2Dir = '';
const started = Date.now();

/** The retoucher's export: the original (upright) with a painted rectangle, as a JPEG. */
async function paintedEdit(source: string, target: string, colour: string) {
  const meta = await sharp(source).metadata();
  // Orientations 5–8 swap the sides: the export is upright, as an editor writes it.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = (turned ? meta.height : meta.width) ?? 0;
  const height = (turned ? meta.width : meta.height) ?? 0;
  const box = {
    left: Math.round(width * 0.2),
    top: Math.round(height * 0.3),
    width: Math.round(width * 0.25),
    height: Math.round(height * 0.2),
  };
  const patch = await sharp({ create: { width: box.width, height: box.height, channels: 3, background: colour } })
    .png()
    .toBuffer();
  await sharp(source)
    .rotate()
    .composite([{ input: patch, left: box.left, top: box.top }])
    .jpeg({ quality: 92 })
    .toFile(target);
}

const sync = async (page: Page) => {
  await page.getByRole('button', { name: 'Sync now' }).first().click();
};

/** Clicks "Sync now" until the locator shows (the feed may need a round or two: originals upload first). */
async function syncUntil(page: Page, visible: () => Promise<boolean>, timeout = 30_000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (await visible()) return;
    await sync(page).catch(() => undefined);
    await page.waitForTimeout(700);
  }
  await shot(page, 'retouch-timeout');
  throw new Error(
    `Timed out waiting for the change to arrive through sync (see retouch-timeout.png): ${await page.locator('main').textContent()}`,
  );
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

async function setName(page: Page, name: string) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByText('Saved', { exact: true }).first().waitFor();
}

beforeAll(async () => {
  setup = await startStudioWithServer({
    prefix: 'proofdesk-e2e-retouch-',
    studioName: 'Studio Nowak',
    shootName: 'Nowak wedding',
    fixtures,
  });
  anna = await openBrowserSession(path.join(setup.dir, 'anna-config'));
  editsDir = path.join(setup.dir, 'Anna edits');
  round2Dir = path.join(setup.dir, 'Anna edits round 2');
  await fs.mkdir(editsDir);
  await fs.mkdir(round2Dir);
  await paintedEdit(path.join(sharedImagesDir, 'progressive.jpg'), path.join(editsDir, 'progressive-edit.jpg'), '#3a6ea5');
  await paintedEdit(path.join(sharedImagesDir, 'orient-6-portrait.jpg'), path.join(editsDir, 'orient-6-portrait-edit.jpg'), '#7a4a2a');
  await paintedEdit(path.join(sharedImagesDir, 'progressive.jpg'), path.join(round2Dir, 'progressive-edit.jpg'), '#5a8a5a');
}, 120_000);

afterAll(async () => {
  await anna?.close();
  await setup?.close();
  console.info(`retouch e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

describe('the retouch queue in Chromium: two laptops, one hosted service', { timeout: 120_000 }, () => {
  it('a paid order in a gallery with retouch before delivery waits to retouch', async () => {
    const { page } = setup.session;
    await createLibraryAndImport(page, setup, 'Studio Nowak', fixtures.length);
    await pairWithServer(page, setup, 'Studio iMac');
    await setName(page, 'Marta');
    const { link, code } = await publishToNewClient(page, {
      name: 'Ola Nowak',
      email: 'ola.nowak@example.pl',
      price: '40',
      manualValidation: false,
      retouchBeforeDelivery: true,
    });
    await openClientGallery(setup.client.page, link, code, 'Nowak wedding');
    await orderPhotos(setup.client.page, ordered, {
      delivery: /Pliki cyfrowe w pełnej rozdzielczości/,
      name: 'Ola Nowak',
      email: 'ola.nowak@example.pl',
      note,
    });

    await page.getByRole('button', { name: 'Orders', exact: true }).click();
    await sync(page);
    await page.getByRole('tab', { name: 'Awaiting payment 1' }).click({ timeout: 20_000 });
    const row = page.getByRole('table', { name: 'Orders' }).getByRole('row').nth(1);
    orderNumber = ((await row.getByRole('rowheader').textContent()) ?? '').trim();
    await row.getByRole('button', { name: `Open order ${orderNumber}` }).click();
    const actions = page.getByRole('region', { name: 'Actions' });
    await actions.getByRole('button', { name: 'Mark as paid' }).click();
    const dialog = page.getByRole('dialog', { name: `Mark order ${orderNumber} as paid` });
    await dialog.getByRole('button', { name: 'Mark as paid' }).click();
    await dialog.waitFor({ state: 'detached' });
    await sync(page);
    await page.getByTestId('order-pending').waitFor({ state: 'detached', timeout: 20_000 });
    await page.locator('.order-page__title-row').getByText('Waiting to retouch').waitFor();
  });

  it('the order’s photos are in the queue on both laptops; Anna claims both', async () => {
    const { page } = setup.session;
    // The studio laptop holds the originals: the tasks arriving make it upload them.
    await page.getByRole('button', { name: 'Retouch', exact: true }).click();
    const tabs = page.getByRole('tablist', { name: 'Show tasks' });
    await syncUntil(page, () => tabs.getByRole('tab', { name: 'Unclaimed 2' }).isVisible());

    // Anna's laptop: a library of its own, paired with a code from the studio laptop.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const hosted = page.getByRole('region', { name: 'Hosted service' });
    await hosted.getByRole('button', { name: 'Pair another computer' }).click();
    const pairing = ((await hosted.locator('.pair-code__code').textContent()) ?? '').trim();
    const a = anna.page;
    await a.goto(anna.host.openUrl);
    await a.getByLabel('Library name').fill('Anna retouch');
    await a.getByLabel('Folder', { exact: true }).fill(path.join(setup.dir, 'anna-library'));
    await a.getByRole('button', { name: 'Create library' }).click();
    await a.getByRole('button', { name: 'Settings', exact: true }).click();
    await a.getByLabel('Hosted service address').fill(setup.server.url);
    await a.getByRole('button', { name: 'Save', exact: true }).click();
    const annaHosted = a.getByRole('region', { name: 'Hosted service' });
    await annaHosted.getByText(setup.server.url, { exact: true }).waitFor();
    await annaHosted.getByLabel('Pairing code').fill(pairing);
    await annaHosted.getByLabel('Name of this computer').fill('Anna’s laptop');
    await annaHosted.getByRole('button', { name: 'Pair this computer' }).click();
    await annaHosted.getByText('Paired with the studio account').waitFor({ timeout: 15_000 });
    await setName(a, 'Anna');

    await a.getByRole('button', { name: 'Retouch', exact: true }).click();
    const annaTabs = a.getByRole('tablist', { name: 'Show tasks' });
    await syncUntil(a, () => annaTabs.getByRole('tab', { name: 'Unclaimed 2' }).isVisible());
    const table = a.getByRole('table', { name: 'Retouch tasks' });
    for (const name of ordered) await table.getByRole('button', { name: `Open the task for ${name}` }).waitFor();
    await table.getByText(note).first().waitFor();
    await table.getByText(orderNumber).first().waitFor();
    await shot(a, '37-retouch-queue');

    await a.getByRole('checkbox', { name: 'Tick every task shown' }).check();
    await a.getByRole('button', { name: 'Claim 2 photos' }).click();
    await annaTabs.getByRole('tab', { name: 'Mine 2' }).waitFor({ timeout: 15_000 });
    await annaTabs.getByRole('tab', { name: 'Unclaimed 0' }).waitFor();

    // The studio laptop sees Anna's hold, and its own claim is refused with her name.
    await page.getByRole('button', { name: 'Retouch', exact: true }).click();
    await syncUntil(page, () => tabs.getByRole('tab', { name: 'Unclaimed 0' }).isVisible());
    await page.getByRole('table', { name: 'Retouch tasks' }).getByText('Anna').first().waitFor();
  });

  it('Anna opens a task (the original came from the hosted service) and drops her edits back', async () => {
    const a = anna.page;
    await a.getByRole('button', { name: 'Open the task for progressive.jpg' }).click();
    await a.getByRole('heading', { level: 1, name: /progressive\.jpg/ }).waitFor();
    await a.getByText(note).waitFor();
    // The original is shown once downloaded and prepared here.
    await a.locator('.retouch-task__main img:visible').first().waitFor({ timeout: 30_000 });
    await a.getByRole('button', { name: '← Retouch queue' }).click();

    // The queue's drop: both edits at once, matched by name to the photos she holds.
    await a.getByRole('button', { name: 'Open the task for progressive.jpg' }).click();
    const drop = a.getByRole('region', { name: 'Edited files' });
    await drop.getByLabel('Folder').fill(editsDir);
    await drop.getByRole('button', { name: 'Check the folder' }).click();
    await drop.getByText('progressive-edit.jpg').waitFor();
    await drop.getByRole('button', { name: 'Send 1 version to review' }).click();
    await a.locator('.retouch-task__header').getByText('In review').waitFor({ timeout: 20_000 });

    await a.getByRole('button', { name: '← Retouch queue' }).click();
    await a.getByRole('button', { name: 'Open the task for orient-6-portrait.jpg' }).click();
    await drop.getByLabel('Folder').fill(editsDir);
    await drop.getByRole('button', { name: 'Check the folder' }).click();
    await drop.getByRole('button', { name: 'Send 1 version to review' }).click();
    await a.locator('.retouch-task__header').getByText('In review').waitFor({ timeout: 20_000 });
    await sync(a);
  });

  it('Marta compares before and after, sees the differences, and sends one back with a circle and a comment', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: 'Retouch', exact: true }).click();
    const tabs = page.getByRole('tablist', { name: 'Show tasks' });
    await syncUntil(page, () => tabs.getByRole('tab', { name: 'To review 2' }).isVisible());
    await tabs.getByRole('tab', { name: 'To review 2' }).click();
    await page.getByRole('button', { name: 'Open the task for progressive.jpg' }).click();
    const main = page.locator('.retouch-task__main');
    await main.locator('img:visible').nth(1).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.retouch-task__main img')].every((i) => (i as HTMLImageElement).complete),
    );
    await setup.shot('38-retouch-slider');

    await page.getByRole('button', { name: 'Show differences' }).click();
    await page.getByText(/% of the pixels changed/).waitFor({ timeout: 20_000 });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.retouch-task__main img')].every((i) => (i as HTMLImageElement).complete),
    );
    await setup.shot('39-retouch-differences');

    // A circle on the picture, with its comment, and a general comment.
    await page.getByRole('button', { name: /^Circle/ }).click();
    const surface = page.getByLabel(/^Drawing on the picture/);
    const box = await surface.boundingBox();
    if (!box) throw new Error('No drawing surface');
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.35);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5, { steps: 8 });
    await page.mouse.up();
    await page.getByLabel('Comment on Circle 1').fill('The patch edge shows here: blend it.');
    await page.getByLabel('Comment for the retoucher').fill('Nearly there, one more pass please.');
    await setup.shot('40-retouch-rejection', true);
    await page.getByRole('button', { name: 'Send back with 1 markup' }).click();
    await page.locator('.retouch-task__header').getByText('Sent back').waitFor({ timeout: 15_000 });

    // The other photo is fine.
    await page.getByRole('button', { name: '← Retouch queue' }).click();
    await page.getByRole('button', { name: 'Open the task for orient-6-portrait.jpg' }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.locator('.retouch-task__header').getByText('Approved').waitFor({ timeout: 15_000 });
    await sync(page);
  });

  it('Anna sees the markup and the comment, resumes, and drops round 2', async () => {
    const a = anna.page;
    await a.getByRole('button', { name: '← Retouch queue' }).click();
    const tabs = a.getByRole('tablist', { name: 'Show tasks' });
    await syncUntil(a, () => tabs.getByRole('tab', { name: 'Sent back 1' }).isVisible());
    await tabs.getByRole('tab', { name: 'Sent back 1' }).click();
    await a.getByRole('button', { name: 'Open the task for progressive.jpg' }).click();
    await a.locator('.retouch-notes').getByText('Nearly there, one more pass please.').waitFor();
    await a.getByText('The patch edge shows here: blend it.').waitFor();
    await expect.poll(() => a.locator('.retouch-task__main svg ellipse').count()).toBeGreaterThan(0);
    await a.waitForFunction(() => [...document.querySelectorAll('.retouch-task__main img')].every((i) => (i as HTMLImageElement).complete));
    await shot(a, '41-retouch-markup-for-retoucher');

    await a.getByRole('button', { name: 'Resume (round 2)' }).click();
    const drop = a.getByRole('region', { name: 'Edited files' });
    await drop.getByLabel('Folder').fill(round2Dir);
    await drop.getByRole('button', { name: 'Check the folder' }).click();
    await drop.getByRole('button', { name: 'Send 1 version to review' }).click();
    await a.locator('.retouch-task__header').getByText('In review').waitFor({ timeout: 20_000 });
    await sync(a);
  });

  it('Marta compares the rounds, approves round 2, and the order is ready to deliver', async () => {
    const { page } = setup.session;
    await page.getByRole('button', { name: '← Retouch queue' }).click();
    const tabs = page.getByRole('tablist', { name: 'Show tasks' });
    await syncUntil(page, () => tabs.getByRole('tab', { name: 'To review 1' }).isVisible());
    await tabs.getByRole('tab', { name: 'To review 1' }).click();
    await page.getByRole('button', { name: 'Open the task for progressive.jpg' }).click();
    const rounds = page.getByRole('region', { name: 'Rounds' });
    await rounds.getByRole('button', { name: 'Round 1', exact: true }).waitFor();
    await rounds.getByText(/Sent back by Marta/).waitFor();
    // Any two rounds compare: round 1 (sent back) against round 2.
    await rounds.locator('select').first().selectOption('1');
    await page.getByRole('region', { name: /^Compare Round 1 · Anna with Round 2 · Anna/ }).waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.retouch-task__main img')].every((i) => (i as HTMLImageElement).complete),
    );
    await setup.shot('42-retouch-rounds');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.locator('.retouch-task__header').getByText('Approved').waitFor({ timeout: 15_000 });
    await sync(page);

    await page.getByRole('button', { name: 'Orders', exact: true }).click();
    // The order page is still open from the payment: it follows the server's answer.
    const title = page.locator('.order-page__title-row');
    await syncUntil(page, () => title.getByText('Ready to deliver').isVisible());
    const history = page.getByRole('region', { name: 'History' });
    await history
      .getByText(/Retouching done/)
      .first()
      .waitFor();
  });
});
