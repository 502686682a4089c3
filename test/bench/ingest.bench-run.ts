// Ingest benchmark body (run by run-ingest-bench.mjs): makeVariants over every JPEG in
// BENCH_CORPUS with BENCH_CONCURRENCY photos in flight, result JSON written to BENCH_OUT.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { makeVariants } from '../../main/services/imaging';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run test/bench/run-ingest-bench.mjs`);
  return value;
}

test('ingest benchmark', async () => {
  const corpus = env('BENCH_CORPUS');
  const cacheDir = env('BENCH_CACHE');
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 2);
  if (process.env.BENCH_VIPS_THREADS) sharp.concurrency(Number(process.env.BENCH_VIPS_THREADS));
  const files = (await fs.readdir(corpus)).filter((f) => /\.jpe?g$/i.test(f)).map((f) => path.join(corpus, f));
  expect(files.length).toBeGreaterThan(0);

  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      const v = await makeVariants(file, { cacheDir });
      expect(Math.max(v.web.width, v.web.height)).toBe(2048);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const result = {
    images: files.length,
    seconds: Number(seconds.toFixed(3)),
    imagesPerSecond: Number((files.length / seconds).toFixed(3)),
    // Max resident set of this worker process: Node + Vitest (~100 MB) + libvips + our buffers.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    concurrency,
    vipsThreads: sharp.concurrency(),
  };
  await fs.writeFile(env('BENCH_OUT'), JSON.stringify(result));
});
