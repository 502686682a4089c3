// Test helpers: a shoot of real photo files in a catalog (as ingest leaves them, without the
// watcher) and the task views the server sends about them.
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createTask } from '../../../../shared/retouch';
import type { RetouchTaskView } from '../../../../shared/schemas/retouch-api';
import { sharedImagesDir } from '../../../../test/helpers/fixtures';
import type { Catalog } from '../../catalog';

export const ORIGINAL_FIXTURES = ['camera-nikon-d3100-14mp.jpg', 'raw-synthetic-nikon-preview3000.nef', 'progressive.jpg'];

export const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Copies the fixtures into <dir>/Shoot and records one photo per file; returns their ids and paths. */
export function shootOfFiles(catalog: Catalog, dir: string, names: readonly string[] = ORIGINAL_FIXTURES) {
  const folder = path.join(dir, 'Shoot');
  mkdirSync(folder, { recursive: true });
  const shoot = catalog.shoots.add({ path: folder, name: 'Shoot', kind: 'shoot' });
  return names.map((name) => {
    const file = path.join(folder, name);
    copyFileSync(path.join(sharedImagesDir, name), file);
    // The fixtures are read-only; a photographer's files are not.
    chmodSync(file, 0o644);
    const stat = statSync(file);
    const photo = catalog.photos.create({
      shootId: shoot.id,
      folder,
      stem: name.replace(/\.[^.]+$/, ''),
      files: [{ path: file, role: name.endsWith('.nef') ? 'raw' : 'primary', size: stat.size, mtimeMs: stat.mtimeMs, fingerprint: null }],
    });
    return { photoId: photo.id, name, file };
  });
}

let taskCount = 0;

/** A task view as the server sends it (to do, round 0). */
export function taskView(photo: {
  photoId: string;
  name: string;
  taskId?: string;
  orderNumber?: string | null;
  original?: RetouchTaskView['photo']['original'];
}): RetouchTaskView {
  taskCount += 1;
  const actor = { deviceId: 'dev-1', name: 'Anna' };
  const created = createTask({
    type: 'create',
    actor,
    at: '2026-03-04T10:00:00.000Z',
    taskId: photo.taskId ?? `task-${taskCount}`,
    source: { kind: 'by_hand', brief: 'Clean the skin' },
  });
  if (!created.ok) throw new Error(created.reason);
  return {
    task: created.task,
    photo: {
      photoId: photo.photoId,
      name: photo.name,
      galleryId: null,
      orderId: null,
      orderNumber: photo.orderNumber ?? null,
      original: photo.original ?? null,
    },
    priority: 'normal',
    dueAt: null,
    versions: [],
    markups: {},
    history: [created.transition],
    revision: 1,
  };
}

/** The `original` of a view once the server has the file. */
export const uploaded = (file: string, name = path.basename(file)) => ({ sha256: sha256Of(file), name, size: statSync(file).size });
