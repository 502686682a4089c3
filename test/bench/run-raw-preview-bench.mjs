#!/usr/bin/env node
// RAW preview extraction speed: our parser vs exiftool. usage (repo root):
//   node_modules/.bin/node test/bench/run-raw-preview-bench.mjs
// Prints one JSON object (per-file medians; exiftool reported as missing if not installed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proofdesk-raw-bench-')), 'result.json');
const r = spawnSync(
  path.join(root, 'node_modules/.bin/vitest'),
  ['run', '--config', 'test/bench/vitest.bench.config.ts', 'test/bench/raw-preview.bench-run.ts'],
  { cwd: root, env: { ...process.env, BENCH_OUT: out }, encoding: 'utf8' },
);
if (r.status !== 0) {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
console.log(fs.readFileSync(out, 'utf8'));
fs.rmSync(path.dirname(out), { recursive: true, force: true });
