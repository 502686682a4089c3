import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedImagesDir } from '../../../test/helpers/fixtures';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { makeVariants } from '../imaging';
import { makeProof } from './make-proof';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let webFile: string;
beforeEach(async () => {
  temp = await makeTempDir();
  const variants = await makeVariants(path.join(sharedImagesDir, 'meta-xmp-rating4-red-copyright-gps.jpg'), {
    cacheDir: path.join(temp.dir, 'variants'),
  });
  webFile = path.join(temp.dir, 'variants', variants.web.relPath);
});
afterEach(() => temp.cleanup());

/** Share of pixels whose brightness moved by more than 24 levels (JPEG noise stays below). */
async function markedShare(a: string, b: string): Promise<number> {
  const [x, y] = (await Promise.all([a, b].map((f) => sharp(f).greyscale().raw().toBuffer()))) as [Buffer, Buffer];
  let marked = 0;
  for (let i = 0; i < x.length; i++) if (Math.abs((x[i] as number) - (y[i] as number)) > 24) marked++;
  return marked / x.length;
}

describe('makeProof', () => {
  it('watermarks a copy and leaves the clean web variant as it was', async () => {
    const before = await fs.readFile(webFile);
    const proof = await makeProof({ webVariantFile: webFile, proofsDir: path.join(temp.dir, 'proofs'), watermark: 'Studio Nowak · PROOF' });
    expect(await fs.readFile(webFile)).toEqual(before);
    expect(proof.file.startsWith(path.join(temp.dir, 'proofs'))).toBe(true);
    expect([proof.width, proof.height]).toEqual([2000, 1500]);
    const share = await markedShare(webFile, proof.file);
    expect(share).toBeGreaterThan(0.02); // the mark covers the picture…
    expect(share).toBeLessThan(0.3); // …but leaves most of it to judge
    const meta = await sharp(proof.file).metadata();
    expect(meta.format).toBe('jpeg');
  });

  it('is content-addressed: the same proof twice is one file with one hash', async () => {
    const dir = path.join(temp.dir, 'proofs');
    const a = await makeProof({ webVariantFile: webFile, proofsDir: dir, watermark: 'Studio' });
    const b = await makeProof({ webVariantFile: webFile, proofsDir: dir, watermark: 'Studio' });
    expect(b).toEqual(a);
    expect((await fs.readdir(dir, { recursive: true })).filter((f) => f.endsWith('.jpg'))).toHaveLength(1);
  });

  it('uses the web variant itself when the gallery has no watermark', async () => {
    const proof = await makeProof({ webVariantFile: webFile, proofsDir: path.join(temp.dir, 'proofs'), watermark: null });
    expect(proof.file).toBe(webFile);
  });
});
