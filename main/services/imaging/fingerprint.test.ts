import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { FINGERPRINT_CHUNK, fingerprint } from './fingerprint';
import { sharedImage } from './test-paths';

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('imaging-fingerprint-');
});
afterEach(() => tmp.cleanup());

const sha = (...parts: Buffer[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

describe('fingerprint', () => {
  test('a large file: size + SHA-256 of first and last MiB + capture time', async () => {
    const file = sharedImage('synthetic-24mp.jpg');
    const bytes = await fs.readFile(file);
    const fp = await fingerprint(file, '2026-06-14T16:02:11');
    expect(fp.size).toBe(bytes.length);
    expect(fp.headTailSha256).toBe(sha(bytes.subarray(0, FINGERPRINT_CHUNK), bytes.subarray(bytes.length - FINGERPRINT_CHUNK)));
    expect(fp.key).toBe(`${bytes.length}:${fp.headTailSha256}:2026-06-14T16:02:11`);
  });

  test('a file of 2 MiB or less is hashed whole', async () => {
    const file = sharedImage('orient-1-landscape.jpg');
    expect((await fingerprint(file)).headTailSha256).toBe(sha(await fs.readFile(file)));
  });

  test('a moved file keeps its fingerprint; a different head or capture time does not', async () => {
    const original = sharedImage('synthetic-24mp.jpg');
    const moved = path.join(tmp.dir, 'renamed.jpg');
    await fs.copyFile(original, moved);
    const a = await fingerprint(original, 't');
    expect((await fingerprint(moved, 't')).key).toBe(a.key);
    expect((await fingerprint(moved, 'other')).key).not.toBe(a.key);
    const edited = await fs.readFile(moved);
    edited[100] = (edited[100] ?? 0) ^ 0xff; // an editor rewrote metadata at the start
    await fs.writeFile(moved, edited);
    expect((await fingerprint(moved, 't')).key).not.toBe(a.key);
  });

  test('a missing file is not_found', async () => {
    await expect(fingerprint(path.join(tmp.dir, 'nope.jpg'))).rejects.toMatchObject({ code: 'not_found' });
  });
});
