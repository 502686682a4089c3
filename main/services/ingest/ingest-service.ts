// Shoot folders → catalog: watches folders, registers settled files (keeping identity),
// runs the variants queue, and reports progress per shoot. Nothing here deletes or
// writes a user's file; a vanished folder makes its shoot "offline", never empties it.
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Catalog, Job, Shoot, ShootKind } from '../catalog';
import { createFolderWatcher, type FolderWatcher } from './folder-watcher';
import type { Imaging } from './imaging-port';
import { createJobRunner } from './job-runner';
import { type ProcessOutcome, processPhoto } from './process-photo';
import { createProgressReporter, type ShootProgress } from './progress-reporter';
import { registerFile } from './register-file';
import { firstLevelFolder, isInside, owningShoot, watchedFolders } from './shoot-paths';
import { createTaskLimiter } from './task-limiter';
import { validateShootFolder } from './validate-shoot-folder';
import { enqueueVariants, ingestQueue, shootOfQueue } from './variant-jobs';
import { removeStaleVariantTemps } from './variant-temp-files';

export type { ShootProgress };

export interface IngestEvents {
  progress(progress: ShootProgress): void;
  photosChanged(shootId: string): void;
  notice(message: string, level: 'info' | 'warning' | 'error'): void;
}

export interface IngestOptions {
  catalog: Catalog;
  imaging: Imaging;
  libraryDir: string;
  cacheDir: string;
  events: IngestEvents;
  now?: () => number;
  concurrency?: number;
  settleMs?: number;
  giveUpMs?: number;
  forcePolling?: boolean;
  /** How often to look for an offline shoot's folder to come back. */
  offlineCheckMs?: number;
  logError?: (message: string, error: unknown) => void;
}

