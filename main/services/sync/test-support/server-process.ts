// The real hosted API (server/cli.ts → buildServer, SQLite mode) as a child process on
// loopback. A child process rather than an in-process import because services may not import
// server/ (test/boundaries), and because only a separate process can be SIGKILLed mid-request
// and restarted on the same data folder, as the crash tests need. jiti runs the TypeScript
// sources directly, so no build is needed.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const JITI = path.join(ROOT, 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs');
const CLI = path.join(ROOT, 'server', 'cli.ts');

export interface ServerProcess {
  readonly url: string;
  readonly dataDir: string;
  /** SIGKILL: no graceful shutdown, whatever was in flight is cut off. */
  kill(): Promise<void>;
  /** Starts again on the same port and data folder. */
  restart(): Promise<void>;
  /** Stops the server and removes its data folder. */
  dispose(): Promise<void>;
  /** Counts rows in the server's own SQLite file (read-only), e.g. to check exactly-once. */
  count(sql: string, ...params: unknown[]): number;
  /** Runs a CLI command (create-studio, pairing-code) against the same data folder. */
  cli(...args: string[]): Promise<string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The test's own environment without a database or mail server of its own, then `extra` (e.g. SMTP_URL of a test SMTP server). */
function serverEnv(dataDir: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.SMTP_URL;
  return { ...inherited, PORT: String(port), HOST: '127.0.0.1', PROOFDESK_DATA_DIR: dataDir, ...extra };
}

function launch(dataDir: string, port: number, extra: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [JITI, CLI, 'serve'], { env: serverEnv(dataDir, port, extra), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timeout = setTimeout(() => fail(new Error(`The server did not start within 30 s:\n${output}`)), 30_000);
    const fail = (error: Error) => {
      clearTimeout(timeout);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout?.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes('Proofdesk server listening on')) {
        clearTimeout(timeout);
        resolve(child);
      }
    });
    child.stderr?.on('data', (data: Buffer) => {
      output += data.toString();
    });
    child.once('exit', (code) => fail(new Error(`The server exited (${code}) before listening:\n${output}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** `env`: extra environment for `serve`, e.g. PROOFDESK_LOCAL_PAIRING_FILE. */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pd-sync-server-'));
  const port = await freePort();
  let child: ChildProcess | null = await launch(dataDir, port, env);
  const stop = async () => {
    if (!child) return;
    const current = child;
    child = null;
    current.kill('SIGKILL');
    await exited(current);
  };
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    kill: stop,
    async restart() {
      await stop();
      child = await launch(dataDir, port, env);
    },
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    count(sql, ...params) {
      const db = new Database(path.join(dataDir, 'proofdesk-server.sqlite'), { readonly: true, fileMustExist: true });
      try {
        return Number(
          db
            .prepare(sql)
            .pluck()
            .get(...params),
        );
      } finally {
        db.close();
      }
    },
    cli(...args) {
      return new Promise((resolve, reject) => {
        const run = spawn(process.execPath, [JITI, CLI, ...args], { env: serverEnv(dataDir, 0), stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        run.stdout.on('data', (d: Buffer) => {
          out += d.toString();
        });
        run.stderr.on('data', (d: Buffer) => {
          out += d.toString();
        });
        run.once('exit', (code) =>
          code === 0 ? resolve(out) : reject(new Error(`server CLI ${args.join(' ')} failed (${code}):\n${out}`)),
        );
      });
    },
  };
}

/** Creates a studio account through the server's CLI (createStudio) and returns its first pairing code. */
export async function createStudio(server: ServerProcess, name = 'Sync Test Studio'): Promise<string> {
  const email = `owner-${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const out = await server.cli('create-studio', '--name', name, '--email', email);
  const code = /Pairing code: (\S+)/.exec(out)?.[1];
  if (!code) throw new Error(`No pairing code in:\n${out}`);
  return code;
}
