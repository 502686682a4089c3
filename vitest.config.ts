import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'out/**', 'test/bench/**'],
    // The e2e suite and the build-output checks need the built app; build it once per run.
    // The server suite runs against a real PostgreSQL the setup starts (and stops) itself.
    globalSetup: ['test/global-setup.ts', 'server/test-support/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
