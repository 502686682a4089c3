// Test helpers: a throw-away library folder and a clock the test moves by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { GallerySettings } from '../../../shared/schemas/hosted-api';
import { openCatalog } from './open-catalog';

/** A fresh temp folder, removed when the calling test finishes. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'proofdesk-catalog-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function manualClock(start = '2025-06-01T10:00:00.000Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

/** A catalog in a temp folder holding one shoot with one photo (a.jpg), for repository tests. */
export function catalogWithOnePhoto() {
  const clock = manualClock();
  const catalog = openCatalog(tempDir(), clock);
  const shoot = catalog.shoots.add({ path: '/s', name: 'S', kind: 'shoot' });
  const photo = catalog.photos.create({
    shootId: shoot.id,
    folder: '/s',
    stem: 'a',
    files: [{ path: '/s/a.jpg', role: 'primary', size: 1, mtimeMs: 1, fingerprint: null }],
  });
  return { clock, catalog, photo };
}

/** Gallery settings with everything off but web downloads: tests override what they look at. */
export const TEST_GALLERY_SETTINGS: GallerySettings = {
  expiresAt: null,
  allowWebDownloads: true,
  watermark: false,
  manualValidation: false,
  retouchBeforeDelivery: false,
  autoSendDownloadLinks: false,
  saveDeterrent: false,
};
