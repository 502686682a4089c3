// Entry point of `npm run server`. Everything testable lives in cli/run-cli.ts; this file
// only wires the process: arguments, output, exit code and clean shutdown on signals.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli/run-cli';

const result = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  // This entry is always its own bundle (out/main/server.js), unlike config.ts, which may land in a shared chunk.
  serverDir: path.dirname(fileURLToPath(import.meta.url)),
});

if ('exitCode' in result) {
  process.exitCode = result.exitCode;
} else {
  const { server } = result;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // Stop accepting, let in-flight requests finish, close the database, then leave.
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Proofdesk server: error while stopping: ${String(error)}\n`);
          process.exit(1);
        },
      );
    });
  }
}
