// A gallery proof from a photo's clean web variant: watermarked when the gallery asks for it,
// otherwise the web variant itself. Proofs are content-addressed like variants (same bytes,
// same file, written atomically), so re-publishing never re-uploads an unchanged proof.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { storeVariant } from '../imaging/variant-cache';
import { watermarkSvg } from './watermark';

export interface Proof {
  sha256: string;
  /** Absolute path of the proof file to upload. */
  file: string;
  width: number;
  height: number;
  bytes: number;
}

export interface MakeProofOptions {
  webVariantFile: string;
  proofsDir: string;
  watermark: string | null;
}

export async function makeProof({ webVariantFile, proofsDir, watermark }: MakeProofOptions): Promise<Proof> {
  const image = sharp(webVariantFile);
  const { width = 0, height = 0 } = await image.metadata();
  if (!watermark) {
    const data = await fs.readFile(webVariantFile);
    return { sha256: createHash('sha256').update(data).digest('hex'), file: webVariantFile, width, height, bytes: data.length };
  }
  const data = await image
    .composite([{ input: watermarkSvg({ text: watermark, width, height }), blend: 'over' }])
    // keepMetadata would drop the creator/copyright the web variant carries; keep all of it.
    .keepMetadata()
    .jpeg({ quality: 85 })
    .toBuffer();
  const stored = await storeVariant(proofsDir, data);
  return { sha256: stored.hash, file: path.join(proofsDir, ...stored.relPath.split('/')), width, height, bytes: stored.bytes };
}
