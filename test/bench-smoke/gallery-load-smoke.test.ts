// The gallery load benchmark (test/bench/gallery-load.mjs, `npm run -s bench -- gallery`) in
// small: the real built server, a published gallery of real 2048 px proofs, 20 connections for
// 5 s of the same request mix. Correctness only: every answer a 2xx, every kind of request
// served; the latency target is for the full benchmark, not for a shared test machine.
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIX, mixCycle, runGalleryLoad } from '../bench/gallery-load.mjs';

describe('gallery load (smoke)', () => {
  it('the mix is 10 % page, 30 % photo list, 60 % proofs, interleaved', () => {
    const cycle = mixCycle(DEFAULT_MIX);
    expect(cycle).toHaveLength(10);
    expect(cycle.filter((k) => k === 'page')).toHaveLength(1);
    expect(cycle.filter((k) => k === 'gallery')).toHaveLength(3);
    expect(cycle.filter((k) => k === 'proof')).toHaveLength(6);
    expect(cycle.join(' ')).not.toMatch(/proof proof proof/);
  });

  it('20 connections for 5 s: no errors, no non-2xx answers, and every kind of request served', async () => {
    const report = await runGalleryLoad({ connections: 20, durationS: 5, photos: 12, warmupS: 0, baseline: false, log: () => {} });
    expect(report).toMatchObject({ benchmark: 'gallery', connections: 20, errors: 0, timeouts: 0, non2xx: 0 });
    for (const kind of ['page', 'gallery', 'proof'] as const) {
      const served = report.mix[kind];
      expect(served?.ok, kind).toBeGreaterThan(0);
      expect(served?.requests, kind).toBe(served?.ok);
    }
    expect(report.requests).toBeGreaterThan(100);
    expect(report.proofKB).toBeGreaterThan(100);
  }, 60_000);
});
