// At most `limit` async tasks at once (reading headers and fingerprints of new files), with a
// way to wait until all started tasks have finished.
export interface TaskLimiter {
  run(task: () => Promise<void>): Promise<void>;
  idle(): Promise<void>;
}

export function createTaskLimiter(limit: number): TaskLimiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  let idleWaiters: (() => void)[] = [];

  function release() {
    const next = waiting.shift();
    if (next) {
      next(); // the slot passes straight to the next task
      return;
    }
    active--;
    if (active === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  return {
    async run(task) {
      if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      else active++;
      try {
        await task();
      } finally {
        release();
      }
    },
    idle() {
      if (active === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
