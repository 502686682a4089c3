// RAW preview parser benchmark body (run by run-raw-preview-bench.mjs): our extractRawPreview
// vs `exiftool -b -PreviewImage`, one spawn per file (how a pipeline would call it) and one
// batch process for all files. Also records whether both return the same bytes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { extractRawPreview } from '../../main/services/imaging';
import { rawFixture, sharedImage } from '../../main/services/imaging/test-paths';

const FILES = [
  sharedImage('raw-synthetic-nikon-preview3000.nef'),
  sharedImage('raw-dng-generated-preview-4000px.dng'),
  ...['canon-cr2-orient8.cr2', 'sony-arw-orient6.arw', 'pentax-pef-bigendian.pef', 'olympus-iiro-orient3.orf', 'panasonic-iiu.rw2'].map(
    rawFixture,
  ),
  ...['canon-cr3-orient6.cr3', 'fujifilm-raf-orient8.raf'].map(rawFixture),
];
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number) => Number(x.toFixed(3));

test('raw preview: ours vs exiftool', async () => {
  const hasExiftool = spawnSync('exiftool', ['-ver']).status === 0;
  const perFile = [];
  for (const file of FILES) {
    const runs: number[] = [];
    let ours = await extractRawPreview(file);
    for (let i = 0; i < 30; i++) {
      const start = process.hrtime.bigint();
      ours = await extractRawPreview(file);
      runs.push(ms(start));
    }
    const row: Record<string, unknown> = {
      file: path.basename(file),
      oursMs: round(median(runs)),
      oursPreview: `${ours.width}x${ours.height}`,
    };
    if (hasExiftool) {
      const spawns: number[] = [];
      let out = Buffer.alloc(0);
      for (let i = 0; i < 5; i++) {
        const start = process.hrtime.bigint();
        out = spawnSync('exiftool', ['-b', '-PreviewImage', file], { maxBuffer: 64 << 20 }).stdout;
        spawns.push(ms(start));
      }
      Object.assign(row, {
        exiftoolSpawnMs: round(median(spawns)),
        exiftoolBytes: out.length,
        sameBytes: out.length > 0 && sha(out) === sha(ours.jpeg),
      });
    }
    perFile.push(row);
  }
  let batchMsPerFile: number | null = null;
  if (hasExiftool) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'exiftool-batch-'));
    const start = process.hrtime.bigint();
    spawnSync('exiftool', ['-q', '-b', '-PreviewImage', '-w', `${dir}/%f_%e.jpg`, ...FILES]);
    batchMsPerFile = round(ms(start) / FILES.length);
    await fs.rm(dir, { recursive: true, force: true });
  }
  const oursTotal = perFile.reduce((s, r) => s + (r.oursMs as number), 0);
  const spawnTotal = perFile.reduce((s, r) => s + ((r.exiftoolSpawnMs as number | undefined) ?? 0), 0);
  const result = {
    files: FILES.length,
    oursMsPerFile: round(oursTotal / FILES.length),
    exiftool: hasExiftool
      ? {
          spawnMsPerFile: round(spawnTotal / FILES.length),
          batchMsPerFile,
          version: spawnSync('exiftool', ['-ver']).stdout.toString().trim(),
        }
      : { missing: 'exiftool not found (Debian: apt-get install libimage-exiftool-perl)' },
    perFile,
  };
  expect(result.oursMsPerFile).toBeGreaterThan(0);
  const out = process.env.BENCH_OUT;
  if (!out) throw new Error('BENCH_OUT is not set: run test/bench/run-raw-preview-bench.mjs');
  await fs.writeFile(out, JSON.stringify(result));
});
