// One difference overlay, as the worker runs it: decode both pictures at the compare size, run
// the kernel, encode the overlay at the before's size. Like diffPixels it reaches the worker as
// source text, so it uses only its arguments: sharp and the kernel come in through `deps`.
import type sharpModule from 'sharp';
import type { diffPixels } from './diff-pixels';

export interface Size {
  width: number;
  height: number;
}

export interface DiffJob {
  before: string;
  after: string;
  /** Both pictures are compared at this size: the smaller of the two (see differ.ts). */
  compare: Size;
  /** The overlay's size: the before picture's. */
  output: Size;
  threshold: number;
  colour: [number, number, number, number];
  limitInputPixels: number;
}

export interface DiffJobResult {
  png: Uint8Array;
  changed: number;
  compared: number;
  box: { left: number; top: number; width: number; height: number } | null;
}

/** Which picture failed to decode travels with the error, so the sentence can name the file. */
export interface DiffJobError extends Error {
  side?: 'before' | 'after';
}

export interface DiffJobDeps {
  sharp: typeof sharpModule;
  diffPixels: typeof diffPixels;
}

export async function runDiffJob(job: DiffJob, deps: DiffJobDeps): Promise<DiffJobResult> {
  const { compare, output } = job;
  const decode = async (side: 'before' | 'after') => {
    try {
      let image = deps.sharp(job[side], { failOn: 'warning', limitInputPixels: job.limitInputPixels, autoOrient: true });
      const meta = await image.metadata();
      const width = meta.autoOrient?.width ?? meta.width;
      const height = meta.autoOrient?.height ?? meta.height;
      // Lanczos down to the compare size: upscaling the smaller one instead would count the
      // detail it never had as changes (differ.test.ts measures it).
      if (width !== compare.width || height !== compare.height) image = image.resize(compare.width, compare.height, { fit: 'fill' });
      const { data, info } = await image
        .flatten({ background: '#ffffff' })
        .toColourspace('srgb')
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true });
      if (info.channels !== 3 || info.width !== compare.width || info.height !== compare.height)
        throw new Error(`decoded as ${info.width}x${info.height}x${info.channels}, expected ${compare.width}x${compare.height}x3`);
      return data;
    } catch (error) {
      const failure: DiffJobError = error instanceof Error ? error : new Error(String(error));
      failure.side = side;
      throw failure;
    }
  };
  const [a, b] = await Promise.all([decode('before'), decode('after')]);
  const d = deps.diffPixels(a, b, compare.width, compare.height, job.threshold, job.colour);

  let image = deps.sharp(d.overlay, { raw: { width: compare.width, height: compare.height, channels: 4 } });
  const sx = output.width / compare.width;
  const sy = output.height / compare.height;
  if (sx !== 1 || sy !== 1) image = image.resize(output.width, output.height, { fit: 'fill', kernel: 'nearest' });
  // Mostly transparent zeros: the fastest zlib level is already small, and filters do not help.
  const png = await image.png({ compressionLevel: 2, adaptiveFiltering: false }).toBuffer();
  const box =
    d.right < d.left
      ? null
      : {
          left: Math.floor(d.left * sx),
          top: Math.floor(d.top * sy),
          width: Math.min(output.width, Math.ceil((d.right + 1) * sx)) - Math.floor(d.left * sx),
          height: Math.min(output.height, Math.ceil((d.bottom + 1) * sy)) - Math.floor(d.top * sy),
        };
  return { png, changed: d.changed, compared: compare.width * compare.height, box };
}
