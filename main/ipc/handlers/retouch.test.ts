// Opening a retouch task's file: through the desktop app's shell (in the system's editor, or shown
// in its folder); the browser host has no shell, so it says where the file is and what is needed.
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { sharedImagesDir } from '../../../test/helpers/fixtures';
import type { LibrarySession } from '../../core/library-session';
import { taskView } from '../../services/catalog/retouch-test-support';
import { openRetouchLaptop } from '../../services/retouch/test-support/retouch-laptop';
import type { HandlerDeps } from './deps';
import { retouchHandlers } from './retouch';

const ctx = { origin: null, transport: 'host' as const };

function laptopWithOwnPhoto() {
  const laptop = openRetouchLaptop(null);
  const folder = path.join(laptop.dir, 'Shoot');
  mkdirSync(folder);
  const file = path.join(folder, 'IMG_0412.jpg');
  copyFileSync(path.join(sharedImagesDir, 'orient-1-landscape.jpg'), file);
  chmodSync(file, 0o644);
  const shoot = laptop.catalog.shoots.add({ path: folder, name: 'Shoot', kind: 'shoot' });
  const photo = laptop.catalog.photos.create({
    shootId: shoot.id,
    folder,
    stem: 'IMG_0412',
    files: [{ path: file, role: 'primary', size: 1, mtimeMs: 1, fingerprint: null }],
  });
  laptop.catalog.retouch.putView(taskView({ taskId: 't1', name: 'IMG_0412.jpg', photoId: photo.id }));
  const deps = (shell?: HandlerDeps['shell']): HandlerDeps => ({
    appInfo: () => ({}) as never,
    prefs: {} as never,
    library: {} as never,
    session: () => ({ retouch: laptop.retouch }) as LibrarySession,
    ...(shell ? { shell } : {}),
  });
  return { file, deps };
}

it('opens the original in the editor or shows it in its folder through the desktop shell', async () => {
  const { file, deps } = laptopWithOwnPhoto();
  const opened: string[] = [];
  const handlers = retouchHandlers(
    deps({
      openPath: async (target) => {
        opened.push(`open ${target}`);
        return '';
      },
      showItemInFolder: (target) => opened.push(`reveal ${target}`),
    }),
  );
  expect(await handlers['retouch.open']({ taskId: 't1', file: 'original', how: 'editor' }, ctx)).toEqual({ path: file });
  await handlers['retouch.open']({ taskId: 't1', file: 'original', how: 'reveal' }, ctx);
  expect(opened).toEqual([`open ${file}`, `reveal ${file}`]);
  await expect(handlers['retouch.open']({ taskId: 't1', file: 'latest_version', how: 'editor' }, ctx)).rejects.toThrow(
    /No version of IMG_0412.jpg has been submitted yet/,
  );
  const failing = retouchHandlers(deps({ openPath: async () => 'no application is set for .jpg', showItemInFolder: () => {} }));
  await expect(failing['retouch.open']({ taskId: 't1', file: 'original', how: 'editor' }, ctx)).rejects.toThrow(
    /could not be opened \(no application is set for \.jpg\)/,
  );
});

it('says where the file is in the browser host, which cannot open an editor', async () => {
  const { file, deps } = laptopWithOwnPhoto();
  await expect(retouchHandlers(deps())['retouch.open']({ taskId: 't1', file: 'original', how: 'editor' }, ctx)).rejects.toThrow(
    `The file is at ${file}. Opening it in an editor or showing it in its folder needs the Proofdesk desktop app`,
  );
});
