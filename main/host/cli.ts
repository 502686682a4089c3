// `node out/main/host.js`: runs Proofdesk in a browser on this machine (no Electron needed).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleLogger } from '../core/console-logger';
import { userConfigDir } from '../core/user-dirs';
import { runHost } from './run-host';
import { type LocalServer, spawnLocalServer } from './spawn-local-server';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = process.env.PROOFDESK_RENDERER_DIR ?? path.resolve(here, '../renderer');
const port = process.env.PROOFDESK_HOST_PORT ? Number(process.env.PROOFDESK_HOST_PORT) : 0;

const host = await runHost({
  configDir: userConfigDir(),
  rendererDir,
  version: process.env.npm_package_version ?? '0.0.0',
  log: consoleLogger,
  port,
});
let localServer: LocalServer | null = null;
if (host.serverUrl === null && process.env.PROOFDESK_NO_LOCAL_SERVER !== '1') {
  try {
    localServer = await spawnLocalServer(path.resolve(here, 'server.js'), userConfigDir());
    console.log(`The hosted service runs on this computer at ${localServer.url} (Settings can point Proofdesk at a remote one).`);
  } catch (error) {
    console.error(
      `The local hosted service could not start: ${(error as Error).message}\nEverything else works; publishing waits until a hosted service is reachable.`,
    );
  }
}
console.log(`Proofdesk is running in your browser. Open this address (it holds this run's access token):\n\n  ${host.openUrl}\n`);
console.log('Press Ctrl+C to stop.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    Promise.all([host.close(), localServer?.stop()]).then(() => process.exit(0));
  });
}
