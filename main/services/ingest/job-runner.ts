// Runs queued ingest jobs with bounded concurrency, round-robin over the shoots' queues so
// one huge card does not starve a small shoot. Queues can be paused; the runner sleeps
// until woken (new work) or until the next retry could be due.
import type { Catalog, Job } from '../catalog';

export interface JobRunnerOptions<O> {
  catalog: Catalog;
  concurrency: number;
  queuePrefix: string;
  handle(job: Job): Promise<O>;
  onDone(job: Job, outcome: O): void;
  onError(job: Job, error: unknown): void;
  isPaused(queue: string): boolean;
  /** Longest sleep when idle: retries scheduled for later are picked up within this. */
  idleMs?: number;
  leaseRenewMs?: number;
}

export interface JobRunner {
  start(): void;
  wake(): void;
  /** Stops claiming new jobs and waits for the running ones to finish. */
  stop(): Promise<void>;
  running(): number;
  /** Resolves when no job is queued (due now) or running in any unpaused queue. */
  idle(): Promise<void>;
}

export function createJobRunner<O>(options: JobRunnerOptions<O>): JobRunner {
  const { catalog, concurrency } = options;
  let active = 0;
  let stopped = true;
  let cursor = 0;
  let sleeper: { timer: NodeJS.Timeout; resolve: () => void } | null = null;
  let idleWaiters: (() => void)[] = [];
  const loops: Promise<void>[] = [];

  function claim(): Job | null {
    const queues = catalog.jobs.queues().filter((q) => q.startsWith(options.queuePrefix) && !options.isPaused(q));
    for (let i = 0; i < queues.length; i++) {
      const queue = queues[(cursor + i) % queues.length] as string;
      const job = catalog.jobs.claimNext(queue);
      if (job) {
        cursor = (cursor + i + 1) % Math.max(queues.length, 1);
        return job;
      }
    }
    return null;
  }

  function sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => wakeAll(), options.idleMs ?? 1000);
      if (sleeper) {
        const previous = sleeper;
        sleeper = {
          timer,
          resolve: () => {
            previous.resolve();
            resolve();
          },
        };
        clearTimeout(previous.timer);
      } else sleeper = { timer, resolve };
    });
  }

  function wakeAll() {
    const current = sleeper;
    sleeper = null;
    if (current) {
      clearTimeout(current.timer);
      current.resolve();
    }
  }

  function settleIdle() {
    if (active > 0 || idleWaiters.length === 0) return;
    const due = catalog.jobs.queues().some((q) => q.startsWith(options.queuePrefix) && !options.isPaused(q));
    if (due) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  async function loop() {
    while (!stopped) {
      const job = claim();
      if (!job) {
        settleIdle();
        await sleep();
        continue;
      }
      active++;
      const renew = setInterval(() => {
        try {
          catalog.jobs.extendLease(job.id);
        } catch {
          // The job was finished or recovered elsewhere; the handler's own writes decide.
        }
      }, options.leaseRenewMs ?? 20_000);
      try {
        options.onDone(job, await options.handle(job));
      } catch (error) {
        options.onError(job, error);
      } finally {
        clearInterval(renew);
        active--;
      }
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      for (let i = 0; i < concurrency; i++) loops.push(loop());
    },
    wake: wakeAll,
    async stop() {
      stopped = true;
      wakeAll();
      await Promise.all(loops.splice(0));
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    },
    running: () => active,
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        wakeAll();
      });
    },
  };
}
