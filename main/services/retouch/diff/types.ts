// The public shapes of the review images and the difference overlay (re-exported by index.ts).

export interface ReviewImageFiles {
  /** sha256 of the source file's bytes: the prepared files are named by it. */
  sha256: string;
  /** Long edge 2560 (never enlarged), sRGB JPEG q90, upright, no metadata. */
  screenFile: string;
  /** The source's own pixel size, sRGB JPEG q90, upright, no metadata. */
  fullFile: string;
  /** The upright full-size picture's size (fullFile's). */
  width: number;
  height: number;
}

export type DiffResult =
  | {
      kind: 'overlay';
      /** Transparent PNG the size of the before image; changed pixels in opaque-ish magenta. */
      file: string;
      width: number;
      height: number;
      /** Changed pixels ÷ all pixels, 0–1. */
      changedFraction: number;
      /** In the before image's pixels; null when nothing changed. */
      box: { left: number; top: number; width: number; height: number } | null;
      /** The after image had another pixel size (same aspect) and was scaled to compare. */
      scaled: boolean;
      /** How long this call took (a cached answer: a few ms). */
      ms: number;
    }
  | { kind: 'cropped'; message: string; before: { width: number; height: number }; after: { width: number; height: number } };

export interface DiffInput {
  /** Image files, normally prepareReviewImage's fullFile of each version. */
  before: string;
  after: string;
  /** 0–255 in 8-bit levels: a pixel is changed when a channel differs by more than this (24 is a good default). */
  threshold: number;
  /** Where overlays and their cached answers are kept (created when missing). */
  outDir: string;
}

export interface Differ {
  diff(input: DiffInput): Promise<DiffResult>;
  /** Ends the worker threads; a diff still running is refused. */
  close(): Promise<void>;
}
