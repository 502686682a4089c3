// Vitest config for the benchmarks only: they are TypeScript that imports the app's sources,
// so Vitest is the runner, but they are not tests and must not run with `vitest run`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/bench/**/*.bench-run.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 30 * 60 * 1000,
    reporters: ['default'],
  },
});
