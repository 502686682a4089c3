import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { type Catalog, openCatalog } from '../catalog';
import { createProgressReporter, type ShootProgress } from './progress-reporter';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let catalog: Catalog;
beforeEach(async () => {
  temp = await makeTempDir();
  catalog = openCatalog(temp.dir, { now: () => new Date() });
});
afterEach(async () => {
  catalog.close();
  await temp.cleanup();
});

describe('progress reporter', () => {
  it('throttles a burst to a few updates and always sends the last state', async () => {
    const shoot = catalog.shoots.add({ path: '/shoots/a', name: 'A', kind: 'shoot' });
    const sent: ShootProgress[] = [];
    const reporter = createProgressReporter({ catalog, now: Date.now, isPaused: () => false, emit: (p) => sent.push(p), intervalMs: 100 });
    for (let i = 0; i < 5; i++) {
      catalog.photos.create({
        shootId: shoot.id,
        folder: '/shoots/a',
        stem: `IMG_${i}`,
        status: 'ready',
        files: [{ path: `/shoots/a/IMG_${i}.JPG`, role: 'primary', size: 1, mtimeMs: 1, fingerprint: null }],
      });
      reporter.report(shoot.id);
    }
    expect(sent).toHaveLength(1);
    await expect.poll(() => sent.length).toBe(2);
    expect(sent.at(-1)).toMatchObject({ total: 5, done: 5, ready: 5, etaSeconds: 0, status: 'online' });
    reporter.close();
  });

  it('reports pause and nothing after close', async () => {
    const shoot = catalog.shoots.add({ path: '/shoots/b', name: 'B', kind: 'shoot' });
    const sent: ShootProgress[] = [];
    const reporter = createProgressReporter({ catalog, now: Date.now, isPaused: () => true, emit: (p) => sent.push(p) });
    reporter.report(shoot.id, true);
    expect(sent[0]?.paused).toBe(true);
    reporter.close();
    reporter.report(shoot.id, true);
    expect(sent).toHaveLength(1);
  });
});
