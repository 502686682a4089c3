// `npm start`: the Electron app where its binary is installed; otherwise (or with
// PROOFDESK_BROWSER=1 / --browser) the browser host, printing the address to open.
// Electron's binary is looked for on disk only: asking the electron package for its path
// would start a download.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function installedElectronBinary() {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const forceBrowser = process.env.PROOFDESK_BROWSER === '1' || process.argv.includes('--browser');
const electron = forceBrowser ? null : installedElectronBinary();

console.log('Building Proofdesk…');
const build = spawnSync(bin('electron-vite'), ['build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (build.status !== 0) process.exit(build.status ?? 1);
// The client gallery page the local hosted service serves at /g/<slug>.
const gallery = spawnSync(bin('vite'), ['build', '--config', 'server/gallery-web/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (gallery.status !== 0) process.exit(gallery.status ?? 1);

if (electron) {
  const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceBrowser) {
    console.log(
      [
        '',
        "Electron's desktop binary is not installed on this machine, so Proofdesk starts in your browser instead.",
        'To get the desktop app, run `npx install-electron` once (it downloads Electron), then `npm start` again.',
        '',
      ].join('\n'),
    );
  }
  const child = spawn(process.execPath, [path.join(root, 'out/main/host.js')], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
