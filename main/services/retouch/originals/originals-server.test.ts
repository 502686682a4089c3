// Originals between two laptops of one studio (two catalogs paired to one account) and the REAL
// hosted API in a child process, behind a proxy that can cut, damage or refuse downloads: laptop A
// holds the photos and uploads them when tasks about them appear; laptop B downloads them, resumes
// a cut download, refuses a damaged one, and saves a batch as files or a zip (the server's, or its
// own when offline).
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RetouchTaskView, retouchTaskViewSchema } from '../../../../shared/schemas/retouch-api';
import { createApiClient } from '../../sync/api-client';
import { readCredentials } from '../../sync/device-credentials';
import { type CuttingProxy, startCuttingProxy } from '../../sync/test-support/cutting-proxy';
import { createStudio, type ServerProcess, startServerProcess } from '../../sync/test-support/server-process';
import { openStudio, type Studio, untilDrained } from '../../sync/test-support/studio-fixture';
import { createOriginals, type Originals, originalTopic } from './index';
import { sha256Of, shootOfFiles } from './test-support';

let server: ServerProcess;
let proxy: CuttingProxy;
beforeAll(async () => {
  server = await startServerProcess();
  proxy = await startCuttingProxy({ target: server.url });
});
afterAll(async () => {
  await proxy?.close();
  await server?.dispose();
});
beforeEach(() => {
  proxy.options.cutAfter = undefined;
  proxy.options.tamperAt = undefined;
  proxy.options.offline = false;
});

type Laptop = Studio & { originals: Originals; cacheDir: string };

function laptop(): Laptop {
  const studio = openStudio(proxy.url);
  const cacheDir = path.join(studio.dir, 'retouch-files');
  return { ...studio, cacheDir, originals: createOriginals({ catalog: studio.catalog, sync: studio.sync, cacheDir }) };
}

/** A holds the photos; B is another laptop of the same studio, without them. */
async function twoLaptops() {
  const a = laptop();
  await a.sync.pair(proxy.url, await createStudio(server), 'Studio laptop');
  const b = laptop();
  await b.sync.pair(proxy.url, (await a.sync.newPairingCode()).code, 'Assistant laptop');
  const photos = shootOfFiles(a.catalog, a.dir);
  const api = createApiClient(fetch, server.url);
  const token = (await readCredentials(a.secrets))?.token;
  /** A task made by hand on the server about one of A's photos; its view as the server answers it. */
  const task = async (photo: (typeof photos)[number], orderNumber?: string) => {
    const answer = await api.request('POST', '/v1/retouch/tasks', {
      token,
      idempotencyKey: randomUUID(),
      json: { taskId: randomUUID(), photoId: photo.photoId, name: photo.name, brief: 'Remove the dust spots', by: 'Marta' },
    });
    expect(answer.status).toBe(201);
    const view = retouchTaskViewSchema.parse(answer.body);
    return orderNumber ? { ...view, photo: { ...view.photo, orderNumber } } : view;
  };
  /** The task as the server has it now (after A's upload: with its original); a by-hand task keeps the order number given it here. */
  const fresh = async (view: RetouchTaskView) => {
    const answer = await api.request('GET', `/v1/retouch/tasks/${view.task.id}`, { token });
    expect(answer.status).toBe(200);
    const now = retouchTaskViewSchema.parse(answer.body);
    return { ...now, photo: { ...now.photo, orderNumber: view.photo.orderNumber } };
  };
  return { a, b, photos, task, fresh };
}

/** A offers the views and sends everything it queued. */
async function uploadFrom(a: Laptop, views: RetouchTaskView[]) {
  for (const view of views) a.originals.offer(view);
  const deadline = Date.now() + 10_000;
  // Counted queued or sent: A's sync loop, once started, may send them before this looks.
  const rows = (v: RetouchTaskView) =>
    (['pending', 'done'] as const).reduce((n, state) => n + a.catalog.outbox.byTopic(originalTopic(v.photo.photoId), state).length, 0);
  while (views.some((v) => rows(v) < 2)) {
    if (Date.now() > deadline) throw new Error('The originals were not queued.');
    await new Promise((r) => setTimeout(r, 10));
  }
  await untilDrained(a);
  expect(a.catalog.outbox.list('rejected')).toEqual([]);
}

const filesRequests = () => proxy.seen.filter((s) => s.url.startsWith('/v1/retouch/files/'));
const unzipList = (zip: string) =>
  execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l !== '');
const unzippedSha = (zip: string, name: string) =>
  createHash('sha256')
    .update(execFileSync('unzip', ['-p', zip, name], { maxBuffer: 64 * 1024 * 1024 }))
    .digest('hex');

