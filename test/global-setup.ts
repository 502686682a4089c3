// Builds main, preload and renderer once before the suite: e2e tests drive the built
// renderer through the browser host, and build-output tests inspect the bundles.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup() {
  if (process.env.PROOFDESK_SKIP_BUILD === '1') return;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  execFileSync(bin, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  // The client gallery page the hosted server serves at /g/:slug (its own Vite app).
  const vite = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');
  execFileSync(vite, ['build', '--config', 'server/gallery-web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
