// The worker must keep working once main/ is bundled (electron-vite uses Vite): its functions
// travel as their compiled source, so bundle this folder minified, like the app, and diff with
// it from plain Node.
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import { sharedImage } from '../../imaging/test-paths';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const script = (photo: string) => `
import path from 'node:path';
import sharp from 'sharp';
import { createDiffer, prepareReviewImage } from './diff.mjs';
const dir = path.dirname(new URL(import.meta.url).pathname);
const patch = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#e028a0' } }).png().toBuffer();
await sharp(${JSON.stringify(photo)}).composite([{ input: patch, left: 400, top: 300 }]).jpeg({ quality: 92 }).toFile(path.join(dir, 'edit.jpg'));
const before = await prepareReviewImage(${JSON.stringify(photo)}, path.join(dir, 'review'));
const after = await prepareReviewImage(path.join(dir, 'edit.jpg'), path.join(dir, 'review'));
const differ = createDiffer();
const result = await differ.diff({ before: before.fullFile, after: after.fullFile, threshold: 24, outDir: path.join(dir, 'review') });
await differ.close();
console.log(JSON.stringify(result));
`;

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  tmp = await makeTempDir('retouch-diff-bundle-');
});
afterAll(() => tmp.cleanup());

it('computes an overlay in the worker when this folder is bundled into one minified file', async () => {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: repoRoot,
    build: {
      ssr: path.join(repoRoot, 'main/services/retouch/diff/index.ts'),
      outDir: tmp.dir,
      minify: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'diff.mjs' } },
    },
  });
  // sharp stays external, as in the app; let the bundle find it.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(tmp.dir, 'node_modules'), 'dir');
  writeFileSync(path.join(tmp.dir, 'run.mjs'), script(sharedImage('orient-1-landscape.jpg')));
  const stdout = execFileSync(process.execPath, [path.join(tmp.dir, 'run.mjs')], { encoding: 'utf8', timeout: 30_000 });
  const result = JSON.parse(stdout);
  expect(result).toMatchObject({ kind: 'overlay', width: 1800, height: 1200, scaled: false });
  for (const [got, want] of [
    [result.box.left, 400],
    [result.box.top, 300],
    [result.box.width, 120],
    [result.box.height, 80],
  ])
    expect(Math.abs(got - want)).toBeLessThanOrEqual(3);
}, 60_000);
