// The server suite on its own (`vitest run --config server/vitest.config.ts`): same options
// as the root config, without the app build, plus the shared PostgreSQL cluster.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: `${import.meta.dirname}/..`,
    include: ['server/**/*.test.ts'],
    globalSetup: ['server/test-support/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
