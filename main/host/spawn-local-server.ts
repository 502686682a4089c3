// Browser host: the local hosted service as a child Node process (see core/local-server.ts).
import { fork } from 'node:child_process';
import { localServerEnv, waitForListening } from '../core/local-server';

export interface LocalServer {
  url: string;
  stop(): Promise<void>;
}

export async function spawnLocalServer(serverFile: string, userDataDir: string): Promise<LocalServer> {
  const child = fork(serverFile, [], { env: { ...process.env, ...localServerEnv(userDataDir) }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (!child.stdout) throw new Error('The local hosted service has no output to read.');
  const url = await waitForListening(child.stdout, child.stderr, exited);
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
