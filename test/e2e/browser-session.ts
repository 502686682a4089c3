// Starts a real browser host (real services, temp config) and a real Chromium page on it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { RunningHost } from '../../main/host/host-server';
import { runHost } from '../../main/host/run-host';
import { chromiumArgs, findChromium } from '../../scripts/lib/find-chromium.mjs';
import { recordingLogger } from '../helpers/test-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = path.join(root, 'test/e2e/screenshots');

export interface BrowserSession {
  host: RunningHost;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowserSession(configDir: string): Promise<BrowserSession> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-system-deps.mjs` or set PROOFDESK_CHROMIUM.');
  const host = await runHost({ configDir, rendererDir: path.join(root, 'out/renderer'), version: '0.1.0', log: recordingLogger() });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return {
    host,
    browser,
    page,
    async close() {
      await browser.close();
      await host.close();
      if (errors.length) throw new Error(`The page logged errors:\n${errors.join('\n')}`);
    },
  };
}
