import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedImagesDir } from '../../../test/helpers/fixtures';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { type Catalog, openCatalog } from '../catalog';
import { imaging } from './imaging-port';
import { isDiskFull, processPhoto } from './process-photo';
import { enqueueVariants, ingestQueue } from './variant-jobs';

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

async function photoWithJob(name: string) {
  const file = path.join(temp.dir, name);
  await fs.copyFile(path.join(sharedImagesDir, name), file);
  const stat = await fs.stat(file);
  const shoot = catalog.shoots.add({ path: temp.dir, name: 's', kind: 'shoot' });
  const photo = catalog.photos.create({
    shootId: shoot.id,
    folder: temp.dir,
    stem: path.parse(name).name,
    files: [{ path: file, role: 'primary', size: stat.size, mtimeMs: stat.mtimeMs, fingerprint: null }],
  });
  enqueueVariants(catalog, shoot.id, photo.id);
  const job = catalog.jobs.claimNext(ingestQueue(shoot.id));
  if (!job) throw new Error('no job');
  return { photo, job, file, cacheDir: path.join(temp.dir, 'variants') };
}

describe('processPhoto', () => {
  it('records both variants and finishes the job in one go', async () => {
    const { photo, job, cacheDir } = await photoWithJob('progressive.jpg');
    expect(await processPhoto({ catalog, imaging, cacheDir }, job)).toBe('ready');
    expect(catalog.photos.get(photo.id)?.status).toBe('ready');
    expect(catalog.variants.get(photo.id, 'web')).toMatchObject({ width: 2048, height: 1536 });
    expect(catalog.jobs.get(job.id)?.state).toBe('done');
  });

  it('drops a result made from a file that changed while the job ran, leaving the work to the newer job', async () => {
    const { photo, job, file, cacheDir } = await photoWithJob('progressive.jpg');
    // The real imaging, with the photographer's editor rewriting the file while it decodes.
    const editedMidway = {
      ...imaging,
      makeVariants: async (...args: Parameters<typeof imaging.makeVariants>) => {
        const result = await imaging.makeVariants(...args);
        catalog.photos.updateFile(file, { size: 1, mtimeMs: Date.now(), fingerprint: null });
        enqueueVariants(catalog, photo.shootId ?? '', photo.id);
        return result;
      },
    };
    await processPhoto({ catalog, imaging: editedMidway, cacheDir }, job);
    expect(catalog.variants.get(photo.id, 'web')).toBeNull();
    expect(catalog.photos.get(photo.id)?.status).toBe('importing');
    expect(catalog.jobs.get(job.id)?.state).toBe('done');
    expect(catalog.jobs.counts().queued).toBe(1);
  });

  it('recognises a full disk from the file system and from SQLite', () => {
    expect(isDiskFull(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toBe(true);
    expect(isDiskFull(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(true);
    expect(isDiskFull(Object.assign(new Error('x'), { cause: { code: 'EDQUOT' } }))).toBe(true);
    expect(isDiskFull(new Error('corrupt'))).toBe(false);
  });
});
