// Retouch review benchmark body (run by scripts/bench.mjs retouch): BENCH_PAIRS 24 MP originals
// from BENCH_CORPUS, each with an edit like a retoucher's export (a 600×400 patch, JPEG q92).
// Measures the one-time prepare per file, "open for review" (both prepared screen images of a
// pair found by content, read and decoded, nothing held in memory from before), and the
// difference overlay cold and cached with the main thread's event-loop delay during it; then the
// same pair through ImageMagick `compare` and the vips CLI. Result JSON written to BENCH_OUT.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { createDiffer, prepareReviewImage, type ReviewImageFiles } from '../../main/services/retouch/diff';
import { exportEdit } from '../../main/services/retouch/diff/test-support';

const RECT = { left: 2400, top: 1500, width: 600, height: 400 };
const THRESHOLD = 24;

const ms = (start: number) => Math.round((performance.now() - start) * 10) / 10;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] as number;
};
const summary = (values: number[]) => ({ p50: quantile(values, 0.5), p95: quantile(values, 0.95), max: Math.max(...values) });

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Wall time of a shell pipeline, or why it could not run. */
function timed(script: string, cwd: string): { ms: number } | { failed: string } {
  const start = performance.now();
  const r = spawnSync('sh', ['-c', script], { cwd, encoding: 'utf8' });
  // `compare` exits 1 when the images differ, which is the point here.
  if (r.status !== 0 && r.status !== 1) return { failed: `${script}: exit ${r.status}: ${r.stderr.slice(0, 300)}` };
  return { ms: ms(start) };
}

test('retouch review benchmark', async () => {
  const corpus = process.env.BENCH_CORPUS;
  if (!corpus) throw new Error('BENCH_CORPUS is not set: run npm run -s bench -- retouch');
  const pairs = Number(process.env.BENCH_PAIRS ?? 6);
  // libvips' operation cache would make a second decode of a file nearly free: not the real case.
  sharp.cache(false);
  const originals = (await fs.readdir(corpus))
    .filter((f) => /\.jpe?g$/i.test(f))
    .sort()
    .slice(0, pairs)
    .map((f) => path.join(corpus, f));
  expect(originals.length).toBe(pairs);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'proofdesk-retouch-bench-'));
  const review = path.join(work, 'review');
  const differ = createDiffer();
  try {
    const edits = await Promise.all(
      originals.map(async (file, i) => {
        const out = path.join(work, `edit-${i}.jpg`);
        await exportEdit(file, out, { rect: RECT });
        return out;
      }),
    );

    // (a) The one-time cost, when a version arrives: prepare each file from nothing.
    const prepareMs: number[] = [];
    const prepared: Array<[ReviewImageFiles, ReviewImageFiles]> = [];
    for (let i = 0; i < pairs; i++) {
      const pair: ReviewImageFiles[] = [];
      for (const file of [originals[i] as string, edits[i] as string]) {
        const start = performance.now();
        pair.push(await prepareReviewImage(file, review));
        prepareMs.push(ms(start));
      }
      prepared.push(pair as [ReviewImageFiles, ReviewImageFiles]);
    }

    // Opening a task: both versions found by content (sha256 of the 24 MP sources), their screen
    // images read and decoded. Three rounds over every pair.
    const openMs: number[] = [];
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < pairs; i++) {
        const start = performance.now();
        const both = await Promise.all([
          prepareReviewImage(originals[i] as string, review),
          prepareReviewImage(edits[i] as string, review),
        ]);
        const pixels = await Promise.all(both.map((v) => sharp(v.screenFile).raw().toBuffer({ resolveWithObject: true })));
        openMs.push(ms(start));
        expect(pixels.map((p) => Math.max(p.info.width, p.info.height))).toEqual([2560, 2560]);
      }

    // (b) The overlay, cold then cached, with the main thread's event-loop delay while it runs.
    const coldMs: number[] = [];
    const cachedMs: number[] = [];
    const loopDelayMaxMs: number[] = [];
    const mainBusyMs: number[] = [];
    const changed: number[] = [];
    for (const [before, after] of prepared) {
      const input = { before: before.fullFile, after: after.fullFile, threshold: THRESHOLD, outDir: review };
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const elu = performance.eventLoopUtilization();
      const cold = await differ.diff(input);
      // Time the main thread actually ran JS during the diff (the rest it was idle, waiting).
      mainBusyMs.push(Math.round(performance.eventLoopUtilization(elu).active));
      delay.disable();
      loopDelayMaxMs.push(Math.round(delay.max / 1e5) / 10);
      if (cold.kind !== 'overlay' || !cold.box) throw new Error(`no overlay box: ${JSON.stringify(cold)}`);
      expect(Math.abs(cold.box.left - RECT.left)).toBeLessThanOrEqual(2);
      expect(Math.abs(cold.box.width - RECT.width)).toBeLessThanOrEqual(4);
      coldMs.push(cold.ms);
      changed.push(cold.changedFraction);
      const cached = await differ.diff(input);
      cachedMs.push(cached.kind === 'overlay' ? cached.ms : Number.NaN);
    }

    // References on the same prepared pairs (the first two): a threshold only, no noise filter or box.
    const refPairs = prepared.slice(0, 2);
    const reference = (tool: string, present: boolean, script: (a: string, b: string, i: number) => string) => {
      if (!present) return { tool, skipped: 'not installed' };
      const runs = refPairs.map(([a, b], i) => timed(script(a.fullFile, b.fullFile, i), work));
      const failed = runs.find((r) => 'failed' in r);
      if (failed) return { tool, failed: (failed as { failed: string }).failed };
      return { tool, runsMs: runs.map((r) => (r as { ms: number }).ms) };
    };
    const imagemagick = reference(
      'ImageMagick compare -metric AE -fuzz 5% (writes the difference PNG)',
      onPath('compare'),
      (a, b, i) => `compare -metric AE -fuzz 5% '${a}' '${b}' im-${i}.png`,
    );
    const vips = reference(
      `vips CLI: subtract | abs | relational_const more ${THRESHOLD} | bandbool or → PNG`,
      onPath('vips'),
      (a, b, i) =>
        `vips subtract '${a}' '${b}' d${i}.v && vips abs d${i}.v a${i}.v && vips relational_const a${i}.v m${i}.v more ${THRESHOLD} && vips bandbool m${i}.v vips-${i}.png or && rm -f d${i}.v a${i}.v m${i}.v`,
    );

    const report = {
      pairs,
      megapixels: (prepared[0]?.[0].width ?? 0) * (prepared[0]?.[0].height ?? 0) * 1e-6,
      prepareMsPerFile: summary(prepareMs),
      openForReviewMs: { ...summary(openMs), target: 300 },
      diff: {
        coldMs: { ...summary(coldMs), target: 1500 },
        cachedMs: summary(cachedMs),
        mainThreadLoopDelayMaxMs: Math.max(...loopDelayMaxMs),
        mainThreadBusyMs: summary(mainBusyMs),
        changedFraction: summary(changed).p50,
        workers: 'default',
      },
      reference: { imagemagick, vips },
      cpus: os.availableParallelism(),
    };
    const out = process.env.BENCH_OUT;
    if (out) await fs.writeFile(out, JSON.stringify(report));
    else console.log(JSON.stringify(report));
  } finally {
    await differ.close();
    await fs.rm(work, { recursive: true, force: true });
  }
});
