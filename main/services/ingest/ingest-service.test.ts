import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureManifest, sharedImagesDir } from '../../../test/helpers/fixtures';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { type Catalog, openCatalog } from '../catalog';
import { imaging } from './imaging-port';
import { createIngestService, type IngestService } from './ingest-service';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let catalog: Catalog;
let ingest: IngestService;
let notices: string[];

async function setup() {
  const libraryDir = path.join(temp.dir, 'library');
  await fs.mkdir(libraryDir, { recursive: true });
  catalog = openCatalog(libraryDir, { now: () => new Date() });
  notices = [];
  ingest = createIngestService({
    catalog,
    imaging,
    libraryDir,
    cacheDir: path.join(libraryDir, 'variants'),
    settleMs: 150,
    concurrency: 2,
    offlineCheckMs: 200,
    events: { progress: () => undefined, photosChanged: () => undefined, notice: (m) => notices.push(m) },
  });
  await ingest.start();
}

beforeEach(async () => {
  temp = await makeTempDir('proofdesk-ingest-');
  await setup();
});
afterEach(async () => {
  await ingest.close();
  catalog.close();
  await temp.cleanup();
});

async function copyFixtures(dest: string, names: string[]) {
  await fs.mkdir(dest, { recursive: true });
  for (const name of names) await fs.copyFile(path.join(sharedImagesDir, name), path.join(dest, name));
}

describe('ingest of the shared fixtures', () => {
  it('imports every fixture: right sizes for good files, plain reasons for damaged ones', async () => {
    const manifest = fixtureManifest().filter((f) => !f.file.endsWith('.xmp'));
    const shoot = path.join(temp.dir, 'shoot');
    await copyFixtures(
      shoot,
      manifest.map((f) => f.file),
    );
    await ingest.addShoot({ path: shoot, kind: 'shoot' });
    await ingest.settled();

    const items = catalog.photos.listByShoot(catalog.shoots.list()[0]?.id ?? '', { offset: 0, limit: 1000 });
    expect(items).toHaveLength(manifest.length);
    for (const fixture of manifest) {
      const item = items.find((p) => p.stem === path.parse(fixture.file).name);
      expect(item, fixture.file).toBeDefined();
      if (!item) continue;
      const shouldImport = fixture.decodes && fixture.file !== 'heic-1440x960.heic';
      const rawWithPreview = /^raw-/.test(fixture.file);
      if (shouldImport || rawWithPreview) {
        expect(item.status, `${fixture.file}: ${item.attentionReason}`).toBe('ready');
        const web = catalog.variants.get(item.id, 'web');
        expect(web, fixture.file).not.toBeNull();
        if (fixture.web && web) expect({ width: web.width, height: web.height }, fixture.file).toEqual(fixture.web);
      } else {
        expect(item.status, fixture.file).toBe('needs_attention');
        expect(item.attentionReason, fixture.file).toMatch(/[a-z]{3,} .*\./);
        expect(catalog.variants.get(item.id, 'web'), fixture.file).toBeNull();
      }
    }
    const reason = (name: string) => items.find((p) => p.stem === path.parse(name).name)?.attentionReason ?? '';
    expect(reason('broken-truncated-60pct.jpg')).toMatch(/cut short/);
    expect(reason('broken-zero-bytes.jpg')).toMatch(/empty/);
    expect(reason('broken-text-as.cr2')).toMatch(/not an image|RAW/i);
    expect(reason('bomb-20000x20000.png')).toMatch(/megapixels/);
    expect(reason('heic-1440x960.heic')).toMatch(/HEIC|HEVC/);
  }, 120_000);

  it('makes every orient-* fixture the same upright picture', async () => {
    const names = (await fs.readdir(sharedImagesDir)).filter((n) => n.startsWith('orient-') && n.includes('landscape'));
    const shoot = path.join(temp.dir, 'orient');
    await copyFixtures(shoot, names);
    await ingest.addShoot({ path: shoot, kind: 'shoot' });
    await ingest.settled();
    const cacheDir = path.join(temp.dir, 'library', 'variants');
    const prints: number[][] = [];
    for (const item of catalog.photos.listByShoot(catalog.shoots.list()[0]?.id ?? '', { offset: 0, limit: 100 })) {
      const web = catalog.variants.get(item.id, 'web');
      expect(web?.width).toBe(1800);
      const tiny = await sharp(path.join(cacheDir, web?.relPath ?? ''))
        .resize(4, 4, { fit: 'fill' })
        .greyscale()
        .raw()
        .toBuffer();
      prints.push([...tiny]);
    }
    expect(prints).toHaveLength(names.length);
    for (const print of prints) {
      const distance = print.reduce((sum, v, i) => sum + Math.abs(v - (prints[0]?.[i] ?? 0)), 0) / print.length;
      expect(distance).toBeLessThan(12);
    }
  }, 60_000);
});