export interface IngestService {
  start(): Promise<void>;
  addShoot(input: { path: string; kind: ShootKind }): Promise<Shoot>;
  removeShoot(shootId: string): Promise<void>;
  pause(shootId: string): void;
  resume(shootId: string): void;
  cancel(shootId: string): number;
  retry(photoIds: string[]): void;
  progress(shootId: string): ShootProgress;
  /** Resolves once every watched folder was scanned and every due job has run. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export function createIngestService(options: IngestOptions): IngestService {
  const { catalog, events } = options;
  const now = options.now ?? Date.now;
  const paused = new Set<string>();
  const pendingScans = new Set<string>();
  const registering = createTaskLimiter(4);
  let diskFull = false;
  let offlineTimer: NodeJS.Timeout | null = null;

  const reporter = createProgressReporter({
    catalog,
    now,
    isPaused: (shootId) => paused.has(shootId) || diskFull,
    emit: (progress) => {
      events.progress(progress);
      events.photosChanged(progress.shootId);
    },
  });
  const progress = reporter.progress;
  const emitProgress = reporter.report;

  const runner = createJobRunner<ProcessOutcome>({
    catalog,
    concurrency: options.concurrency ?? Math.max(1, Math.min(os.availableParallelism(), 4)),
    queuePrefix: 'ingest:',
    isPaused: (queue) => diskFull || paused.has(shootOfQueue(queue) ?? ''),
    handle: (job: Job) =>
      processPhoto(
        { catalog, imaging: options.imaging, cacheDir: options.cacheDir, ...(options.logError ? { logError: options.logError } : {}) },
        job,
      ),
    onDone(job, outcome) {
      const shootId = shootOfQueue(job.queue);
      if (!shootId) return;
      if (outcome === 'ready' || outcome === 'needs_attention') reporter.recordDone(shootId);
      if (outcome === 'disk_full' && !diskFull) {
        diskFull = true;
        events.notice('The disk holding the library is full, so importing is paused. Free some space, then resume the import.', 'error');
      }
      emitProgress(shootId, outcome === 'disk_full');
    },
    onError(job, error) {
      options.logError?.(`ingest job ${job.id} failed`, error);
    },
  });

  function shootForFile(filePath: string): Shoot | null {
    const shoots = catalog.shoots.list();
    const owner = owningShoot(shoots, filePath);
    if (owner?.kind !== 'root') return owner;
    // A file inside a new first-level folder of a root starts a shoot of its own.
    const folder = firstLevelFolder(owner.path, filePath);
    if (!folder) return owner;
    return shoots.find((s) => s.path === folder) ?? catalog.shoots.add({ path: folder, name: path.basename(folder), kind: 'shoot' });
  }

  function onFileSettled(filePath: string, stat: { size: number; mtimeMs: number }) {
    void registering.run(async () => {
      const shoot = shootForFile(filePath);
      if (!shoot) return;
      try {
        const { outcome } = await registerFile({ catalog, imaging: options.imaging }, shoot.id, filePath, stat);
        if (outcome !== 'unchanged') {
          runner.wake();
          emitProgress(shoot.id);
        }
      } catch (error) {
        options.logError?.(`could not register ${filePath}`, error);
      }
    });
  }

  function onFileRemoved(filePath: string) {
    const photo = catalog.photos.findByFilePath(filePath);
    if (!photo) return;
    // A pair loses one file: the photo stays as long as any of its files is on disk.
    if (photo.files.some((f) => f.path !== filePath && existsSync(f.path))) return;
    catalog.photos.markMissing(photo.id);
    if (photo.shootId) emitProgress(photo.shootId, true);
  }

  function reconcile(root: string) {
    for (const shoot of catalog.shoots.list().filter((s) => s.path === root || isInside(s.path, root))) {
      for (const file of catalog.photos.filesOfShoot(shoot.id)) {
        if (file.status !== 'missing' && !existsSync(file.path)) onFileRemoved(file.path);
      }
      catalog.shoots.markScanned(shoot.id);
      emitProgress(shoot.id, true);
    }
  }

  function setOffline(root: string) {
    for (const shoot of catalog.shoots.list().filter((s) => s.path === root || isInside(s.path, root))) {
      if (shoot.status !== 'offline') {
        catalog.shoots.setStatus(shoot.id, 'offline');
        events.notice(
          `The folder of "${shoot.name}" is not reachable (drive unplugged or folder moved). Its photos are kept; it comes back when the folder does.`,
          'warning',
        );
        emitProgress(shoot.id, true);
      }
    }
    void watcher.remove(root);
    scheduleOfflineCheck();
  }

  function scheduleOfflineCheck() {
    if (offlineTimer) return;
    offlineTimer = setInterval(() => {
      for (const shoot of watchedFolders(catalog.shoots.list()).filter((s) => s.status === 'offline')) {
        if (existsSync(shoot.path)) watchRoot(shoot);
      }
    }, options.offlineCheckMs ?? 5000);
    offlineTimer.unref?.();
  }

  const watcher: FolderWatcher = createFolderWatcher({
    settleMs: options.settleMs ?? 1500,
    giveUpMs: options.giveUpMs ?? 10 * 60_000,
    forcePolling: options.forcePolling ?? false,
    onFileSettled,
    onFileRemoved,
    onFileStuck: (filePath) =>
      events.notice(
        `${path.basename(filePath)} kept changing for minutes and was not imported. Is a copy still running? It is imported once it stops changing.`,
        'warning',
      ),
    onRootGone: setOffline,
    onRootReady: (root) => {
      void registering.idle().then(() => {
        reconcile(root);
        pendingScans.delete(root);
      });
    },
    onNotice: (message) => events.notice(message, 'warning'),
  });

  function watchRoot(shoot: Shoot) {
    if (!existsSync(shoot.path)) {
      setOffline(shoot.path);
      return;
    }
    for (const s of catalog.shoots.list().filter((x) => x.path === shoot.path || isInside(x.path, shoot.path))) {
      if (s.status === 'offline') catalog.shoots.setStatus(s.id, 'online');
    }
    pendingScans.add(shoot.path);
    watcher.add(shoot.path);
  }

  return {
    async start() {
      // Under the library lock nothing else writes the cache: leftovers of a killed run go.
      await removeStaleVariantTemps(options.cacheDir);
      catalog.jobs.recoverAllRunning();
      for (const shoot of watchedFolders(catalog.shoots.list())) watchRoot(shoot);
      runner.start();
    },

    async addShoot({ path: rawPath, kind }) {
      const folder = path.resolve(rawPath);
      await validateShootFolder(catalog, options.libraryDir, folder);
      // Shoots already watched inside a new root become its children (their photos stay).
      const shoot = catalog.shoots.add({ path: folder, name: path.basename(folder) || folder, kind });
      const nested = catalog.shoots.list().filter((s) => s.id !== shoot.id && isInside(s.path, folder));
      for (const child of nested) await watcher.remove(child.path);
      if (kind === 'root') {
        const entries = await fs.readdir(folder, { withFileTypes: true });
        for (const entry of entries) {
          const child = path.join(folder, entry.name);
          if (entry.isDirectory() && !entry.name.startsWith('.') && !nested.some((n) => n.path === child)) {
            catalog.shoots.add({ path: child, name: entry.name, kind: 'shoot' });
          }
        }
      }
      watchRoot(shoot);
      return shoot;
    },

    async removeShoot(shootId) {
      const shoot = catalog.shoots.get(shootId);
      if (!shoot) throw new AppError('not_found', 'This shoot is no longer in the library.');
      catalog.jobs.cancelQueued(ingestQueue(shootId), 'The shoot was removed from the library.');
      if (watcher.roots().includes(shoot.path)) await watcher.remove(shoot.path);
      catalog.shoots.remove(shootId);
    },

    pause(shootId) {
      paused.add(shootId);
      emitProgress(shootId, true);
    },
    resume(shootId) {
      paused.delete(shootId);
      diskFull = false;
      runner.wake();
      emitProgress(shootId, true);
    },
    cancel(shootId) {
      const cancelled = catalog.jobs.cancelQueued(ingestQueue(shootId), 'Import cancelled.');
      catalog.transaction(() => {
        for (const job of cancelled) {
          const { photoId } = job.payload as { photoId: string };
          catalog.photos.markNeedsAttention(photoId, 'Import was cancelled before this photo was processed. Press Retry to import it.');
        }
      });
      emitProgress(shootId, true);
      return cancelled.length;
    },
    retry(photoIds) {
      catalog.transaction(() => {
        for (const id of photoIds) {
          const photo = catalog.photos.get(id);
          if (!photo?.shootId) continue;
          catalog.photos.markImporting(id);
          enqueueVariants(catalog, photo.shootId, id);
        }
      });
      runner.wake();
    },
    progress,

    async settled() {
      while (pendingScans.size > 0 || watcher.pendingFiles() > 0) await new Promise((r) => setTimeout(r, 50));
      await registering.idle();
      await runner.idle();
    },

    async close() {
      if (offlineTimer) clearInterval(offlineTimer);
      await watcher.close();
      await registering.idle();
      await runner.stop();
      reporter.close();
    },
  };
}
