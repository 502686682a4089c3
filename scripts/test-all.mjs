// `npm test`: system dependencies, lint + format, types, then every vitest suite (unit,
// integration, e2e in Chromium). Ends with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const run = (cmd, args, extraEnv = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv }, shell: process.platform === 'win32' })
    .status === 0;

let passed = 0;
let failed = 0;
const step = (name, ok) => {
  if (ok) passed += 1;
  else {
    failed += 1;
    console.error(`\n✗ ${name} failed`);
  }
};

if (!run(process.execPath, [path.join(root, 'scripts/ensure-system-deps.mjs')])) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

step('lint and format (biome)', run(bin('biome'), ['check', '.']));
step('types (main, preload, shared, server)', run(bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']));
step('types (renderer)', run(bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']));
step('types (browser tests)', run(bin('tsc'), ['-p', 'tsconfig.e2e.json', '--noEmit']));
step('types (client gallery page)', run(bin('tsc'), ['-p', 'server/gallery-web/tsconfig.json', '--noEmit']));

const resultsDir = path.join(root, '.tmp');
const results = path.join(resultsDir, 'vitest-results.json');
mkdirSync(resultsDir, { recursive: true });
rmSync(results, { force: true });
const vitestOk = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`]);
if (existsSync(results)) {
  const report = JSON.parse(readFileSync(results, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A suite that fails to load has no tests to count; count it so it cannot hide.
  const brokenSuites = (report.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
  failed += brokenSuites;
  if (!vitestOk && report.numFailedTests === 0 && brokenSuites === 0) failed += 1;
} else {
  failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
