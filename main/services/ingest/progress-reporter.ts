// Progress per shoot (counts from the catalog, pace from recent completions) and its
// delivery to the screen: at most four updates a second per shoot, and always a last one
// after a burst, so the screen never stays on a stale "5 of 8".
import type { Catalog } from '../catalog';
import { createThroughput, type Throughput } from './throughput';

export interface ShootProgress {
  shootId: string;
  total: number;
  done: number;
  ready: number;
  needsAttention: number;
  missing: number;
  imagesPerSecond: number;
  etaSeconds: number | null;
  paused: boolean;
  status: 'online' | 'offline';
}

export interface ProgressReporterOptions {
  catalog: Catalog;
  now: () => number;
  isPaused(shootId: string): boolean;
  emit(progress: ShootProgress): void;
  intervalMs?: number;
}

export interface ProgressReporter {
  progress(shootId: string): ShootProgress;
  /** A photo of the shoot finished (ready or needs attention): counts toward the pace. */
  recordDone(shootId: string): void;
  report(shootId: string, force?: boolean): void;
  close(): void;
}

export function createProgressReporter({ catalog, now, isPaused, emit, intervalMs = 250 }: ProgressReporterOptions): ProgressReporter {
  const rates = new Map<string, Throughput>();
  const lastEmit = new Map<string, number>();
  const trailing = new Map<string, NodeJS.Timeout>();
  let closed = false;
  const rate = (shootId: string) => rates.get(shootId) ?? (rates.set(shootId, createThroughput()).get(shootId) as Throughput);

  function progress(shootId: string): ShootProgress {
    const counts = catalog.photos.countByStatus(shootId);
    const total = counts.importing + counts.ready + counts.needs_attention;
    const done = counts.ready + counts.needs_attention;
    const at = now();
    return {
      shootId,
      total,
      done,
      ready: counts.ready,
      needsAttention: counts.needs_attention,
      missing: counts.missing,
      imagesPerSecond: Math.round(rate(shootId).perSecond(at) * 10) / 10,
      etaSeconds: total > done ? rate(shootId).etaSeconds(total - done, at) : 0,
      paused: isPaused(shootId),
      status: catalog.shoots.get(shootId)?.status ?? 'offline',
    };
  }

  function report(shootId: string, force = false) {
    if (closed) return;
    const wait = intervalMs - (now() - (lastEmit.get(shootId) ?? 0));
    if (!force && wait > 0) {
      if (!trailing.has(shootId))
        trailing.set(
          shootId,
          setTimeout(() => report(shootId, true), wait),
        );
      return;
    }
    clearTimeout(trailing.get(shootId));
    trailing.delete(shootId);
    lastEmit.set(shootId, now());
    emit(progress(shootId));
  }

  return {
    progress,
    recordDone: (shootId) => rate(shootId).record(now()),
    report,
    close() {
      closed = true;
      for (const timer of trailing.values()) clearTimeout(timer);
    },
  };
}
