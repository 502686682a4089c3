import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalog } from './open-catalog';
import { manualClock, tempDir } from './test-support';

function setup() {
  const dir = tempDir();
  const clock = manualClock();
  const catalog = openCatalog(dir, clock);
  return { dir, clock, catalog };
}

const file = (p: string) => ({ path: p, role: 'primary' as const, size: 10, mtimeMs: 1, fingerprint: `fp:${p}` });

describe('shoots repository', () => {
  it('adds, lists by name, gets and sets status and scan time', () => {
    const { catalog, clock } = setup();
    const b = catalog.shoots.add({ path: '/shoots/b', name: 'Beach', kind: 'shoot' });
    const a = catalog.shoots.add({ path: '/shoots/a/../root', name: 'all shoots', kind: 'root' });
    expect(a.path).toBe(path.resolve('/shoots/root'));
    expect(catalog.shoots.list().map((s) => s.id)).toEqual([a.id, b.id]);
    catalog.shoots.setStatus(b.id, 'offline');
    clock.advance(60_000);
    catalog.shoots.markScanned(b.id);
    expect(catalog.shoots.get(b.id)).toMatchObject({ status: 'offline', lastScanAt: '2025-06-01T10:01:00.000Z' });
    expect(catalog.shoots.get('nope')).toBeNull();
    catalog.close();
  });

  it('refuses the same folder twice and unknown ids', () => {
    const { catalog } = setup();
    catalog.shoots.add({ path: '/shoots/a', name: 'A', kind: 'shoot' });
    expect(() => catalog.shoots.add({ path: '/shoots/a/', name: 'again', kind: 'shoot' })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(() => catalog.shoots.setStatus('nope', 'online')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => catalog.shoots.remove('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
    catalog.close();
  });

  it('remove forgets unflagged photos, keeps flagged ones detached, and never touches the disk', () => {
    const { dir, catalog } = setup();
    const folder = path.join(dir, 'shoot');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'a.jpg'), 'a');
    const shoot = catalog.shoots.add({ path: folder, name: 'S', kind: 'shoot' });
    const plain = catalog.photos.create({ shootId: shoot.id, folder, stem: 'a', files: [file(path.join(folder, 'a.jpg'))] });
    const kept = catalog.photos.create({ shootId: shoot.id, folder, stem: 'b', files: [file(path.join(folder, 'b.jpg'))] });
    catalog.variants.upsert({ photoId: plain.id, kind: 'thumb', contentHash: 'h', relPath: 'a.webp', width: 4, height: 3, bytes: 9 });
    catalog.flags.setPick(kept.id, 'pick');

    expect(catalog.shoots.remove(shoot.id)).toEqual({ removedPhotos: 1, keptPhotos: 1 });

    expect(catalog.shoots.get(shoot.id)).toBeNull();
    expect(catalog.photos.get(plain.id)).toBeNull();
    expect(catalog.variants.get(plain.id, 'thumb')).toBeNull();
    expect(catalog.photos.get(kept.id)).toMatchObject({ shootId: null, status: 'missing' });
    expect(catalog.flags.get(kept.id).pick).toBe('pick');
    expect(existsSync(path.join(folder, 'a.jpg'))).toBe(true);
    catalog.close();
  });
});
