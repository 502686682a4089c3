#!/usr/bin/env node
// Ingest throughput: our imaging pipeline vs the vipsthumbnail reference, on the same corpus.
//
// usage (from the repo root): node_modules/.bin/node test/bench/run-ingest-bench.mjs [--count 24] [--corpus DIR] [--keep]
//   --corpus DIR: reuse a corpus made earlier (making 24 images takes ~2 minutes on 2 cores)
//   env BENCH_VIPS_THREADS: libvips threads for our side (default: sharp's default, one per core)
//
// 1. makes a deterministic 24 MP JPEG corpus with ../shared/tools/make-bench-corpus.mjs
// 2. runs ../shared/tools/ref-ingest-bench.sh (2 single-threaded vipsthumbnail workers), sampling
//    the peak RSS of its process tree; reports it as missing if vipsthumbnail is not installed
// 3. runs our makeVariants with 2 photos in flight (Vitest runs the TypeScript sources)
// Prints one JSON object: {ours, reference, ratio} (ratio = ours / reference images per second).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { treeRssMb } from '../../scripts/lib/process-tree.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sharedTools = path.resolve(root, '../shared/tools');
const args = process.argv.slice(2);
const count = args.includes('--count') ? Number(args[args.indexOf('--count') + 1]) : 24;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'proofdesk-ingest-bench-'));
const given = args.includes('--corpus') ? path.resolve(args[args.indexOf('--corpus') + 1]) : null;
const corpus = given ?? path.join(work, 'corpus');

function run(command, argv, env = {}) {
  const r = spawnSync(command, argv, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function reference() {
  if (spawnSync('sh', ['-c', 'command -v vipsthumbnail']).status !== 0) {
    return Promise.resolve({ missing: 'vipsthumbnail not found on PATH (Debian: apt-get install libvips-tools)' });
  }
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(sharedTools, 'ref-ingest-bench.sh'), corpus, path.join(work, 'ref')], { cwd: root });
    let out = '';
    let err = '';
    let peak = 0;
    const canSample = fs.existsSync('/proc/self/stat');
    const timer = setInterval(() => {
      if (canSample) peak = Math.max(peak, treeRssMb(child.pid));
    }, 25);
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`ref-ingest-bench.sh failed (${code}): ${err}`));
      const line = JSON.parse(out.trim().split('\n').pop());
      resolve({ ...line, peakRssMb: canSample ? Math.round(peak) : null, vipsVersion: run('vips', ['--version']).trim() });
    });
  });
}

function ours() {
  const outFile = path.join(work, 'ours.json');
  const vitest = path.join(root, 'node_modules/.bin/vitest');
  run(vitest, ['run', '--config', 'test/bench/vitest.bench.config.ts', 'test/bench/ingest.bench-run.ts'], {
    BENCH_CORPUS: corpus,
    BENCH_CACHE: path.join(work, 'cache'),
    BENCH_OUT: outFile,
    BENCH_CONCURRENCY: '2',
  });
  return JSON.parse(fs.readFileSync(outFile, 'utf8'));
}

try {
  if (!given)
    run(process.execPath, [
      path.join(sharedTools, 'make-bench-corpus.mjs'),
      corpus,
      '--count',
      String(count),
      '--node-modules',
      'node_modules',
    ]);
  const images = fs.readdirSync(corpus).filter((f) => /\.jpe?g$/i.test(f)).length;
  const ref = await reference();
  const mine = ours();
  const ratio = ref.imagesPerSecond ? Number((mine.imagesPerSecond / ref.imagesPerSecond).toFixed(3)) : null;
  console.log(JSON.stringify({ corpus: { images, pixels: '6000x4000' }, ours: mine, reference: ref, ratio, cpus: os.cpus().length }));
} finally {
  if (!args.includes('--keep')) fs.rmSync(work, { recursive: true, force: true });
}
