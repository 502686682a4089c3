// The two databases every API suite runs against. Each call makes a fresh one: a temp
// SQLite folder, or a new database in the run's PostgreSQL cluster (dropped afterwards).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../config';
import type { TestPostgres } from './postgres-global-setup';

export const databaseKinds = ['sqlite', 'postgres'] as const;
export type DatabaseKind = (typeof databaseKinds)[number];

export interface TestDatabase {
  /** Data folder for the server (files, mail); SQLite's file lives here too. */
  dataDir: string;
  database: DatabaseConfig;
  dispose: () => Promise<void>;
}

/** The cluster's admin URL, or the reason there is none, as an error that fails the PostgreSQL suite. */
export function postgresAdminUrl(provided: TestPostgres | undefined): string {
  if (!provided) {
    throw new Error(
      'The PostgreSQL test cluster was not started: add "server/test-support/postgres-global-setup.ts" to globalSetup in vitest.config.ts (or run with --config server/vitest.config.ts).',
    );
  }
  if ('error' in provided) throw new Error(provided.error);
  return provided.adminUrl;
}

async function withAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  // Asked first, so a missing cluster fails before anything is created that would need removing.
  const adminUrl = kind === 'postgres' ? postgresAdminUrl(inject('proofdeskTestPostgres')) : '';
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `pd-server-${kind}-`));
  if (kind === 'sqlite') {
    return {
      dataDir,
      database: { kind: 'sqlite', file: path.join(dataDir, 'proofdesk-server.sqlite') },
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `pd_test_${randomBytes(6).toString('hex')}`;
  try {
    await withAdmin(adminUrl, `create database ${name}`);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    database: { kind: 'postgres', url: url.toString() },
    dispose: async () => {
      await withAdmin(adminUrl, `drop database if exists ${name} with (force)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
