// `npm run ingest -- <folder> --library <dir> [--watch] [--root]` (built to out/main/ingest.js):
// imports a shoot folder into a library without the app, for power users and benchmarks.
// Exit codes: 0 every file was processed (some may need attention), 1 a fatal error (said in
// plain words on stderr, no stack), 130/143 stopped by Ctrl+C/SIGTERM before the end.
import { recordBenchStats } from './bench-stats';
import { describeFatal } from './fatal-error';
import { parseIngestArgs, USAGE } from './ingest-args';
import { runIngest } from './run-ingest';
import { exitCodeFor, listenForStop } from './stop-signals';

recordBenchStats(process.env.PROOFDESK_BENCH_STATS);

async function main(): Promise<number> {
  const stop = listenForStop((signal) => {
    process.stderr.write('\nStopping now, without waiting for the photos in progress; the next run picks them up.\n');
    process.exit(exitCodeFor(signal));
  });
  try {
    const args = parseIngestArgs(process.argv.slice(2));
    if (!args) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    return await runIngest({ args, stdout: process.stdout, stderr: process.stderr, stop: stop.requested });
  } catch (error) {
    process.stderr.write(`${describeFatal(error)}\n`);
    return 1;
  } finally {
    stop.dispose();
  }
}

for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error) => {
    process.stderr.write(`${describeFatal(error)}\n`);
    process.exit(1);
  });
}

const code = await main();
// Wait for stdout to drain (a pipe to `tee` or a test), then exit even if a watcher or a
// libvips thread would keep the event loop alive.
process.stdout.write('', () => process.exit(code));
