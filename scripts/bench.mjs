// `npm run -s bench -- <ingest|grid|gallery|zip|retouch> [options] [--json]`: benchmarks with JSON output,
// never part of `npm test`. The last stdout line is one JSON object; progress goes to stderr.
//   ingest [--input DIR] [--count 24]  whole `ingest` command on 24 MP JPEGs vs vipsthumbnail
//   grid [--photos 10000]              grid queries through the catalog's worker-thread reader
//   gallery [--connections 200] [--duration 30] [--photos 60] [--warmup 3] [--mix page:10,gallery:30,proof:60]
//           [--no-baseline] [--profile DIR]
//                                      client-gallery load on the built server (autocannon, loopback)
//                                      vs a bare node:http server sending the same bytes
//   zip [--gib 5] [--files 5]          a multi-GB zip64 download of delivered files from the built server
//                                      (streamed, bounded memory; `unzip -t` on the result)
//   retouch [--pairs 6]                review images and the difference overlay of 24 MP pairs vs
//                                      ImageMagick `compare` and the vips CLI on the same pairs
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSampled } from './lib/process-tree.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedTools = path.resolve(root, '../shared/tools');
const [kind = 'ingest', ...rest] = process.argv.slice(2);
const option = (name, fallback) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : fallback);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const say = (line) => process.stderr.write(`${line}\n`);

// Child tools (vitest's `#!/usr/bin/env node`) must run on this same Node 22, not a system Node.
const childEnv = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };

function runOrDie(command, args, env = {}) {
  const r = spawnSync(command, args, { cwd: root, env: { ...childEnv, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

async function corpus(defaultCount = '24') {
  const input = option('--input');
  if (input) return path.resolve(input);
  const count = Number(option('--count', defaultCount));
  // Deterministic pixels, so a corpus made earlier is reused (making it takes ~2 minutes).
  const dir = path.join(root, '.tmp', `bench-corpus-${count}`);
  const have = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.jpg')).length : 0;
  if (have !== count) {
    say(`Making ${count} 24-megapixel images in ${dir} …`);
    fs.rmSync(dir, { recursive: true, force: true });
    runOrDie(process.execPath, [
      path.join(sharedTools, 'make-bench-corpus.mjs'),
      dir,
      '--count',
      String(count),
      '--node-modules',
      'node_modules',
    ]);
  }
  return dir;
}

async function ingestBench() {
  spawnSync(process.execPath, [path.join(root, 'scripts/ensure-system-deps.mjs'), '--bench'], { stdio: 'inherit' });
  const input = await corpus();
  const images = fs.readdirSync(input).filter((f) => /\.(jpe?g)$/i.test(f)).length;
  say('Building …');
  runOrDie(bin('electron-vite'), ['build', '--logLevel', 'error']);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'proofdesk-bench-'));
  try {
    let reference = { tool: 'vipsthumbnail', missing: 'vipsthumbnail not found (Debian: apt-get install libvips-tools)' };
    if (spawnSync('sh', ['-c', 'command -v vipsthumbnail']).status === 0) {
      say('Reference: vipsthumbnail, 2 workers …');
      const ref = await runSampled(spawn, 'bash', [path.join(sharedTools, 'ref-ingest-bench.sh'), input, path.join(work, 'ref')], {
        cwd: root,
      });
      if (ref.code !== 0) throw new Error(`ref-ingest-bench.sh failed: ${ref.stderr}`);
      const line = JSON.parse(ref.stdout.trim().split('\n').pop());
      reference = { tool: line.tool, seconds: line.seconds, imagesPerSecond: line.imagesPerSecond, peakRssMB: ref.peakRssMb };
    }
    say('Proofdesk: npm run ingest …');
    const statsFile = path.join(work, 'stats.json');
    const started = process.hrtime.bigint();
    const ours = await runSampled(
      spawn,
      process.execPath,
      [path.join(root, 'out/main/ingest.js'), input, '--library', path.join(work, 'library')],
      {
        cwd: root,
        env: { ...childEnv, PROOFDESK_BENCH_STATS: statsFile },
      },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (ours.code !== 0) throw new Error(`ingest failed (${ours.code}): ${ours.stderr}`);
    const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
    const imagesPerSecond = Number((images / seconds).toFixed(2));
    return {
      images,
      seconds: Number(seconds.toFixed(2)),
      imagesPerSecond,
      peakRssMB: ours.peakRssMb,
      eventLoopLagP99Ms: stats.eventLoopLagP99Ms,
      reference,
      ratio: reference.imagesPerSecond ? Number((imagesPerSecond / reference.imagesPerSecond).toFixed(3)) : null,
      cpus: os.availableParallelism(),
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function gridBench() {
  const out = path.join(os.tmpdir(), `proofdesk-grid-${process.pid}.json`);
  runOrDie(bin('vitest'), ['run', '--config', 'test/bench/vitest.bench.config.ts', 'test/bench/grid.bench-run.ts'], {
    BENCH_PHOTOS: option('--photos', '10000'),
    BENCH_OUT: out,
  });
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  return result;
}

async function galleryBench() {
  say('Building the server and the gallery page …');
  runOrDie(bin('electron-vite'), ['build', '--logLevel', 'error']);
  runOrDie(bin('vite'), ['build', '--config', 'server/gallery-web/vite.config.ts', '--logLevel', 'error']);
  // The load generator runs in this process, the server in a child: one core each, roughly.
  const { runGalleryLoad, parseMix } = await import('../test/bench/gallery-load.mjs');
  return runGalleryLoad({
    connections: Number(option('--connections', '200')),
    durationS: Number(option('--duration', '30')),
    photos: Number(option('--photos', '60')),
    warmupS: Number(option('--warmup', '3')),
    mix: parseMix(option('--mix', 'page:10,gallery:30,proof:60')),
    baseline: !rest.includes('--no-baseline'),
    profileDir: option('--profile', null),
    log: say,
  });
}

// Its own process: it prints its JSON as the last line, like every benchmark here.
async function zipBench() {
  const out = runOrDie(process.execPath, [path.join(root, 'test/bench/zip-download.bench-run.mjs'), ...rest.filter((a) => a !== '--json')]);
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

async function retouchBench() {
  // libvips-tools brings the vips CLI (a reference); ImageMagick is used when installed.
  spawnSync(process.execPath, [path.join(root, 'scripts/ensure-system-deps.mjs'), '--bench'], { stdio: 'inherit' });
  const pairs = option('--pairs', '6');
  const input = await corpus(pairs);
  const out = path.join(os.tmpdir(), `proofdesk-retouch-${process.pid}.json`);
  runOrDie(bin('vitest'), ['run', '--config', 'test/bench/vitest.bench.config.ts', 'test/bench/retouch.bench-run.ts'], {
    BENCH_CORPUS: input,
    BENCH_PAIRS: pairs,
    BENCH_OUT: out,
  });
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  return result;
}

const benches = { ingest: ingestBench, grid: gridBench, gallery: galleryBench, zip: zipBench, retouch: retouchBench };
if (!benches[kind]) {
  say(`Unknown benchmark "${kind}". Use: ingest, grid, gallery, zip, retouch.`);
  process.exit(2);
}
try {
  console.log(JSON.stringify(await benches[kind]()));
} catch (error) {
  say(error.message);
  process.exit(1);
}