describe('photo identity', () => {
  it('pairs RAW+JPEG with the same stem into one photo', async () => {
    const shoot = path.join(temp.dir, 'pair');
    await fs.mkdir(shoot);
    await fs.copyFile(path.join(sharedImagesDir, 'raw-synthetic-nikon-preview3000.nef'), path.join(shoot, 'DSC_0042.NEF'));
    await fs.copyFile(path.join(sharedImagesDir, 'camera-nikon-d3100-14mp.jpg'), path.join(shoot, 'DSC_0042.JPG'));
    await ingest.addShoot({ path: shoot, kind: 'shoot' });
    await ingest.settled();
    const items = catalog.photos.listByShoot(catalog.shoots.list()[0]?.id ?? '', { offset: 0, limit: 10 });
    expect(items).toHaveLength(1);
    const roles = catalog.photos.get(items[0]?.id ?? '')?.files.map((f) => f.role) ?? [];
    expect(roles).toHaveLength(2);
    expect(roles).toContain('raw');
    // The web variant comes from the camera JPEG (full 14 MP), not the RAW's 3000 px preview.
    expect(catalog.variants.get(items[0]?.id ?? '', 'web')).toMatchObject({ width: 2048, height: 1365 });
  }, 60_000);

  it('keeps the id and flags through an edit in place, a rename and a move to another folder', async () => {
    const shoot = path.join(temp.dir, 'wedding');
    await copyFixtures(shoot, ['progressive.jpg']);
    await ingest.addShoot({ path: shoot, kind: 'shoot' });
    await ingest.settled();
    const [first] = catalog.photos.listByShoot(catalog.shoots.list()[0]?.id ?? '', { offset: 0, limit: 10 });
    const id = first?.id ?? '';
    catalog.flags.setRating(id, 4);
    catalog.flags.setPick(id, 'pick');

    // Edit in place (Photo Mechanic writes IPTC into the JPEG): same path, same photo.
    const original = path.join(shoot, 'progressive.jpg');
    const edited = await sharp(original)
      .withMetadata({ exif: { IFD0: { Copyright: 'Studio Nowak' } } })
      .jpeg()
      .toBuffer();
    await fs.writeFile(original, edited);
    await new Promise((r) => setTimeout(r, 400));
    await ingest.settled();
    expect(catalog.photos.findByFilePath(original)?.id).toBe(id);

    // Rename.
    const renamed = path.join(shoot, 'ceremony-001.jpg');
    await fs.rename(original, renamed);
    await new Promise((r) => setTimeout(r, 600));
    await ingest.settled();
    expect(catalog.photos.findByFilePath(renamed)?.id).toBe(id);

    // Move into a subfolder.
    await fs.mkdir(path.join(shoot, 'selects'));
    const moved = path.join(shoot, 'selects', 'ceremony-001.jpg');
    await fs.rename(renamed, moved);
    await new Promise((r) => setTimeout(r, 600));
    await ingest.settled();
    const after = catalog.photos.findByFilePath(moved);
    expect(after?.id).toBe(id);
    expect(after?.status).toBe('ready');
    expect(catalog.flags.get(id)).toMatchObject({ rating: 4, pick: 'pick' });
    expect(catalog.photos.countByStatus(catalog.shoots.list()[0]?.id)).toMatchObject({ ready: 1, missing: 0 });
  }, 60_000);

  it('marks a deleted file missing but keeps its flagged photo, and catches up after a restart', async () => {
    const shoot = path.join(temp.dir, 'portraits');
    await copyFixtures(shoot, ['orient-1-landscape.jpg', 'color-adobe-rgb.jpg']);
    await ingest.addShoot({ path: shoot, kind: 'shoot' });
    await ingest.settled();
    const gone = catalog.photos.findByFilePath(path.join(shoot, 'color-adobe-rgb.jpg'));
    catalog.flags.setRating(gone?.id ?? '', 5);

    await ingest.close();
    await fs.rm(path.join(shoot, 'color-adobe-rgb.jpg'));
    await copyFixtures(shoot, ['png-alpha.png']);
    const shootsBefore = catalog.shoots.list();
    catalog.close();
    await setup();
    expect(catalog.shoots.list()).toEqual(shootsBefore);
    await ingest.settled();
    const id = shootsBefore[0]?.id ?? '';
    expect(catalog.photos.countByStatus(id)).toMatchObject({ ready: 2, missing: 1 });
    expect(catalog.photos.get(gone?.id ?? '')?.status).toBe('missing');
    expect(catalog.flags.get(gone?.id ?? '').rating).toBe(5);
  }, 60_000);
});

