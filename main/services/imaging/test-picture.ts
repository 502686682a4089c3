// Test-only: a tiny greyscale fingerprint of a picture (16x16, stretched), to check that two
// files show the same picture the same way up. Mean absolute difference: 0 = identical,
// ~1 for re-encodes of one picture, >40 for the same picture turned or mirrored.
import sharp, { type Sharp } from 'sharp';

export async function tinyPrint(input: string | Buffer | Sharp): Promise<Buffer> {
  const image = typeof input === 'string' || Buffer.isBuffer(input) ? sharp(input) : input;
  return image.resize(16, 16, { fit: 'fill' }).greyscale().raw().toBuffer();
}

export function printDistance(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}
