// When rounds run: every `intervalMs`, sooner when a round asks (the outbox head is due
// earlier), and soon after wake(). Never two rounds at once: a wake during a round makes
// that round go once more instead, so a change queued mid-round is not left for the interval.
export interface SyncLoop {
  start(): void;
  stop(): Promise<void>;
  /** Runs a round now (or joins the running one and goes once more); resolves when done. */
  runNow(): Promise<void>;
  wake(): void;
}

/** `round` returns how soon it wants the next round (ms), or null for the normal interval. */
export function createSyncLoop(round: () => Promise<number | null>, intervalMs: number, onCrash: (error: unknown) => void): SyncLoop {
  let started = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function schedule(delayMs: number) {
    if (!started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = null;
        void run();
      },
      Math.max(0, delayMs),
    );
    // The loop alone must not keep a CLI or a test process alive.
    timer.unref?.();
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let next: number | null = null;
      try {
        do {
          again = false;
          next = await round();
        } while (again);
      } catch (error) {
        onCrash(error);
      } finally {
        running = null;
        schedule(next === null ? intervalMs : Math.min(intervalMs, next));
      }
    })();
    return running;
  }

  return {
    start() {
      if (started) return;
      started = true;
      schedule(0);
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
    runNow: run,
    wake() {
      // Deferred even when idle: enqueue wakes us inside the caller's transaction, which must commit first.
      if (running) again = true;
      else if (started) schedule(0);
    },
  };
}
