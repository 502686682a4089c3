// "Nothing is lost": every multi-row change is one transaction. Failures are injected with
// real SQLite triggers (no mocks), then we check that no half-written row is left.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCatalog } from './open-catalog';
import { manualClock, tempDir } from './test-support';

const file = (path: string) => ({ path, role: 'primary' as const, size: 1, mtimeMs: 1, fingerprint: `fp:${path}` });

function setup() {
  const catalog = openCatalog(tempDir(), manualClock());
  const shoot = catalog.shoots.add({ path: '/s', name: 'S', kind: 'shoot' });
  // A second, independent connection: the failure comes from the database, not from our code.
  const sabotage = (sql: string) => {
    const db = new Database(catalog.path);
    db.exec(sql);
    db.close();
  };
  const count = (table: string) => {
    const db = new Database(catalog.path, { readonly: true });
    const n = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    db.close();
    return n;
  };
  return { catalog, shoot, sabotage, count };
}

describe('nothing is lost', () => {
  it('creating a photo whose second file clashes leaves neither the photo nor its first file', () => {
    const { catalog, shoot, count } = setup();
    catalog.photos.create({ shootId: shoot.id, folder: '/s', stem: 'taken', files: [file('/s/taken.jpg')] });
    expect(() =>
      catalog.photos.create({ shootId: shoot.id, folder: '/s', stem: 'new', files: [file('/s/new.CR3'), file('/s/taken.jpg')] }),
    ).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(catalog.photos.findByFilePath('/s/new.CR3')).toBeNull();
    expect(count('photos')).toBe(1);
    expect(count('photo_files')).toBe(1);
    catalog.close();
  });

  it('a shoot removal that fails at the last step keeps every photo and its attachment', () => {
    const { catalog, shoot, sabotage, count } = setup();
    const kept = catalog.photos.create({ shootId: shoot.id, folder: '/s', stem: 'a', files: [file('/s/a.jpg')] });
    catalog.photos.create({ shootId: shoot.id, folder: '/s', stem: 'b', files: [file('/s/b.jpg')] });
    catalog.flags.setRating(kept.id, 5);
    sabotage("CREATE TRIGGER no_shoot_delete BEFORE DELETE ON shoots BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;");
    expect(() => catalog.shoots.remove(shoot.id)).toThrow(/disk I\/O error/);
    expect(count('photos')).toBe(2);
    expect(count('photo_files')).toBe(2);
    expect(catalog.photos.get(kept.id)).toMatchObject({ shootId: shoot.id, status: 'importing' });
    catalog.close();
  });

  it('a re-link that fails after moving the file row leaves the file at its old path', () => {
    const { catalog, shoot, sabotage } = setup();
    const photo = catalog.photos.create({ shootId: shoot.id, folder: '/s', stem: 'a', files: [file('/s/a.jpg')] });
    sabotage("CREATE TRIGGER no_photo_update BEFORE UPDATE OF folder ON photos BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect(() =>
      catalog.photos.relinkFile({
        photoId: photo.id,
        fromPath: '/s/a.jpg',
        file: file('/t/a.jpg'),
        shootId: shoot.id,
        folder: '/t',
        stem: 'a',
      }),
    ).toThrow(/disk full/);
    expect(catalog.photos.get(photo.id)?.files.map((f) => f.path)).toEqual(['/s/a.jpg']);
    catalog.close();
  });

  it('catalog.transaction groups changes across repositories: a throw undoes all of them', () => {
    const { catalog, shoot, count } = setup();
    expect(() =>
      catalog.transaction(() => {
        const photo = catalog.photos.create({ shootId: shoot.id, folder: '/s', stem: 'a', files: [file('/s/a.jpg')] });
        catalog.flags.setPick(photo.id, 'pick');
        catalog.jobs.enqueue({ queue: 'variants', kind: 'thumb', payload: { photoId: photo.id } });
        throw new Error('decoder crashed');
      }),
    ).toThrow('decoder crashed');
    expect([count('photos'), count('photo_files'), count('photo_flags'), count('jobs')]).toEqual([0, 0, 0, 0]);
    const ok = catalog.transaction(() => catalog.photos.create({ shootId: shoot.id, folder: '/s', stem: 'a', files: [file('/s/a.jpg')] }));
    expect(catalog.photos.get(ok.id)).not.toBeNull();
    catalog.close();
  });
});
