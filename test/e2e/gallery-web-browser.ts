// Chromium for the gallery page tests: one browser, a context per visitor (a desktop client,
// a phone client), console errors collected, and a real touch swipe through CDP.
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/lib/find-chromium.mjs';

// Refusals the page expects and handles (401 before the code, a wrong code, 410, 429, the
// dropped order connection) still make Chromium log "Failed to load resource"; those are fine.
const expectedNoise = /Failed to load resource: (the server responded with a status of (401|410|429)|net::ERR_EMPTY_RESPONSE)/;

export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Page errors and unexpected console errors (CSP violations included). */
  errors: string[];
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-system-deps.mjs` or set PROOFDESK_CHROMIUM.');
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true });
}

export async function newVisitor(browser: Browser, options: BrowserContextOptions): Promise<Visitor> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.message}\n${error.stack ?? ''}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !expectedNoise.test(message.text())) errors.push(message.text());
  });
  return { context, page, errors };
}

/** A one-finger horizontal swipe across the element's middle, as a phone sends it. */
export async function swipe(page: Page, selector: string, direction: 'left' | 'right'): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`Nothing to swipe at ${selector}`);
  const y = box.y + box.height / 2;
  const [from, to] =
    direction === 'left' ? [box.x + box.width * 0.8, box.x + box.width * 0.2] : [box.x + box.width * 0.2, box.x + box.width * 0.8];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y }] });
  for (let step = 1; step <= 10; step++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from + ((to - from) * step) / 10, y: y + step }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  // A fast swipe leaves a fling running, and Chromium spends the next tap on stopping it
  // (as on a real phone): let it settle so the test's next tap is a tap.
  await page.waitForTimeout(600);
}

/**
 * Before a full-page screenshot: scroll through once so below-the-fold images (decoded
 * asynchronously) are painted, then back to the top so the fixed bar is drawn where it belongs.
 */
export async function paintWholePage(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  await page.waitForTimeout(400);
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await page.waitForTimeout(800); // Pages fade in; let the last animation finish.
}
