// Vitest globalSetup: one PostgreSQL for the whole test run (each test file then creates its
// own database in it). A missing PostgreSQL is not fatal here: it is handed to the tests as a
// message, and every PostgreSQL suite fails with it, while the rest of the run goes on.
import type { TestProject } from 'vitest/node';
import { findPostgresBinDir, INSTALL_HINT, startCluster } from './postgres-cluster';

export type TestPostgres = { adminUrl: string } | { error: string };

declare module 'vitest' {
  interface ProvidedContext {
    proofdeskTestPostgres: TestPostgres;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.PROOFDESK_TEST_PG_URL?.trim();
  if (given) {
    project.provide('proofdeskTestPostgres', { adminUrl: given });
    return undefined;
  }
  const binDir = findPostgresBinDir();
  if (!binDir) {
    project.provide('proofdeskTestPostgres', { error: INSTALL_HINT });
    return undefined;
  }
  try {
    const cluster = await startCluster(binDir);
    project.provide('proofdeskTestPostgres', { adminUrl: cluster.adminUrl });
    return cluster.stop;
  } catch (error) {
    project.provide('proofdeskTestPostgres', { error: (error as Error).message });
    return undefined;
  }
}
