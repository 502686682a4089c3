// Builds the app bundles (a few seconds) and runs one of the built Node entry points with
// the remaining arguments, e.g. `npm run ingest -- <folder> --library <dir>`.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-built.mjs <entry> [args…]');
  process.exit(2);
}
const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
const build = spawnSync(bin, ['build', '--logLevel', 'error'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  shell: process.platform === 'win32',
});
if (build.status !== 0) process.exit(build.status ?? 1);
if (entry === 'server') {
  // The server also serves the client gallery page, built by its own Vite config.
  const vite = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');
  const page = spawnSync(vite, ['build', '--config', 'server/gallery-web/vite.config.ts', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (page.status !== 0) process.exit(page.status ?? 1);
}
const child = spawn(process.execPath, [path.join(root, 'out', 'main', `${entry}.js`), ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
