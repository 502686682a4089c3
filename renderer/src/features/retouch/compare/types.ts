// What the comparison is given: two prepared images of one photo (issue 7 point 4).

/** One side of the comparison. `width`/`height` are the image's own pixel size (the full file's). */
export interface CompareImageSource {
  /** The screen-size variant, shown first (fast: < 300 ms for a 24 MP photo). */
  screenSrc: string;
  /** The full-size file, swapped in once the zoom shows more pixels than the screen variant has. */
  fullSrc: string;
  width: number;
  height: number;
  /** Who or what this side is, e.g. "Original" or "Round 2 · Ania". */
  label: string;
}

export type CompareMode = 'slider' | 'side-by-side' | 'toggle';
export const compareModes = ['slider', 'side-by-side', 'toggle'] as const satisfies readonly CompareMode[];

/** The difference overlay: a PNG the size of the before image, drawn over the after one. */
export interface CompareOverlay {
  src: string;
}

export type CompareSide = 'before' | 'after';
