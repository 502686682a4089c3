// Desktop app: the local hosted service in an Electron utility process (the RunAsNode fuse is
// off in packaged builds, so a plain `node` child is not available).
import { type UtilityProcess, utilityProcess } from 'electron';
import { localServerEnv, waitForListening } from '../core/local-server';

export async function forkLocalServer(serverFile: string, userDataDir: string): Promise<{ url: string; stop(): void }> {
  const child: UtilityProcess = utilityProcess.fork(serverFile, [], {
    env: { ...process.env, ...localServerEnv(userDataDir) },
    stdio: 'pipe',
    serviceName: 'Proofdesk hosted service',
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (!child.stdout) throw new Error('The local hosted service has no output to read.');
  const url = await waitForListening(child.stdout, child.stderr, exited);
  return { url, stop: () => void child.kill() };
}
