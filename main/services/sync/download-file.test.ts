// downloadFile over real loopback HTTP: a small file server (Range, 404, 401) behind the cutting
// proxy, real files on disk. The same function against the real hosted API is tested in
// main/services/retouch/originals (the retouch file routes).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../catalog/test-support';
import { type DownloadTarget, downloadFile } from './download-file';
import { type CuttingProxy, startCuttingProxy } from './test-support/cutting-proxy';

const FILE = randomBytes(700_000);
const SHA = createHash('sha256').update(FILE).digest('hex');

let origin: http.Server;
let proxy: CuttingProxy;
beforeAll(async () => {
  origin = http.createServer((req, res) => {
    if (req.headers.authorization !== 'Bearer good') {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"no"}}');
      return;
    }
    if (req.url === '/file') {
      const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      const start = range ? Number(range[1]) : 0;
      if (start >= FILE.length) {
        res.writeHead(416, { 'content-range': `bytes */${FILE.length}` }).end();
        return;
      }
      const headers = { 'content-length': String(FILE.length - start), 'accept-ranges': 'bytes' };
      if (range) res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${FILE.length - 1}/${FILE.length}` });
      else res.writeHead(200, headers);
      res.end(FILE.subarray(start));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"There is no such file on the server."}}');
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  proxy = await startCuttingProxy({ target: `http://127.0.0.1:${(origin.address() as AddressInfo).port}` });
});
afterAll(async () => {
  await proxy.close();
  await new Promise((resolve) => origin.close(resolve));
});
beforeEach(() => {
  proxy.seen.length = 0;
  proxy.options.cutAfter = undefined;
  proxy.options.tamperAt = undefined;
  proxy.options.offline = false;
});

const target = (token = 'good'): DownloadTarget => ({ fetch, baseUrl: proxy.url, token, retryDelayMs: 5 });
const partOf = (dest: string) => path.join(path.dirname(dest), `.${path.basename(dest)}.part`);

describe('downloadFile', () => {
  it('streams the file to its place, checked by SHA-256, leaving no partial file', async () => {
    const dest = path.join(tempDir(), 'cache', SHA, 'IMG_1.CR3');
    const progress: number[] = [];
    const result = await downloadFile(target(), '/file', dest, { sha256: SHA, size: FILE.length, onProgress: (n) => progress.push(n) });
    expect(result).toEqual({ path: dest, size: FILE.length, sha256: SHA });
    expect(readFileSync(dest).equals(FILE)).toBe(true);
    expect(existsSync(partOf(dest))).toBe(false);
    expect(progress.at(-1)).toBe(FILE.length);
    // Already there with the right hash: nothing is asked again.
    await downloadFile(target(), '/file', dest, { sha256: SHA });
    expect(proxy.seen).toHaveLength(1);
  });

  it('resumes with a Range request when the connection drops mid-file', async () => {
    proxy.options.cutAfter = (n) => (n === 1 ? 300_000 : null);
    const dest = path.join(tempDir(), 'a.jpg');
    await downloadFile(target(), '/file', dest, { sha256: SHA, size: FILE.length });
    // fetch drops what it had received but not yet handed over when the connection ends early, so
    // the resume starts at what reached the disk: some of the 300 000 bytes sent, never more.
    const [first, second] = proxy.seen.map((s) => s.range);
    expect(first).toBeNull();
    expect(Number(/^bytes=(\d+)-$/.exec(second ?? '')?.[1])).toBeGreaterThan(0);
    expect(Number(/^bytes=(\d+)-$/.exec(second ?? '')?.[1])).toBeLessThanOrEqual(300_000);
    expect(createHash('sha256').update(readFileSync(dest)).digest('hex')).toBe(SHA);
  });

  it('keeps what arrived when the network goes away, and a later call continues from there', async () => {
    proxy.options.cutAfter = () => {
      // After this cut the network is gone: every retry finds no server.
      proxy.options.offline = true;
      return 250_000;
    };
    const dest = path.join(tempDir(), 'b.jpg');
    const first = downloadFile(target(), '/file', dest, { sha256: SHA, label: 'IMG_2.jpg' });
    await expect(first).rejects.toMatchObject({
      code: 'offline',
      message: expect.stringMatching(/^IMG_2\.jpg could not be downloaded.*try again when online/),
    });
    expect(existsSync(dest)).toBe(false);
    const kept = readFileSync(partOf(dest));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(250_000);
    expect(kept.equals(FILE.subarray(0, kept.length))).toBe(true);

    proxy.options.offline = false;
    proxy.options.cutAfter = undefined;
    await downloadFile(target(), '/file', dest, { sha256: SHA });
    expect(proxy.seen.at(-1)?.range).toBe(`bytes=${kept.length}-`);
    expect(readFileSync(dest).equals(FILE)).toBe(true);
  });

  it('refuses a damaged copy: no file under the real name, no partial kept', async () => {
    proxy.options.tamperAt = () => 12_345;
    const dest = path.join(tempDir(), 'c.jpg');
    await expect(downloadFile(target(), '/file', dest, { sha256: SHA, label: 'IMG_3.jpg' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^The copy of IMG_3\.jpg that arrived is not the file the studio uploaded/),
    });
    expect(existsSync(dest)).toBe(false);
    expect(existsSync(partOf(dest))).toBe(false);
  });

  it('refuses an answer of another size than expected before writing it', async () => {
    const dest = path.join(tempDir(), 'd.jpg');
    await expect(downloadFile(target(), '/file', dest, { sha256: SHA, size: 10 })).rejects.toMatchObject({ code: 'conflict' });
    expect(existsSync(partOf(dest))).toBe(false);
  });

  it('tells a missing file and a disconnected device in sentences', async () => {
    const dir = tempDir();
    await expect(downloadFile(target(), '/nope', path.join(dir, 'e.jpg'), { sha256: SHA })).rejects.toMatchObject({
      code: 'not_found',
      message: 'e.jpg could not be downloaded: There is no such file on the server.',
    });
    await expect(downloadFile(target('bad'), '/file', path.join(dir, 'f.jpg'), { sha256: SHA })).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/no longer connected/),
    });
  });

  it('without a SHA-256 (a zip made on request) starts over after a drop instead of resuming', async () => {
    proxy.options.cutAfter = (n) => (n === 1 ? 100_000 : null);
    const dest = path.join(tempDir(), 'batch.zip');
    const result = await downloadFile(target(), '/file', dest);
    expect(proxy.seen.map((s) => s.range)).toEqual([null, null]);
    expect(result.sha256).toBe(SHA);
  });

  it('says the disk is full when the partial file cannot be written', async () => {
    const dir = path.join(tempDir(), 'full');
    mkdirSync(dir);
    // The kernel's own "no space left" (ENOSPC) for every write, through the partial file's name.
    symlinkSync('/dev/full', path.join(dir, '.g.jpg.part'));
    await expect(downloadFile(target(), '/file', path.join(dir, 'g.jpg'), { sha256: SHA })).rejects.toMatchObject({
      code: 'io_error',
      message: `The disk that holds ${dir} is full. Free some space there (or choose another folder), then try again.`,
    });
  });
});
