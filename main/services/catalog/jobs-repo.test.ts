import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { openCatalog } from './open-catalog';
import { manualClock, tempDir } from './test-support';

const options = { leaseMs: 30_000, backoffBaseMs: 1000, backoffMaxMs: 5000 };

function setup(dir = tempDir(), clock = manualClock()) {
  return { dir, clock, catalog: openCatalog(dir, { now: clock.now, jobs: options }) };
}

describe('jobs queue', () => {
  it('enqueues once per dedupe key while one is waiting; a running one does not block a fresh run', () => {
    const { catalog } = setup();
    const first = catalog.jobs.enqueue({ queue: 'variants', kind: 'thumb', payload: { photoId: 'p1' }, dedupeKey: 'thumb:p1' });
    const again = catalog.jobs.enqueue({ queue: 'variants', kind: 'thumb', payload: { photoId: 'changed' }, dedupeKey: 'thumb:p1' });
    expect(first.created).toBe(true);
    expect(again).toEqual({ job: first.job, created: false });
    catalog.jobs.claimNext('variants');
    // The file changed while the first job ran: its result may be stale, so a new run is queued.
    const fresh = catalog.jobs.enqueue({ queue: 'variants', kind: 'thumb', payload: {}, dedupeKey: 'thumb:p1' });
    expect(fresh.created).toBe(true);
    expect(catalog.jobs.enqueue({ queue: 'variants', kind: 'thumb', payload: {}, dedupeKey: 'thumb:p1' }).created).toBe(false);
    catalog.jobs.complete(first.job.id);
    expect(catalog.jobs.counts('variants')).toEqual({ queued: 1, running: 0, done: 1, failed: 0 });
    catalog.close();
  });

  it('supersedes an interrupted or retried job when a newer one with its key is waiting', () => {
    const { catalog } = setup();
    const a = catalog.jobs.enqueue({ queue: 'q', kind: 'k', payload: 'old', dedupeKey: 'k1' });
    catalog.jobs.claimNext('q');
    const b = catalog.jobs.enqueue({ queue: 'q', kind: 'k', payload: 'new', dedupeKey: 'k1' });
    expect(catalog.jobs.recoverAllRunning()).toBe(1);
    expect(catalog.jobs.get(a.job.id)?.state).toBe('done');
    expect(catalog.jobs.get(b.job.id)?.state).toBe('queued');
    catalog.jobs.claimNext('q');
    catalog.jobs.enqueue({ queue: 'q', kind: 'k', payload: 'newest', dedupeKey: 'k1' });
    expect(catalog.jobs.fail(b.job.id, 'decode failed').state).toBe('done');
    expect(catalog.jobs.counts('q')).toEqual({ queued: 1, running: 0, done: 2, failed: 0 });
    catalog.close();
  });

  it('claims the oldest due job of the named queue only, with a lease, one claim per job', () => {
    const { clock, catalog } = setup();
    const later = catalog.jobs.enqueue({ queue: 'q', kind: 'k', payload: 1, runAfter: new Date(clock.now().getTime() + 60_000) });
    clock.advance(1);
    const a = catalog.jobs.enqueue({ queue: 'q', kind: 'k', payload: 'a' });
    clock.advance(1);
    catalog.jobs.enqueue({ queue: 'other', kind: 'k', payload: null });
    const claimed = catalog.jobs.claimNext('q');
    expect(claimed).toMatchObject({ id: a.job.id, state: 'running', attempts: 1, payload: 'a', leaseUntil: '2025-06-01T10:00:30.002Z' });
    expect(catalog.jobs.claimNext('q')).toBeNull();
    clock.advance(60_000);
    expect(catalog.jobs.claimNext('q')?.id).toBe(later.job.id);
    catalog.close();
  });

  it('retries with exponential backoff, then fails for good with the last error', () => {
    const { clock, catalog } = setup();
    const { job } = catalog.jobs.enqueue({ queue: 'q', kind: 'upload', payload: {}, maxAttempts: 3 });
    catalog.jobs.claimNext('q');
    expect(catalog.jobs.fail(job.id, 'network down')).toMatchObject({
      state: 'queued',
      runAfter: '2025-06-01T10:00:01.000Z',
      lastError: 'network down',
    });
    expect(catalog.jobs.claimNext('q')).toBeNull();
    clock.advance(1000);
    catalog.jobs.claimNext('q');
    expect(catalog.jobs.fail(job.id, 'still down').runAfter).toBe('2025-06-01T10:00:03.000Z');
    clock.advance(2000);
    expect(catalog.jobs.claimNext('q')?.attempts).toBe(3);
    expect(catalog.jobs.fail(job.id, 'gave up')).toMatchObject({ state: 'failed', attempts: 3, lastError: 'gave up' });
    clock.advance(3_600_000);
    expect(catalog.jobs.claimNext('q')).toBeNull();
    expect(() => catalog.jobs.fail(job.id, 'again')).toThrow(expect.objectContaining({ code: 'conflict' }));
    catalog.close();
  });

  it('fails a permanent error at once', () => {
    const { catalog } = setup();
    const { job } = catalog.jobs.enqueue({ queue: 'q', kind: 'thumb', payload: {} });
    catalog.jobs.claimNext('q');
    expect(catalog.jobs.fail(job.id, 'damaged JPEG', { permanent: true }).state).toBe('failed');
    catalog.close();
  });

  it('runs a job again after a crash mid-job, but never a completed one', () => {
    const first = setup();
    const crashed = first.catalog.jobs.enqueue({ queue: 'q', kind: 'k', payload: 'crash' }).job;
    const finished = first.catalog.jobs.enqueue({ queue: 'q', kind: 'k', payload: 'done' }).job;
    first.catalog.jobs.claimNext('q');
    first.catalog.jobs.complete(first.catalog.jobs.claimNext('q')?.id ?? '');
    first.catalog.close(); // the app dies here, the first job still 'running'

    const { catalog, clock } = setup(first.dir, first.clock);
    expect(catalog.jobs.recoverExpiredLeases()).toBe(0); // lease still valid: maybe another process
    clock.advance(30_000);
    expect(catalog.jobs.recoverExpiredLeases()).toBe(1);
    expect(catalog.jobs.get(crashed.id)).toMatchObject({ state: 'queued', leaseUntil: null });
    expect(catalog.jobs.claimNext('q')).toMatchObject({ id: crashed.id, attempts: 2 });
    expect(catalog.jobs.claimNext('q')).toBeNull();
    expect(catalog.jobs.get(finished.id)?.state).toBe('done');
    expect(() => catalog.jobs.complete(finished.id)).toThrow(expect.objectContaining({ code: 'conflict' }));
    catalog.close();
  });

  it('requeues a crashed job when the catalog is reopened after its lease ran out', () => {
    const first = setup();
    const { job } = first.catalog.jobs.enqueue({ queue: 'q', kind: 'k', payload: {} });
    first.catalog.jobs.claimNext('q');
    first.catalog.close();
    first.clock.advance(31_000);
    const { catalog } = setup(first.dir, first.clock);
    expect(catalog.jobs.get(job.id)).toMatchObject({ state: 'queued', attempts: 1 });
    catalog.close();
  });

  it('marks a job failed instead of requeueing it when it keeps crashing the app', () => {
    const { clock, catalog } = setup();
    const { job } = catalog.jobs.enqueue({ queue: 'q', kind: 'decode', payload: {}, maxAttempts: 1 });
    catalog.jobs.claimNext('q');
    clock.advance(30_000);
    expect(catalog.jobs.recoverExpiredLeases()).toBe(1);
    expect(catalog.jobs.get(job.id)).toMatchObject({ state: 'failed', lastError: expect.stringContaining('Interrupted') });
    catalog.close();
  });

  it('keeps a long job from being recovered while its lease is extended', () => {
    const { clock, catalog } = setup();
    const { job } = catalog.jobs.enqueue({ queue: 'q', kind: 'export', payload: {} });
    catalog.jobs.claimNext('q');
    clock.advance(20_000);
    catalog.jobs.extendLease(job.id);
    clock.advance(20_000);
    expect(catalog.jobs.recoverExpiredLeases()).toBe(0);
    catalog.jobs.complete(job.id);
    expect(() => catalog.jobs.extendLease(job.id)).toThrow(expect.objectContaining({ code: 'conflict' }));
    catalog.close();
  });

  it('refuses a payload that is not JSON and unknown job ids', () => {
    const { catalog } = setup();
    expect(() => catalog.jobs.enqueue({ queue: 'q', kind: 'k', payload: undefined })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => catalog.jobs.enqueue({ queue: 'q', kind: 'k', payload: 1, maxAttempts: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => catalog.jobs.complete('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(catalog.jobs.counts()).toEqual({ queued: 0, running: 0, done: 0, failed: 0 });
    catalog.close();
  });
});

describe('jobs: cancel and start-up recovery', () => {
  it('cancels only the queued jobs of one queue and lists live queues', async () => {
    const temp = await makeTempDir();
    const catalog = openCatalog(temp.dir, { now: () => new Date() });
    try {
      catalog.jobs.enqueue({ queue: 'ingest:a', kind: 'variants', payload: { n: 1 } });
      catalog.jobs.enqueue({ queue: 'ingest:a', kind: 'variants', payload: { n: 2 } });
      catalog.jobs.enqueue({ queue: 'ingest:b', kind: 'variants', payload: { n: 3 } });
      const running = catalog.jobs.claimNext('ingest:a');
      expect(catalog.jobs.queues().sort()).toEqual(['ingest:a', 'ingest:b']);
      const cancelled = catalog.jobs.cancelQueued('ingest:a', 'Import cancelled');
      expect(cancelled.map((j) => j.payload)).toEqual([{ n: 2 }]);
      expect(catalog.jobs.get(running?.id ?? '')?.state).toBe('running');
      expect(catalog.jobs.counts('ingest:b').queued).toBe(1);
      expect(catalog.jobs.recoverAllRunning()).toBe(1);
      expect(catalog.jobs.get(running?.id ?? '')?.state).toBe('queued');
    } finally {
      catalog.close();
      await temp.cleanup();
    }
  });
});
