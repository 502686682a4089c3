import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPostgresBinDir, INSTALL_HINT } from './postgres-cluster';
import { postgresAdminUrl } from './test-databases';

describe('test PostgreSQL discovery', () => {
  it('finds initdb + pg_ctl on PATH, else in the newest /usr/lib/postgresql/<version>/bin', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-pgfind-'));
    try {
      for (const v of ['9.6', '15', '16']) {
        await fs.mkdir(path.join(root, v, 'bin'), { recursive: true });
        for (const p of ['initdb', 'pg_ctl']) await fs.writeFile(path.join(root, v, 'bin', p), '');
      }
      await fs.mkdir(path.join(root, 'onpath'));
      await fs.writeFile(path.join(root, 'onpath', 'initdb'), ''); // no pg_ctl beside it: not enough
      expect(findPostgresBinDir({ PATH: path.join(root, 'onpath') }, root)).toBe(path.join(root, '16', 'bin'));
      expect(findPostgresBinDir({ PATH: path.join(root, '9.6', 'bin') }, root)).toBe(path.join(root, '9.6', 'bin'));
      expect(findPostgresBinDir({ PATH: '' }, path.join(root, 'nowhere'))).toBeNull();
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });

  it('fails the PostgreSQL suite, not skips it, saying what to install', () => {
    expect(() => postgresAdminUrl({ error: INSTALL_HINT })).toThrow(/apt-get install -y postgresql.*PROOFDESK_TEST_PG_URL/);
    expect(() => postgresAdminUrl(undefined)).toThrow(/add "server\/test-support\/postgres-global-setup.ts" to globalSetup/);
    expect(postgresAdminUrl({ adminUrl: 'postgres://x@127.0.0.1:1/postgres' })).toBe('postgres://x@127.0.0.1:1/postgres');
  });
});
