import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { storeVariant } from './variant-cache';

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('imaging-cache-');
});
afterEach(() => tmp.cleanup());

describe('storeVariant', () => {
  test('writes to ab/cd/<sha256>.jpg under the cache folder', async () => {
    const data = Buffer.from('pretend jpeg');
    const hash = createHash('sha256').update(data).digest('hex');
    const stored = await storeVariant(tmp.dir, data);
    expect(stored).toEqual({ hash, relPath: `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}.jpg`, bytes: data.length });
    expect(await fs.readFile(path.join(tmp.dir, hash.slice(0, 2), hash.slice(2, 4), `${hash}.jpg`))).toEqual(data);
  });

  test('the same bytes stored many times at once leave one complete file and no temporary files', async () => {
    const data = Buffer.alloc(256 * 1024, 7);
    const results = await Promise.all(Array.from({ length: 8 }, () => storeVariant(tmp.dir, data)));
    expect(new Set(results.map((r) => r.relPath)).size).toBe(1);
    const files = (await fs.readdir(tmp.dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile());
    expect(files.map((f) => f.name)).toEqual([`${results[0]?.hash}.jpg`]);
  });

  test('an existing file is trusted and not rewritten (content-addressed)', async () => {
    const data = Buffer.from('abc');
    const { relPath } = await storeVariant(tmp.dir, data);
    const file = path.join(tmp.dir, relPath);
    const { mtimeMs } = await fs.stat(file);
    await new Promise((r) => setTimeout(r, 20));
    await storeVariant(tmp.dir, data);
    expect((await fs.stat(file)).mtimeMs).toBe(mtimeMs);
  });
});
