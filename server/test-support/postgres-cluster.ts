// Starts a throwaway PostgreSQL cluster for the test run: initdb + pg_ctl on a free loopback
// port, data and socket in a temp folder, torn down afterwards. As root, the programs run as
// the `postgres` user (initdb refuses to run as root).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const INSTALL_HINT =
  'The server tests need PostgreSQL server programs (initdb, pg_ctl) and found none on PATH or in /usr/lib/postgresql/*/bin. ' +
  'Install them (Debian/Ubuntu: `sudo apt-get install -y postgresql`; Fedora: `sudo dnf install postgresql-server`; macOS: `brew install postgresql@16`), ' +
  'or set PROOFDESK_TEST_PG_URL=postgres://user@host:port/postgres to a server where that user may create databases.';

export interface RunningCluster {
  /** Connection URL of the `postgres` maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop: () => Promise<void>;
}

/** A directory holding both initdb and pg_ctl: PATH first, then Debian's versioned folders, newest first. */
export function findPostgresBinDir(env: NodeJS.ProcessEnv = process.env, debianRoot = '/usr/lib/postgresql'): string | null {
  const candidates = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debianRoot, v, 'bin')));
  }
  return candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error(
      'Running as root, the test PostgreSQL cluster must run as the `postgres` user, and there is none. Install the postgresql package (it creates the user) or set PROOFDESK_TEST_PG_URL.',
    );
  }
}

export async function startCluster(binDir: string): Promise<RunningCluster> {
  const asRoot = process.getuid?.() === 0;
  // Short path: the Unix socket lives here too, and socket paths are limited to ~107 bytes.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pd-pg-'));
  const exec = (program: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(binDir, program), ...args]) : run(path.join(binDir, program), args);
  try {
    if (asRoot) {
      const { uid, gid } = await postgresIds();
      await chown(dir, uid, gid);
    }
    const dataDir = path.join(dir, 'data');
    // --no-sync and fsync=off: a test cluster trades durability for speed; it is deleted after the run.
    await exec('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const port = await freePort();
      try {
        await exec('pg_ctl', [
          '-D',
          dataDir,
          '-l',
          path.join(dir, 'server.log'),
          '-o',
          `-p ${port} -k ${dir} -h 127.0.0.1 -F -c max_connections=200`,
          '-w',
          '-t',
          '30',
          'start',
        ]);
        return {
          adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
          stop: async () => {
            await exec('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
            await rm(dir, { recursive: true, force: true });
          },
        };
      } catch (error) {
        // Most likely another process took the port between probing and starting: try another.
        lastError = error;
      }
    }
    throw lastError;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new Error(`Could not start the test PostgreSQL cluster with ${binDir}: ${detail}`);
  }
}