describe('a big card', () => {
  it('imports 1,500 files in one folder exactly once each', async () => {
    const shoot = path.join(temp.dir, 'card');
    await fs.mkdir(shoot);
    const tiny = await sharp({ create: { width: 48, height: 32, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    const names = Array.from({ length: 1500 }, (_, i) => `IMG_${String(i).padStart(4, '0')}.JPG`);
    // Different bytes per file, so no two share a fingerprint.
    await Promise.all(names.map((name, i) => fs.writeFile(path.join(shoot, name), Buffer.concat([tiny, Buffer.from(String(i))]))));
    const added = await ingest.addShoot({ path: shoot, kind: 'shoot' });
    await ingest.settled();
    expect(catalog.photos.countByStatus(added.id)).toMatchObject({ ready: 1500, importing: 0, needs_attention: 0 });
    expect(catalog.jobs.counts()).toMatchObject({ queued: 0, running: 0, failed: 0 });
  }, 120_000);
});

describe('drives and folders', () => {
  it('shows a shoot offline when its folder disappears and back online when it returns, losing nothing', async () => {
    const shoot = path.join(temp.dir, 'card');
    await copyFixtures(shoot, ['orient-1-landscape.jpg']);
    const added = await ingest.addShoot({ path: shoot, kind: 'shoot' });
    await ingest.settled();
    const parked = path.join(temp.dir, 'parked');
    await fs.rename(shoot, parked);
    await expect.poll(() => catalog.shoots.get(added.id)?.status, { timeout: 5000 }).toBe('offline');
    expect(catalog.photos.countByStatus(added.id).ready + catalog.photos.countByStatus(added.id).missing).toBe(1);
    await fs.rename(parked, shoot);
    await expect.poll(() => catalog.shoots.get(added.id)?.status, { timeout: 5000 }).toBe('online');
    await ingest.settled();
    expect(catalog.photos.countByStatus(added.id)).toMatchObject({ ready: 1, missing: 0 });
    expect(notices.join('\n')).toMatch(/not reachable/);
  }, 30_000);

  it('adds a root of shoots as one shoot per first-level folder, including folders made later', async () => {
    const root = path.join(temp.dir, 'Shoots 2026');
    await copyFixtures(path.join(root, 'Kowalski wedding'), ['orient-1-landscape.jpg']);
    await copyFixtures(path.join(root, 'Nowak family'), ['color-display-p3.jpg']);
    await ingest.addShoot({ path: root, kind: 'root' });
    await ingest.settled();
    await copyFixtures(path.join(root, 'Zielinski baptism'), ['progressive.jpg']);
    await new Promise((r) => setTimeout(r, 500));
    await ingest.settled();
    const names = catalog.shoots
      .list()
      .filter((s) => s.kind === 'shoot')
      .map((s) => s.name)
      .sort();
    expect(names).toEqual(['Kowalski wedding', 'Nowak family', 'Zielinski baptism']);
    for (const shoot of catalog.shoots.list().filter((s) => s.kind === 'shoot'))
      expect(catalog.photos.countByStatus(shoot.id).ready).toBe(1);
  }, 30_000);

  it('refuses folders that make no sense, with reasons', async () => {
    await expect(ingest.addShoot({ path: path.join(temp.dir, 'nope'), kind: 'shoot' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(ingest.addShoot({ path: path.join(temp.dir, 'library'), kind: 'shoot' })).rejects.toMatchObject({ code: 'invalid_input' });
    const shoot = path.join(temp.dir, 'a');
    await fs.mkdir(path.join(shoot, 'b'), { recursive: true });
    await ingest.addShoot({ path: shoot, kind: 'shoot' });
    await expect(ingest.addShoot({ path: path.join(shoot, 'b'), kind: 'shoot' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('retries a photo that needed attention once the file is fixed', async () => {
    const shoot = path.join(temp.dir, 'retry');
    await fs.mkdir(shoot);
    await fs.writeFile(path.join(shoot, 'IMG_0001.JPG'), 'not a picture at all');
    const old = new Date(Date.now() - 600_000);
    await fs.utimes(path.join(shoot, 'IMG_0001.JPG'), old, old);
    await ingest.addShoot({ path: shoot, kind: 'shoot' });
    await ingest.settled();
    const photo = catalog.photos.findByFilePath(path.join(shoot, 'IMG_0001.JPG'));
    expect(photo?.status).toBe('needs_attention');
    await ingest.close();
    await fs.copyFile(path.join(sharedImagesDir, 'orient-1-landscape.jpg'), path.join(shoot, 'IMG_0001.JPG'));
    catalog.close();
    await setup();
    await ingest.settled();
    expect(catalog.photos.get(photo?.id ?? '')?.status).toBe('ready');
  }, 30_000);
});
