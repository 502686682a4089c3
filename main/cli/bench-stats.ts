// For `npm run bench`: when PROOFDESK_BENCH_STATS names a file, record how late the main event
// loop ran during the import (the UI's responsiveness in the app) and write it at exit.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export function recordBenchStats(file: string | undefined): void {
  if (!file) return;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.once('exit', () => {
    delay.disable();
    const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
    // The histogram counts the timer's own 10 ms period; subtract it to get the lag.
    const lag = (ns: number) => Math.max(0, ms(ns) - 10);
    writeFileSync(file, JSON.stringify({ eventLoopLagP99Ms: lag(delay.percentile(99)), eventLoopLagMaxMs: lag(delay.max) }));
  });
}
