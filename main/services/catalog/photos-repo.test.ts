import { describe, expect, it } from 'vitest';
import { openCatalog } from './open-catalog';
import { manualClock, tempDir } from './test-support';
import type { FileRole } from './types';

const F = '/shoots/wedding';
const file = (name: string, role: FileRole = 'primary', fingerprint: string | null = `fp:${name}`) => ({
  path: `${F}/${name}`,
  role,
  size: 1000,
  mtimeMs: 1_700_000_000_000.5,
  fingerprint,
});

function setup() {
  const clock = manualClock();
  const catalog = openCatalog(tempDir(), clock);
  const shoot = catalog.shoots.add({ path: F, name: 'Wedding', kind: 'shoot' });
  const create = (stem: string, captureTime: string | null = null, files = [file(`${stem}.jpg`)]) =>
    catalog.photos.create({ shootId: shoot.id, folder: F, stem, captureTime, files });
  return { clock, catalog, shoot, create };
}

describe('photos repository', () => {
  it('creates a RAW+JPEG pair as one photo with two files, found by either path and by folder+stem', () => {
    const { catalog, shoot } = setup();
    const photo = catalog.photos.create({
      shootId: shoot.id,
      folder: F,
      stem: 'IMG_1',
      captureTime: '2025-05-31T14:02:03.000',
      captureOffset: '+02:00',
      fingerprint: 'fp:IMG_1.CR3',
      files: [file('IMG_1.CR3', 'raw'), file('IMG_1.JPG', 'jpeg')],
    });
    expect(photo).toMatchObject({ shootId: shoot.id, stem: 'IMG_1', status: 'importing', captureOffset: '+02:00' });
    expect(photo.files.map((f) => f.role)).toEqual(['jpeg', 'raw']);
    expect(catalog.photos.findByFilePath(`${F}/IMG_1.JPG`)?.id).toBe(photo.id);
    expect(catalog.photos.findByFilePath(`${F}/IMG_1.CR3`)?.files).toHaveLength(2);
    expect(catalog.photos.findByFolderStem(F, 'IMG_1').map((p) => p.id)).toEqual([photo.id]);
    expect(catalog.photos.findByFilePath(`${F}/other.jpg`)).toBeNull();
    catalog.close();
  });

  it('attaches a late second file and records an in-place edit without changing the id', () => {
    const { catalog, create } = setup();
    const photo = create('IMG_2', null, [file('IMG_2.CR3', 'raw')]);
    catalog.photos.addFile(photo.id, file('IMG_2.JPG', 'jpeg'));
    catalog.photos.updateFile(`${F}/IMG_2.JPG`, { size: 2000, mtimeMs: 5, fingerprint: 'fp:edited' });
    const after = catalog.photos.findByFilePath(`${F}/IMG_2.JPG`);
    expect(after?.id).toBe(photo.id);
    expect(after?.files.find((f) => f.role === 'jpeg')).toMatchObject({ size: 2000, mtimeMs: 5, fingerprint: 'fp:edited' });
    expect(() => catalog.photos.addFile(photo.id, file('IMG_2.CR3', 'raw'))).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => catalog.photos.updateFile(`${F}/none.jpg`, { size: 1, mtimeMs: 1, fingerprint: null })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(() => catalog.photos.addFile(photo.id, { ...file('x.jpg'), role: 'video' as FileRole })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    catalog.close();
  });

  it('re-links a renamed file: same id, same flags, new path, missing becomes ready', () => {
    const { catalog, shoot, create } = setup();
    const photo = create('IMG_3');
    catalog.flags.setRating(photo.id, 4);
    catalog.photos.markMissing(photo.id);
    const [candidate] = catalog.photos.findByFingerprint('fp:IMG_3.jpg');
    expect(candidate?.id).toBe(photo.id);
    const moved = catalog.photos.relinkFile({
      photoId: photo.id,
      fromPath: `${F}/IMG_3.jpg`,
      file: { ...file('IMG_3.jpg'), path: '/shoots/picked/Bride_001.jpg' },
      shootId: shoot.id,
      folder: '/shoots/picked',
      stem: 'Bride_001',
    });
    expect(moved).toMatchObject({ id: photo.id, folder: '/shoots/picked', stem: 'Bride_001', status: 'ready' });
    expect(moved.files.map((f) => f.path)).toEqual(['/shoots/picked/Bride_001.jpg']);
    expect(catalog.photos.findByFilePath(`${F}/IMG_3.jpg`)).toBeNull();
    expect(catalog.flags.get(photo.id).rating).toBe(4);
    catalog.close();
  });

  it('refuses to re-link onto a path another photo owns, or from a file the photo does not have', () => {
    const { catalog, shoot, create } = setup();
    const a = create('a');
    create('b');
    const base = { photoId: a.id, shootId: shoot.id, folder: F, stem: 'a' };
    expect(() => catalog.photos.relinkFile({ ...base, fromPath: `${F}/a.jpg`, file: file('b.jpg') })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(() => catalog.photos.relinkFile({ ...base, fromPath: `${F}/b.jpg`, file: file('c.jpg') })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(catalog.photos.get(a.id)?.files.map((f) => f.path)).toEqual([`${F}/a.jpg`]);
    catalog.close();
  });

  it('lists missing photos first among fingerprint matches, matching photo or file fingerprints', () => {
    const { catalog, create } = setup();
    const present = create('p', null, [file('p.jpg', 'primary', 'same')]);
    const gone = create('g', null, [file('g.CR3', 'raw', 'other'), file('g.jpg', 'jpeg', 'same')]);
    catalog.photos.markMissing(gone.id);
    expect(catalog.photos.findByFingerprint('same').map((p) => p.id)).toEqual([gone.id, present.id]);
    expect(catalog.photos.findByFingerprint('unknown')).toEqual([]);
    catalog.close();
  });

  it('moves through ready, needs_attention (with a reason) and missing, and counts by status', () => {
    const { catalog, shoot, create } = setup();
    const [a, b, c] = [create('a'), create('b'), create('c')];
    if (!a || !b || !c) throw new Error('setup');
    catalog.photos.markReady(a.id);
    catalog.photos.markNeedsAttention(b.id, 'The file is damaged: JPEG ends early.');
    expect(catalog.photos.get(b.id)).toMatchObject({ status: 'needs_attention', attentionReason: 'The file is damaged: JPEG ends early.' });
    catalog.photos.markReady(b.id);
    expect(catalog.photos.get(b.id)?.attentionReason).toBeNull();
    catalog.photos.markMissing(c.id);
    expect(catalog.photos.countByStatus(shoot.id)).toEqual({ importing: 0, ready: 2, needs_attention: 0, missing: 1 });
    expect(catalog.photos.countByStatus('other')).toEqual({ importing: 0, ready: 0, needs_attention: 0, missing: 0 });
    expect(() => catalog.photos.markNeedsAttention(a.id, ' ')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => catalog.photos.markReady('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
    catalog.close();
  });

  it('lists a shoot for the grid by capture time, undated last, with flags and thumb, in pages', () => {
    const { catalog, shoot, create } = setup();
    const late = create('late', '2025-05-31T18:00:00.000');
    const undated = create('undated');
    const early = create('early', '2025-05-31T09:00:00.000');
    catalog.flags.setRating(early.id, 3);
    catalog.flags.setLabel(early.id, 'green');
    catalog.variants.upsert({
      photoId: early.id,
      kind: 'thumb',
      contentHash: 'h1',
      relPath: 'th/e.webp',
      width: 400,
      height: 267,
      bytes: 9,
    });
    catalog.variants.upsert({
      photoId: late.id,
      kind: 'web',
      contentHash: 'h2',
      relPath: 'web/l.jpg',
      width: 2048,
      height: 1365,
      bytes: 9,
    });

    const all = catalog.photos.listByShoot(shoot.id, { offset: 0, limit: 10 });
    expect(all.map((p) => p.id)).toEqual([early.id, late.id, undated.id]);
    expect(all[0]).toMatchObject({
      rating: 3,
      pick: 'none',
      colorLabel: 'green',
      thumb: { relPath: 'th/e.webp', width: 400, height: 267, contentHash: 'h1' },
    });
    expect(all[1]).toMatchObject({ rating: 0, pick: 'none', colorLabel: null, thumb: null });
    expect(catalog.photos.listByShoot(shoot.id, { offset: 1, limit: 1 }).map((p) => p.id)).toEqual([late.id]);
    expect(() => catalog.photos.listByShoot(shoot.id, { offset: -1, limit: 10 })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => catalog.photos.listByShoot(shoot.id, { offset: 0, limit: 0 })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    catalog.close();
  });

  it('removes an unflagged photo with its rows, but refuses a flagged one', () => {
    const { catalog, create } = setup();
    const plain = create('plain');
    const flagged = create('flagged');
    catalog.metadata.upsert(plain.id, {
      cameraMake: 'Canon',
      cameraModel: null,
      lens: null,
      exposureTime: null,
      aperture: null,
      iso: null,
      focalLength: null,
      gpsLat: null,
      gpsLon: null,
      copyright: null,
      creator: null,
      keywords: [],
      embeddedRating: null,
      embeddedLabel: null,
    });
    catalog.flags.setPick(flagged.id, 'reject');
    catalog.photos.remove(plain.id);
    expect(catalog.photos.get(plain.id)).toBeNull();
    expect(catalog.metadata.get(plain.id)).toBeNull();
    expect(catalog.photos.findByFilePath(`${F}/plain.jpg`)).toBeNull();
    expect(() => catalog.photos.remove(flagged.id)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(catalog.photos.get(flagged.id)).not.toBeNull();
    catalog.close();
  });
});
