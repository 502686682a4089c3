// A file still being copied (card reader, network share) must not be imported half-written.
// A file is "settled" once its size and mtime have not changed for `settleMs`; a file that
// keeps changing for longer than `giveUpMs` is reported as never completing. A file whose
// mtime is already older than the quiet window (found by a scan, not being written) settles
// at once, so opening a big existing shoot does not wait.
import { promises as fs } from 'node:fs';

export interface StabilityOptions {
  settleMs: number;
  giveUpMs: number;
  onSettled(path: string, stat: { size: number; mtimeMs: number }): void;
  onGaveUp(path: string): void;
  now?: () => number;
}

interface Watch {
  firstSeen: number;
  size: number;
  mtimeMs: number;
  timer: NodeJS.Timeout | null;
}

export interface StabilityTracker {
  /** Call on every add/change event; restarts the quiet window. */
  touch(path: string): void;
  forget(path: string): void;
  pending(): number;
  close(): void;
}

export function createStabilityTracker(options: StabilityOptions): StabilityTracker {
  const now = options.now ?? Date.now;
  const watches = new Map<string, Watch>();

  function schedule(path: string, watch: Watch) {
    if (watch.timer) clearTimeout(watch.timer);
    watch.timer = setTimeout(() => void check(path, false), options.settleMs);
  }

  async function check(path: string, firstLook: boolean) {
    const watch = watches.get(path);
    if (!watch) return;
    let stat: import('node:fs').Stats;
    try {
      stat = await fs.stat(path);
    } catch {
      forget(path); // gone before it settled: the unlink event tells the catalog
      return;
    }
    if (watches.get(path) !== watch) return;
    const unchanged = stat.size === watch.size && stat.mtimeMs === watch.mtimeMs;
    const quietSinceWritten = now() - stat.mtimeMs > options.settleMs * 2;
    if (unchanged || (firstLook && quietSinceWritten)) {
      forget(path);
      options.onSettled(path, { size: stat.size, mtimeMs: stat.mtimeMs });
      return;
    }
    if (now() - watch.firstSeen > options.giveUpMs) {
      forget(path);
      options.onGaveUp(path);
      return;
    }
    watch.size = stat.size;
    watch.mtimeMs = stat.mtimeMs;
    schedule(path, watch);
  }

  function forget(path: string) {
    const watch = watches.get(path);
    if (watch?.timer) clearTimeout(watch.timer);
    watches.delete(path);
  }

  return {
    touch(path) {
      const existing = watches.get(path);
      if (existing) {
        schedule(path, existing);
        return;
      }
      const watch: Watch = { firstSeen: now(), size: -1, mtimeMs: -1, timer: null };
      watches.set(path, watch);
      void check(path, true);
    },
    forget,
    pending: () => watches.size,
    close() {
      for (const path of [...watches.keys()]) forget(path);
    },
  };
}
