import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { removeStaleVariantTemps } from './variant-temp-files';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.cleanup());

it('removes the temporary files a killed import left in the variant cache, and nothing else', async () => {
  const cache = path.join(temp.dir, 'variants');
  const hash = 'ab'.padEnd(64, 'c');
  const dir = path.join(cache, 'ab', 'cc');
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, `${hash}.jpg`), 'a finished variant');
  await fs.writeFile(path.join(dir, `.${hash}.jpg.1a2b3c4d5e6f.tmp`), 'half a variant');
  await fs.writeFile(path.join(cache, 'README.txt'), 'not ours to touch');
  expect(await removeStaleVariantTemps(cache)).toBe(1);
  expect(await fs.readdir(dir)).toEqual([`${hash}.jpg`]);
  expect(existsSync(path.join(cache, 'README.txt'))).toBe(true);
  expect(await removeStaleVariantTemps(path.join(temp.dir, 'no-cache-yet'))).toBe(0);
});
