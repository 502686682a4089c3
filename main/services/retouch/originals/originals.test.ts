// Originals on one laptop, without the hosted service: offering (hash, outbox rows, once), finding
// the own file, the cache, and saving a batch from the files this laptop has. Real files, a real
// catalog, the real (unpaired) sync service. Two laptops and the server: originals-server.test.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStudio } from '../../sync/test-support/studio-fixture';
import { createOriginals, describeMissing, originalTopic } from './index';
import { sha256Of, shootOfFiles, taskView, uploaded } from './test-support';

function laptop() {
  const studio = openStudio(null);
  const problems: string[] = [];
  const originals = createOriginals({
    catalog: studio.catalog,
    sync: studio.sync,
    cacheDir: path.join(studio.dir, 'originals'),
    onProblem: (_id, message) => problems.push(message),
  });
  const photos = shootOfFiles(studio.catalog, studio.dir);
  return { ...studio, originals, photos, problems };
}

/** Until the offers made so far are in the outbox (hashing runs in the background). */
async function queued(catalog: ReturnType<typeof laptop>['catalog'], topic: string, rows: number) {
  const deadline = Date.now() + 5000;
  while (catalog.outbox.byTopic(topic, 'pending').length < rows) {
    if (Date.now() > deadline) throw new Error(`${topic}: ${rows} rows were not queued`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const unzipList = (zip: string) =>
  execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l !== '');
const unzipped = (zip: string, name: string) => execFileSync('unzip', ['-p', zip, name], { maxBuffer: 64 * 1024 * 1024 });

describe('offer', () => {
  it('queues the upload of a photo this laptop holds and the PUT …/original, once', async () => {
    const { catalog, originals, photos } = laptop();
    const [p] = photos;
    if (!p) throw new Error('no photo');
    const view = taskView(p);
    originals.offer(view);
    originals.offer(view);
    originals.offer(taskView(p)); // another task of the same photo
    const topic = originalTopic(p.photoId);
    await queued(catalog, topic, 2);
    const rows = catalog.outbox.byTopic(topic, 'pending');
    expect(rows.map((r) => [r.kind, r.method, r.path])).toEqual([
      ['upload', 'POST', '/v1/uploads'],
      ['request', 'PUT', `/v1/retouch/photos/${p.photoId}/original`],
    ]);
    const size = statSync(p.file).size;
    expect(rows[0]?.body).toEqual({ file: p.file, sha256: sha256Of(p.file), size });
    expect(rows[1]?.body).toEqual({ sha256: sha256Of(p.file), name: p.name, size });

    // Queued: not again. Sent: not again (also by a fresh instance, e.g. after a restart).
    await new Promise((r) => setTimeout(r, 50));
    originals.offer(view);
    for (const row of rows) catalog.outbox.markDone(row.seq, {});
    const again = createOriginals({ catalog, sync: openStudio(null).sync, cacheDir: '/nonexistent' });
    again.offer(view);
    await new Promise((r) => setTimeout(r, 50));
    expect(catalog.outbox.byTopic(topic, 'pending')).toHaveLength(0);
    expect(catalog.outbox.byTopic(topic, 'done')).toHaveLength(2);
  });

  it('offers again after the earlier offer was refused or cancelled', async () => {
    const { catalog, originals, photos } = laptop();
    const p = photos[1] as (typeof photos)[number];
    const topic = originalTopic(p.photoId);
    originals.offer(taskView(p));
    await queued(catalog, topic, 2);
    expect(catalog.outbox.cancelTopic(topic)).toBe(2);
    originals.offer(taskView(p));
    await queued(catalog, topic, 2);
  });

  it('offers nothing when the server has the original, the photo is not here, or its file is gone', async () => {
    const { catalog, originals, photos } = laptop();
    const [a, b] = photos as [(typeof photos)[number], (typeof photos)[number]];
    originals.offer(taskView({ ...a, original: uploaded(a.file) }));
    originals.offer(taskView({ photoId: 'photo-of-another-laptop', name: 'IMG_9.CR3' }));
    writeFileSync(b.file, ''); // still there…
    execFileSync('rm', [b.file]); // …then gone
    originals.offer(taskView(b));
    await new Promise((r) => setTimeout(r, 100));
    expect(catalog.outbox.pendingCount()).toBe(0);
  });
});

describe('localFile and knownPath', () => {
  it('use the own file while it is the one the server has, else say what is missing', async () => {
    const { originals, photos } = laptop();
    const p = photos[0] as (typeof photos)[number];
    const notUploaded = taskView(p);
    expect(await originals.localFile(notUploaded)).toEqual({ path: p.file });
    expect(originals.knownPath(notUploaded)).toBe(p.file);
    const view = taskView({ ...p, original: uploaded(p.file) });
    expect(await originals.localFile(view)).toEqual({ path: p.file });
    expect(originals.knownPath(view)).toBe(p.file);

    // Edited in place (metadata written by another program): the server's copy is needed, which needs pairing here.
    writeFileSync(p.file, Buffer.concat([readFileSync(p.file), Buffer.from('changed')]));
    expect(await originals.localFile(view)).toEqual({
      missing: `${p.name} is not on this laptop. Pair this computer with the hosted service first (Settings › Hosted service).`,
    });
    // Still the photographer's file to reveal.
    expect(originals.knownPath(view)).toBe(p.file);

    const elsewhere = taskView({ photoId: 'not-here', name: 'IMG_9.CR3' });
    expect(await originals.localFile(elsewhere)).toEqual({
      missing:
        'IMG_9.CR3 is not on this laptop, and the laptop that holds it has not uploaded it yet: it does when it is online with Proofdesk open.',
    });
    expect(originals.knownPath(elsewhere)).toBeNull();
  });

  it('fetchFile takes content already in the cache under another name, read-only, without downloading', async () => {
    const { dir, originals, photos } = laptop();
    const p = photos[1] as (typeof photos)[number];
    const sha = sha256Of(p.file);
    const kept = path.join(dir, 'originals', sha, 'first-name.jpg');
    mkdirSync(path.dirname(kept), { recursive: true });
    writeFileSync(kept, readFileSync(p.file));
    const got = await originals.fetchFile(sha, 'IMG_2:v1.jpg');
    expect(got).toBe(path.join(dir, 'originals', sha, 'IMG_2_v1.jpg'));
    expect(sha256Of(got)).toBe(sha);
    expect(statSync(got).mode & 0o777).toBe(0o444);
    await expect(originals.fetchFile('not-a-hash', 'x.jpg')).rejects.toMatchObject({ code: 'invalid_input' });
    // Another content: a download, which needs pairing.
    await expect(originals.fetchFile('a'.repeat(64), 'x.jpg')).rejects.toThrow(/Pair this computer/);
  });
});

describe('saveBatch from the files this laptop has', () => {
  it('as files: copies, one per photo, never overwriting, writable, the missing named', async () => {
    const { dir, originals, photos } = laptop();
    const [a, b, c] = photos as [(typeof photos)[number], (typeof photos)[number], (typeof photos)[number]];
    const folder = path.join(dir, 'Out');
    mkdirSync(folder);
    writeFileSync(path.join(folder, a.name), 'the user’s own file');
    const progress: [number, number][] = [];
    const views = [
      taskView(a),
      taskView(a),
      taskView({ ...b, original: uploaded(b.file) }),
      taskView(c),
      taskView({ photoId: 'x', name: 'IMG_9.CR3' }),
    ];
    const result = await originals.saveBatch(views, folder, 'folder', (done, total) => progress.push([done, total]));
    expect(result).toEqual({ files: 3, path: folder, missing: ['IMG_9.CR3'] });
    expect(progress).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(readFileSync(path.join(folder, a.name), 'utf8')).toBe('the user’s own file');
    const copy = path.join(folder, a.name.replace('.jpg', ' (2).jpg'));
    expect(sha256Of(copy)).toBe(sha256Of(a.file));
    expect(sha256Of(path.join(folder, b.name))).toBe(sha256Of(b.file));
    expect(statSync(copy).mode & 0o200).toBe(0o200);
    expect(execFileSync('ls', ['-A', folder], { encoding: 'utf8' }).split('\n').filter(Boolean).sort()).toEqual(
      [a.name, path.basename(copy), b.name, c.name].sort(),
    );
    expect(describeMissing(result.missing)).toBe(
      'One original is not in it: IMG_9.CR3. It is not on this laptop and could not be downloaded (no connection, or not uploaded yet by the laptop that holds it). Save again later to get it.',
    );
  });

  it('as a zip: written here from the own files (names unique in the zip), the missing named', async () => {
    const { dir, originals, photos } = laptop();
    const [a, b] = photos as [(typeof photos)[number], (typeof photos)[number]];
    const folder = path.join(dir, 'Zips');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'Order 1042 originals.zip'), 'an older zip');
    const twin = { photoId: 'twin', name: a.name }; // the same file name from another camera, not here
    const views = [a, b, twin].map((p) => taskView({ ...p, orderNumber: '1042' }));
    const result = await originals.saveBatch(views, folder, 'zip', () => {});
    expect(result).toEqual({ files: 2, path: path.join(folder, 'Order 1042 originals (2).zip'), missing: [a.name] });
    expect(readFileSync(path.join(folder, 'Order 1042 originals.zip'), 'utf8')).toBe('an older zip');
    expect(unzipList(result.path).sort()).toEqual([a.name, b.name].sort());
    expect(unzipped(result.path, a.name).equals(readFileSync(a.file))).toBe(true);
    expect(unzipped(result.path, b.name).equals(readFileSync(b.file))).toBe(true);
    expect(execFileSync('ls', ['-A', folder], { encoding: 'utf8' })).not.toMatch(/\.part/);
  });

  it('two photos of one name in one zip: the second is “name (2)”', async () => {
    const { dir, catalog, originals, photos } = laptop();
    const a = photos[0] as (typeof photos)[number];
    const other = path.join(dir, 'Other');
    mkdirSync(other);
    const [twin] = shootOfFiles(catalog, other, [a.name]);
    writeFileSync(twin?.file as string, Buffer.concat([readFileSync(a.file), Buffer.from('another camera')]));
    const result = await originals.saveBatch([taskView(a), taskView(twin as typeof a)], path.join(dir, 'New folder'), 'zip', () => {});
    expect(unzipList(result.path)).toEqual([a.name, a.name.replace('.jpg', ' (2).jpg')]);
  });

  it('refuses a zip of nothing with a sentence, and an empty batch', async () => {
    const { dir, originals } = laptop();
    await expect(originals.saveBatch([taskView({ photoId: 'x', name: 'IMG_9.CR3' })], dir, 'zip', () => {})).rejects.toMatchObject({
      message: expect.stringMatching(/^None of these 1 originals is on this laptop/),
    });
    await expect(originals.saveBatch([], dir, 'folder', () => {})).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
