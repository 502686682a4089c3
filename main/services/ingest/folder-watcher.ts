// Watches shoot folders with chokidar and reports settled image files, removals and
// folders that went away (a card or drive unplugged). When the OS runs out of watch
// handles (EMFILE/ENOSPC) it switches that watcher to polling and says so.
import path from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import { isIgnoredFolder, isImagePath } from './image-files';
import { createStabilityTracker } from './stability-tracker';

export interface FolderWatcherEvents {
  /** A new or changed image whose size and mtime have been still for the settle window. */
  onFileSettled(filePath: string, stat: { size: number; mtimeMs: number }): void;
  onFileRemoved(filePath: string): void;
  /** An image that kept changing past the give-up window (a copy that never finished). */
  onFileStuck(filePath: string): void;
  /** The watched folder itself disappeared (drive unplugged, folder moved away). */
  onRootGone(root: string): void;
  /** The initial scan of a root finished (every existing file has been reported). */
  onRootReady(root: string): void;
  onNotice(message: string): void;
}

export interface FolderWatcherOptions extends FolderWatcherEvents {
  settleMs?: number;
  giveUpMs?: number;
  forcePolling?: boolean;
}

export interface FolderWatcher {
  add(root: string): void;
  remove(root: string): Promise<void>;
  roots(): string[];
  pendingFiles(): number;
  close(): Promise<void>;
}

const LIMIT_ERRORS = new Set(['EMFILE', 'ENOSPC', 'ENFILE']);

export function createFolderWatcher(options: FolderWatcherOptions): FolderWatcher {
  const watchers = new Map<string, FSWatcher>();
  const tracker = createStabilityTracker({
    settleMs: options.settleMs ?? 1500,
    giveUpMs: options.giveUpMs ?? 10 * 60_000,
    onSettled: options.onFileSettled,
    onGaveUp: options.onFileStuck,
  });

  function start(root: string, polling: boolean) {
    const watcher = watch(root, {
      ignoreInitial: false,
      followSymlinks: false,
      alwaysStat: false,
      ...(polling ? { backend: 'polling' as const, pollingInterval: 1000, pollingBinaryInterval: 1500 } : {}),
      ignored: (p: string, stats?: import('node:fs').Stats) => {
        if (p === root) return false;
        if (stats?.isDirectory()) return isIgnoredFolder(p);
        if (stats?.isFile()) return !isImagePath(p);
        return path.basename(p).startsWith('.');
      },
    });
    watcher.on('add', (p) => tracker.touch(p));
    watcher.on('change', (p) => tracker.touch(p));
    watcher.on('unlink', (p) => {
      tracker.forget(p);
      options.onFileRemoved(p);
    });
    watcher.on('unlinkDir', (p) => {
      if (path.resolve(p) === path.resolve(root)) options.onRootGone(root);
    });
    watcher.on('ready', () => options.onRootReady(root));
    watcher.on('error', (error) => {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (LIMIT_ERRORS.has(code) && !polling) {
        options.onNotice(
          `Proofdesk reached this computer's limit of watched files (${code}) and now checks ${root} every second instead. New photos still arrive, a little later.`,
        );
        void watcher.close().then(() => {
          if (watchers.get(root) === watcher) start(root, true);
        });
        return;
      }
      if (code === 'ENOENT') {
        options.onRootGone(root);
        return;
      }
      options.onNotice(`Watching ${root} failed: ${(error as Error).message}`);
    });
    watchers.set(root, watcher);
  }

  return {
    add(root) {
      if (!watchers.has(root)) start(root, options.forcePolling ?? false);
    },
    async remove(root) {
      const watcher = watchers.get(root);
      watchers.delete(root);
      await watcher?.close();
    },
    roots: () => [...watchers.keys()],
    pendingFiles: () => tracker.pending(),
    async close() {
      tracker.close();
      await Promise.all([...watchers.values()].map((w) => w.close()));
      watchers.clear();
    },
  };
}
