// `node out/main/host.js`: runs Proofdesk in a browser on this machine (no Electron needed).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleLogger } from '../core/console-logger';
import { userConfigDir } from '../core/user-dirs';
import { runHost } from './run-host';

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
console.log(`Proofdesk is running in your browser. Open this address (it holds this run's access token):\n\n  ${host.openUrl}\n`);
console.log('Press Ctrl+C to stop.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    host.close().then(() => process.exit(0));
  });
}
