// What the reviewer is told when a comparison cannot be made: the file, why, and what to do.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import { sharedImage } from '../../imaging/test-paths';
import { createDiffer } from './differ';
import { prepareReviewImage } from './prepare-review-image';

let tmp: { dir: string; cleanup: () => Promise<void> };
let before: string;
const differ = createDiffer({ workers: 1 });

beforeAll(async () => {
  tmp = await makeTempDir('retouch-diff-errors-');
  // 4608×3072, like the truncated fixture's header: the damage shows only when decoding.
  before = (await prepareReviewImage(sharedImage('camera-nikon-d3100-14mp.jpg'), tmp.dir)).fullFile;
}, 60_000);

afterAll(async () => {
  await differ.close();
  await tmp.cleanup();
});

const diffWith = (after: string, threshold = 24) => differ.diff({ before, after, threshold, outDir: tmp.dir });

describe('a comparison that cannot be made', () => {
  it('names a file cut short (found while decoding in the worker) and says what to do', async () => {
    const after = sharedImage('broken-truncated-60pct.jpg');
    await expect(diffWith(after)).rejects.toMatchObject({
      code: 'invalid_input',
      message: `The after image ${after} cannot be compared: it is cut short. Prepare that version again from its source file (for an edit: drop the edited file again), then compare.`,
    });
  });

  it('names a file that is not a picture, and one that is gone', async () => {
    const garbage = sharedImage('broken-random-bytes.jpg');
    await expect(diffWith(garbage)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining(`The after image ${garbage} cannot be compared: it is not a picture Proofdesk can open.`),
    });
    const gone = path.join(tmp.dir, 'gone.jpg');
    await expect(differ.diff({ before: gone, after: before, threshold: 24, outDir: tmp.dir })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining(`The before image ${gone} is no longer there.`),
    });
  });

  it('refuses a threshold outside 0–255, and caches no failure', async () => {
    for (const threshold of [-1, 256, Number.NaN])
      await expect(diffWith(before, threshold)).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/0 to 255/),
      });
    expect((await fs.readdir(tmp.dir)).filter((f) => f.startsWith('diff-'))).toEqual([]);
  });

  it('keeps working after a failure', async () => {
    await expect(diffWith(sharedImage('broken-truncated-60pct.jpg'))).rejects.toThrow();
    expect(await diffWith(before)).toMatchObject({ kind: 'overlay', box: null });
  });
});
