// The hosted service on this computer: unless Settings point at a remote server, Proofdesk
// starts its own (SQLite + files in the user's data folder) on loopback, so one laptop runs
// everything offline. How the process is started differs (child_process in the browser host,
// Electron's utilityProcess in the app, because the RunAsNode fuse is off); this file owns the
// rest: settings, and waiting for its "listening" line.
import path from 'node:path';

export const LOCAL_SERVER_PORT = 4810;
const LISTENING = /Proofdesk server listening on (http:\/\/\S+)/;

export function localServerEnv(userDataDir: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return {
    PORT: env.PROOFDESK_SERVER_PORT ?? String(LOCAL_SERVER_PORT),
    HOST: '127.0.0.1',
    PROOFDESK_DATA_DIR: env.PROOFDESK_SERVER_DATA_DIR ?? path.join(userDataDir, 'hosted-service'),
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
