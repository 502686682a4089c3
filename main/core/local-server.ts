// The hosted service on this computer: unless Settings point at a remote server, Proofdesk
// starts its own (SQLite + files in the user's data folder) on loopback, so one laptop runs
// everything offline. How the process is started differs (child_process in the browser host,
// Electron's utilityProcess in the app, because the RunAsNode fuse is off); this file owns the
// rest: settings, and waiting for its "listening" line.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCAL_SERVER_PORT = 4810;

/** Where the local hosted service listens (what an empty "hosted service address" means). */
export function localServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  return `http://127.0.0.1:${env.PROOFDESK_SERVER_PORT ?? LOCAL_SERVER_PORT}`;
}
const LISTENING = /Proofdesk server listening on (http:\/\/\S+)/;

const localDataDir = (userDataDir: string, env: NodeJS.ProcessEnv) =>
  env.PROOFDESK_SERVER_DATA_DIR ?? path.join(userDataDir, 'hosted-service');

/** Where the local service leaves a pairing code for this app (server/cli/local-pairing.ts). */
export function localPairingFile(userDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(localDataDir(userDataDir, env), 'local-pairing.json');
}

export function localServerEnv(userDataDir: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return {
    PORT: env.PROOFDESK_SERVER_PORT ?? String(LOCAL_SERVER_PORT),
    HOST: '127.0.0.1',
    PROOFDESK_DATA_DIR: localDataDir(userDataDir, env),
    PROOFDESK_LOCAL_PAIRING_FILE: localPairingFile(userDataDir, env),
  };
}

/** Resolves with the server's URL from its first "listening" line, or rejects with what it said. */
export function waitForListening(
  stdout: NodeJS.ReadableStream,
  stderr: NodeJS.ReadableStream | null,
  exited: Promise<number | null>,
  timeoutMs = 20_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let said = '';
    const timer = setTimeout(
      () => reject(new Error(`The local hosted service did not start within ${timeoutMs / 1000} s. ${said}`)),
      timeoutMs,
    );
    stdout.setEncoding('utf8');
    stdout.on('data', (chunk: string) => {
      const match = LISTENING.exec(chunk);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    stderr?.setEncoding('utf8');
    stderr?.on('data', (chunk: string) => {
      said = (said + chunk).slice(-2000);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The local hosted service stopped (exit ${code}). ${said.trim()}`));
    });
  });
}

/** The pairing code the local service left, or null when there is none (yet) or it has expired. */
export async function readLocalPairing(file: string, now = new Date()): Promise<{ code: string; deviceName: string } | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const { code, expiresAt } = JSON.parse(text) as { code?: unknown; expiresAt?: unknown };
    if (typeof code !== 'string' || typeof expiresAt !== 'string' || Date.parse(expiresAt) <= now.getTime()) return null;
    return { code, deviceName: os.hostname() || 'This computer' };
  } catch {
    return null; // half-written by an older version: the next start of the service writes a new one
  }
}