describe('originals between two laptops and the real server', () => {
  it('A uploads an original it holds through the outbox, once; B downloads it and the bytes are the same', async () => {
    const { a, b, photos, task, fresh } = await twoLaptops();
    const p = photos[0] as (typeof photos)[number];
    const view = await task(p);
    expect(view.photo.original).toBeNull();
    a.originals.offer(view);
    await uploadFrom(a, [view]);
    const sha = sha256Of(p.file);
    expect(server.count("SELECT count(*) FROM uploads WHERE sha256 = ? AND state = 'complete'", sha)).toBe(1);
    expect(server.count('SELECT count(*) FROM retouch_originals WHERE photo_id = ? AND sha256 = ?', p.photoId, sha)).toBe(1);
    // Offered again with the same (older) view, and with a second task of the photo: nothing more goes out.
    a.originals.offer(view);
    a.originals.offer(await task(p));
    await new Promise((r) => setTimeout(r, 100));
    expect(a.catalog.outbox.byTopic(originalTopic(p.photoId), 'pending')).toEqual([]);
    expect(a.catalog.outbox.byTopic(originalTopic(p.photoId), 'done')).toHaveLength(2);

    const now = await fresh(view);
    expect(now.photo.original).toEqual({ sha256: sha, name: p.name, size: statSync(p.file).size });
    // On A its own file is used: nothing is downloaded.
    expect(await a.originals.localFile(now)).toEqual({ path: p.file });
    expect(filesRequests()).toHaveLength(0);

    expect(b.originals.knownPath(now)).toBeNull();
    const got = await b.originals.localFile(now);
    const cached = path.join(b.cacheDir, sha, p.name);
    expect(got).toEqual({ path: cached });
    expect(sha256Of(cached)).toBe(sha);
    expect(statSync(cached).mode & 0o222).toBe(0);
    expect(b.originals.knownPath(now)).toBe(cached);
    // Kept: asked again (and by hash, as a version would be), nothing is downloaded again.
    expect(await b.originals.localFile(now)).toEqual({ path: cached });
    expect(await b.originals.fetchFile(sha, p.name)).toBe(cached);
    expect(filesRequests()).toHaveLength(1);
  });

  it('a download cut mid-file resumes with a Range request and is verified; cut and offline, a later try continues', async () => {
    const { a, b, photos, task, fresh } = await twoLaptops();
    const p = photos[1] as (typeof photos)[number]; // the NEF, 2.3 MB
    await uploadFrom(a, [await task(p)]);
    const view = await fresh(await task(p));
    const sha = sha256Of(p.file);
    proxy.seen.length = 0;

    proxy.options.cutAfter = (_n, seen) => (seen.url.startsWith('/v1/retouch/files/') && filesRequests().length === 1 ? 300_000 : null);
    expect(await b.originals.localFile(view)).toEqual({ path: path.join(b.cacheDir, sha, p.name) });
    // Resumed from what reached the disk (fetch drops bytes it had not handed over when a connection ends early).
    const resumedAt = (range: string | null | undefined) => Number(/^bytes=(\d+)-$/.exec(range ?? '')?.[1] ?? Number.NaN);
    expect(filesRequests().map((s) => s.range?.replace(/\d+/, 'N') ?? null)).toEqual([null, 'bytes=N-']);
    expect(resumedAt(filesRequests()[1]?.range)).toBeGreaterThan(0);
    expect(resumedAt(filesRequests()[1]?.range)).toBeLessThanOrEqual(300_000);
    expect(sha256Of(path.join(b.cacheDir, sha, p.name))).toBe(sha);

    // Another laptop: the connection is cut and then the network is gone.
    const c = laptop();
    await c.sync.pair(proxy.url, (await a.sync.newPairingCode()).code, 'Second assistant');
    proxy.seen.length = 0;
    proxy.options.cutAfter = (_n, seen) => {
      if (!seen.url.startsWith('/v1/retouch/files/')) return null;
      proxy.options.offline = true;
      return 500_000;
    };
    const offline = await c.originals.localFile(view);
    expect(offline).toEqual({ missing: expect.stringMatching(new RegExp(`^${p.name} could not be downloaded: .*try again when online`)) });
    expect(existsSync(path.join(c.cacheDir, sha, p.name))).toBe(false);
    expect(c.originals.knownPath(view)).toBeNull();
    const kept = statSync(path.join(c.cacheDir, sha, `.${p.name}.part`)).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(500_000);

    proxy.options.offline = false;
    proxy.options.cutAfter = undefined;
    expect(await c.originals.localFile(view)).toEqual({ path: path.join(c.cacheDir, sha, p.name) });
    expect(filesRequests().at(-1)?.range).toBe(`bytes=${kept}-`);
    expect(sha256Of(path.join(c.cacheDir, sha, p.name))).toBe(sha);
    expect(readdirSync(path.join(c.cacheDir, sha))).toEqual([p.name]);
  });

  it('a damaged copy is refused with a sentence and never kept', async () => {
    const { a, b, photos, task, fresh } = await twoLaptops();
    const p = photos[2] as (typeof photos)[number];
    await uploadFrom(a, [await task(p)]);
    const view = await fresh(await task(p));
    proxy.options.tamperAt = (_n, seen) => (seen.url.startsWith('/v1/retouch/files/') ? 1000 : null);
    expect(await b.originals.localFile(view)).toEqual({
      missing: `The copy of ${p.name} that arrived is not the file the studio uploaded (its size or SHA-256 differs), so Proofdesk did not keep it. Try again; if it happens again, upload the file again from the laptop that holds it.`,
    });
    const dir = path.join(b.cacheDir, view.photo.original?.sha256 as string);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    proxy.options.tamperAt = undefined;
    expect(await b.originals.localFile(view)).toEqual({ path: path.join(dir, p.name) });
  });

  it('B saves a batch as files (downloaded, never overwriting) and as the server’s zip; offline, a zip of what it has', async () => {
    const { a, b, photos, task, fresh } = await twoLaptops();
    const [jpg, nef, small] = photos as [(typeof photos)[number], (typeof photos)[number], (typeof photos)[number]];
    const first = [await task(jpg, '1042'), await task(nef, '1042')];
    await uploadFrom(a, first);
    const views = [...(await Promise.all(first.map(fresh))), await task(small, '1042')]; // the last not uploaded

    const folder = path.join(b.dir, 'To retouch');
    mkdirSync(folder);
    writeFileSync(path.join(folder, jpg.name), 'already here');
    const progress: number[] = [];
    const saved = await b.originals.saveBatch(views, folder, 'folder', (done) => progress.push(done));
    expect(saved).toEqual({ files: 2, path: folder, missing: [small.name] });
    expect(progress).toEqual([1, 2, 3]);
    expect(readFileSync(path.join(folder, jpg.name), 'utf8')).toBe('already here');
    expect(sha256Of(path.join(folder, jpg.name.replace('.jpg', ' (2).jpg')))).toBe(sha256Of(jpg.file));
    expect(sha256Of(path.join(folder, nef.name))).toBe(sha256Of(nef.file));

    // Every original on the server, not all on this laptop (a new one without a cache): the server's zip.
    const c = laptop();
    await c.sync.pair(proxy.url, (await a.sync.newPairingCode()).code, 'Second assistant');
    proxy.seen.length = 0;
    const zipped = await c.originals.saveBatch(views.slice(0, 2), folder, 'zip', () => {});
    // (A's sync loop keeps pulling the feed meanwhile: only the retouch requests are looked at.)
    const retouchRequests = proxy.seen.filter((s) => s.url.startsWith('/v1/retouch/'));
    expect(retouchRequests.map((s) => `${s.url.split('?')[0]} ${s.status}`)).toEqual(['/v1/retouch/originals.zip 200']);
    expect(zipped).toEqual({ files: 2, path: path.join(folder, 'Order 1042 originals.zip'), missing: [] });
    expect(unzipList(zipped.path)).toEqual([jpg.name, nef.name]);
    expect(unzippedSha(zipped.path, jpg.name)).toBe(sha256Of(jpg.file));
    expect(unzippedSha(zipped.path, nef.name)).toBe(sha256Of(nef.file));
    expect(readdirSync(folder).filter((n) => n.endsWith('.part'))).toEqual([]);

    // The third is uploaded now, but B goes offline before downloading it: B's zip is made from what
    // B has (the two it downloaded), the third named as missing.
    await uploadFrom(a, [views[2] as RetouchTaskView]);
    const all = await Promise.all(views.map(fresh));
    expect(all.every((v) => v.photo.original !== null)).toBe(true);
    proxy.options.offline = true;
    const offline = await b.originals.saveBatch(all, folder, 'zip', () => {});
    expect(offline).toEqual({ files: 2, path: path.join(folder, 'Order 1042 originals (2).zip'), missing: [small.name] });
    expect(unzipList(offline.path)).toEqual([jpg.name, nef.name]);
    expect(unzippedSha(offline.path, nef.name)).toBe(sha256Of(nef.file));
    expect(readdirSync(folder).filter((n) => n.endsWith('.part'))).toEqual([]);
  });
});
