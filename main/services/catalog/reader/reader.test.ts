import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../open-catalog';
import { manualClock, tempDir } from '../test-support';
import { createCatalogReader } from './reader';

function seeded(photoCount: number) {
  const catalog = openCatalog(tempDir(), manualClock());
  const shoot = catalog.shoots.add({ path: '/s', name: 'S', kind: 'shoot' });
  catalog.transaction(() => {
    for (let i = 0; i < photoCount; i++) {
      const stem = `IMG_${String(i).padStart(4, '0')}`;
      const p = catalog.photos.create({
        shootId: shoot.id,
        folder: '/s',
        stem,
        captureTime: `2025-05-31T10:00:${String(i % 60).padStart(2, '0')}.000`,
        files: [{ path: `/s/${stem}.jpg`, role: 'primary', size: 1, mtimeMs: 1, fingerprint: null }],
      });
      if (i % 3 === 0) catalog.flags.setRating(p.id, 3);
      if (i % 2 === 0)
        catalog.variants.upsert({
          photoId: p.id,
          kind: 'thumb',
          contentHash: `h${i}`,
          relPath: `t/${i}.webp`,
          width: 400,
          height: 300,
          bytes: 1,
        });
    }
  });
  return { catalog, shoot };
}

describe('catalog reader (worker thread)', () => {
  it('returns exactly what the main-thread query returns, page by page', async () => {
    const { catalog, shoot } = seeded(250);
    const reader = createCatalogReader(catalog.path);
    try {
      for (const page of [
        { offset: 0, limit: 100 },
        { offset: 100, limit: 100 },
        { offset: 200, limit: 100 },
      ]) {
        expect(await reader.listPhotos(shoot.id, page)).toEqual(catalog.photos.listByShoot(shoot.id, page));
      }
      const all = await reader.listPhotos(shoot.id, { offset: 0, limit: 1000 });
      expect(all).toHaveLength(250);
      expect(new Set(all.map((p) => p.id)).size).toBe(250);
      expect(all.filter((p) => p.thumb !== null)).toHaveLength(125);
      expect(await reader.listPhotos('other-shoot', { offset: 0, limit: 10 })).toEqual([]);
    } finally {
      await reader.close();
      catalog.close();
    }
  });

  it('answers concurrent requests, and reads committed data while a write transaction is open', async () => {
    const { catalog, shoot } = seeded(20);
    const reader = createCatalogReader(catalog.path);
    const writer = new Database(catalog.path);
    try {
      const pages = await Promise.all([0, 5, 10, 15].map((offset) => reader.listPhotos(shoot.id, { offset, limit: 5 })));
      expect(pages.flat().map((p) => p.id)).toEqual((await reader.listPhotos(shoot.id, { offset: 0, limit: 20 })).map((p) => p.id));
      writer.exec('BEGIN IMMEDIATE');
      writer.prepare("UPDATE photos SET status = 'missing'").run();
      const during = await reader.listPhotos(shoot.id, { offset: 0, limit: 20 });
      expect(during.every((p) => p.status === 'importing')).toBe(true);
      writer.exec('COMMIT');
      const after = await reader.listPhotos(shoot.id, { offset: 0, limit: 20 });
      expect(after.every((p) => p.status === 'missing')).toBe(true);
    } finally {
      writer.close();
      await reader.close();
      catalog.close();
    }
  });

  it('reports a catalog it cannot open as io_error, and never creates one', async () => {
    const file = path.join(tempDir(), 'none.sqlite');
    const reader = createCatalogReader(file);
    try {
      await expect(reader.listPhotos('s', { offset: 0, limit: 1 })).rejects.toMatchObject({ code: 'io_error' });
      await expect(reader.listPhotos('s', { offset: 0, limit: 1 })).rejects.toMatchObject({ code: 'io_error' });
      expect(existsSync(file)).toBe(false);
    } finally {
      await reader.close();
    }
  });

  it('validates the page before asking the worker, and refuses calls after close', async () => {
    const { catalog, shoot } = seeded(1);
    const reader = createCatalogReader(catalog.path);
    await expect(reader.listPhotos(shoot.id, { offset: 0, limit: 5000 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await reader.listPhotos(shoot.id, { offset: 0, limit: 1 })).toHaveLength(1);
    await reader.close();
    await expect(reader.listPhotos(shoot.id, { offset: 0, limit: 1 })).rejects.toMatchObject({ code: 'internal' });
    await reader.close(); // closing twice is harmless
    catalog.close();
  });
});
