// The reader must keep working once the main process is bundled (electron-vite uses Vite).
// Bundle the catalog's public API with Vite into a temp folder, then use it from plain Node.
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { expect, it } from 'vitest';
import { tempDir } from '../test-support';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const script = `
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCatalog, createCatalogReader } from './catalog.mjs';
const dir = mkdtempSync(path.join(os.tmpdir(), 'pd-bundle-'));
const catalog = openCatalog(dir, { now: () => new Date() });
const shoot = catalog.shoots.add({ path: '/s', name: 'S', kind: 'shoot' });
catalog.photos.create({ shootId: shoot.id, folder: '/s', stem: 'a', files: [{ path: '/s/a.jpg', role: 'primary', size: 1, mtimeMs: 1, fingerprint: null }] });
const reader = createCatalogReader(catalog.path);
const rows = await reader.listPhotos(shoot.id, { offset: 0, limit: 10 });
await reader.close();
catalog.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(rows.map((r) => r.stem)));
`;

it('lists photos through the worker when the catalog is bundled into one minified file', async () => {
  const out = tempDir();
  await build({
    configFile: false,
    logLevel: 'silent',
    root: repoRoot,
    build: {
      ssr: path.join(repoRoot, 'main/services/catalog/index.ts'),
      outDir: out,
      minify: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'catalog.mjs' } },
    },
  });
  // better-sqlite3 stays external, as in the app; let the bundle find it.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  writeFileSync(path.join(out, 'run.mjs'), script);
  const stdout = execFileSync(process.execPath, [path.join(out, 'run.mjs')], { encoding: 'utf8', timeout: 20_000 });
  expect(JSON.parse(stdout)).toEqual(['a']);
}, 30_000);
