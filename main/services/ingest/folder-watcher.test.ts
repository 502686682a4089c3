import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { createFolderWatcher, type FolderWatcher } from './folder-watcher';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let watcher: FolderWatcher | null = null;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(async () => {
  await watcher?.close();
  watcher = null;
  await temp.cleanup();
});

function record(options: { settleMs?: number; giveUpMs?: number; forcePolling?: boolean } = {}) {
  const seen = {
    settled: [] as string[],
    removed: [] as string[],
    stuck: [] as string[],
    gone: [] as string[],
    ready: [] as string[],
    notices: [] as string[],
  };
  watcher = createFolderWatcher({
    settleMs: options.settleMs ?? 300,
    giveUpMs: options.giveUpMs ?? 60_000,
    forcePolling: options.forcePolling ?? false,
    onFileSettled: (p) => seen.settled.push(p),
    onFileRemoved: (p) => seen.removed.push(p),
    onFileStuck: (p) => seen.stuck.push(p),
    onRootGone: (r) => seen.gone.push(r),
    onRootReady: (r) => seen.ready.push(r),
    onNotice: (m) => seen.notices.push(m),
  });
  return seen;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('folder watcher (real chokidar events)', () => {
  it('reports existing images once the initial scan is done, skipping non-images and hidden files', async () => {
    await fs.mkdir(path.join(temp.dir, 'day1'));
    await fs.writeFile(path.join(temp.dir, 'day1', 'IMG_0001.JPG'), 'a');
    await fs.writeFile(path.join(temp.dir, 'day1', 'IMG_0001.CR3'), 'b');
    await fs.writeFile(path.join(temp.dir, 'day1', '._IMG_0001.JPG'), 'resource fork');
    await fs.writeFile(path.join(temp.dir, 'notes.txt'), 'x');
    const old = new Date(Date.now() - 60_000);
    for (const f of ['IMG_0001.JPG', 'IMG_0001.CR3']) await fs.utimes(path.join(temp.dir, 'day1', f), old, old);
    const seen = record();
    watcher?.add(temp.dir);
    await expect.poll(() => seen.settled.length, { timeout: 5000 }).toBe(2);
    expect(seen.settled.map((p) => path.basename(p)).sort()).toEqual(['IMG_0001.CR3', 'IMG_0001.JPG']);
    await expect.poll(() => seen.ready).toEqual([temp.dir]);
  });

  it('imports a file copied slowly in chunks exactly once, after it is complete', async () => {
    const seen = record({ settleMs: 400 });
    watcher?.add(temp.dir);
    await expect.poll(() => seen.ready.length).toBe(1);
    const target = path.join(temp.dir, 'IMG_0412.JPG');
    const handle = await fs.open(target, 'w');
    for (let i = 0; i < 8; i++) {
      await handle.write(Buffer.alloc(64 * 1024, i));
      await handle.sync();
      await sleep(150);
    }
    await handle.close();
    expect(seen.settled).toEqual([]);
    await expect.poll(() => seen.settled.length, { timeout: 5000 }).toBe(1);
    expect((await fs.stat(target)).size).toBe(8 * 64 * 1024);
    await sleep(900);
    expect(seen.settled).toEqual([target]);
  });

  it('reports a copy that never completes', async () => {
    const seen = record({ settleMs: 150, giveUpMs: 600 });
    watcher?.add(temp.dir);
    await expect.poll(() => seen.ready.length).toBe(1);
    const target = path.join(temp.dir, 'IMG_9999.JPG');
    for (let i = 0; i < 12 && seen.stuck.length === 0; i++) {
      await fs.appendFile(target, Buffer.alloc(1024, i));
      await sleep(100);
    }
    await expect.poll(() => seen.stuck, { timeout: 3000 }).toEqual([target]);
    expect(seen.settled).toEqual([]);
  });

  it('reports removed files and a watched folder that disappears', async () => {
    const root = path.join(temp.dir, 'card');
    await fs.mkdir(root);
    const file = path.join(root, 'DSC_0001.NEF');
    await fs.writeFile(file, 'x');
    const seen = record();
    watcher?.add(root);
    await expect.poll(() => seen.settled.length, { timeout: 5000 }).toBe(1);
    await fs.rm(file);
    await expect.poll(() => seen.removed).toEqual([file]);
    await fs.rm(root, { recursive: true });
    await expect.poll(() => seen.gone.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(seen.gone[0]).toBe(root);
  });

  it('works with the polling backend (network shares, EMFILE fallback)', async () => {
    const seen = record({ forcePolling: true, settleMs: 200 });
    watcher?.add(temp.dir);
    await expect.poll(() => seen.ready.length).toBe(1);
    await fs.writeFile(path.join(temp.dir, 'IMG_1.TIF'), 'x');
    await expect.poll(() => seen.settled.length, { timeout: 8000 }).toBe(1);
  });
});
