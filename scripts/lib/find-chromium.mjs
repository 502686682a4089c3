// Where a Chromium-family browser for the end-to-end tests lives on this machine.
// PROOFDESK_CHROMIUM wins; then the usual install locations per platform.
import { existsSync } from 'node:fs';

const candidates = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

/** @returns {string | null} */
export function findChromium(env = process.env, platform = process.platform) {
  if (env.PROOFDESK_CHROMIUM) return existsSync(env.PROOFDESK_CHROMIUM) ? env.PROOFDESK_CHROMIUM : null;
  return (candidates[platform] ?? []).find((p) => existsSync(p)) ?? null;
}

/** Flags for a headless run on a locked-down machine: no sandbox as root, no GPU, no calls home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
