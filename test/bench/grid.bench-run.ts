// Grid query benchmark body (run by scripts/bench.mjs grid): a catalog with BENCH_PHOTOS
// photos (flags and thumbnails on each), queried through the worker-thread reader the way the
// grid asks: first page, a page deep in the shoot, a filtered page, sorted by name.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, test } from 'vitest';
import { createCatalogReader, openCatalog } from '../../main/services/catalog';

const PAGE = { limit: 200 };

test('grid query benchmark', async () => {
  const photos = Number(process.env.BENCH_PHOTOS ?? 10_000);
  const out = process.env.BENCH_OUT;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'proofdesk-grid-bench-'));
  const catalog = openCatalog(dir, { now: () => new Date() });
  const shoot = catalog.shoots.add({ path: path.join(dir, 'shoot'), name: 'Bench', kind: 'shoot' });
  catalog.transaction(() => {
    for (let i = 0; i < photos; i++) {
      const stem = `IMG_${String(i).padStart(5, '0')}`;
      const photo = catalog.photos.create({
        shootId: shoot.id,
        folder: path.join(dir, 'shoot'),
        stem,
        captureTime: new Date(Date.UTC(2026, 5, 14, 12, 0, i % 3600)).toISOString().slice(0, 19),
        status: 'ready',
        files: [{ path: path.join(dir, 'shoot', `${stem}.JPG`), role: 'primary', size: 1000 + i, mtimeMs: i, fingerprint: null }],
      });
      catalog.variants.upsert({
        photoId: photo.id,
        kind: 'thumb',
        contentHash: `h${i}`,
        relPath: `ab/cd/h${i}.jpg`,
        width: 400,
        height: 267,
        bytes: 20_000,
      });
      if (i % 7 === 0) catalog.flags.setPick(photo.id, 'pick');
      if (i % 5 === 0) catalog.flags.setRating(photo.id, 1 + (i % 5));
    }
  });
  const reader = createCatalogReader(catalog.path);
  const cases = {
    firstPage: () => reader.queryPhotos(shoot.id, { offset: 0, ...PAGE }),
    deepPage: () => reader.queryPhotos(shoot.id, { offset: Math.max(0, photos - 400), ...PAGE }),
    picksOnly: () => reader.queryPhotos(shoot.id, { offset: 0, ...PAGE }, { pick: 'pick' }),
    byName: () => reader.queryPhotos(shoot.id, { offset: Math.floor(photos / 2), ...PAGE }, {}, 'name'),
  };
  const results: Record<string, number> = {};
  for (const [name, run] of Object.entries(cases)) {
    const first = await run();
    expect(first.total).toBeGreaterThan(0);
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    results[name] = Math.round((times[Math.floor(times.length * 0.5)] as number) * 100) / 100;
  }
  await reader.close();
  catalog.close();
  await fs.rm(dir, { recursive: true, force: true });
  const queryMs = Math.max(...Object.values(results));
  const report = { photos, queryMs, cases: results };
  if (out) await fs.writeFile(out, JSON.stringify(report));
  else console.log(JSON.stringify(report));
});
