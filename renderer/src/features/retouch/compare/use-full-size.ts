// Swaps the screen-size variant for the full-size file once the zoom shows more pixels than
// the variant has. Both images fill the same box, so the swap keeps the position exactly; the
// full file is drawn on top only after it has loaded, so nothing flickers meanwhile. Once
// asked for it stays loaded (zooming out and in again does not fetch it twice).
import { useEffect, useState } from 'react';
import type { CompareImageSource } from './types';
import { needsFullSize } from './viewport';

export interface FullSize {
  /** Pass to the screen image's onLoad: its natural width tells how sharp it can be. */
  onScreenLoad: (event: { currentTarget: HTMLImageElement }) => void;
  onFullLoad: () => void;
  /** Render the full-size <img> (hidden until `showFull`). */
  requested: boolean;
  showFull: boolean;
  /** Wanted but still loading: the pane says so. */
  loading: boolean;
}

export function useFullSize(source: CompareImageSource, displayedWidth: number): FullSize {
  const [screenWidth, setScreenWidth] = useState(0);
  const [requested, setRequested] = useState(false);
  const [loaded, setLoaded] = useState(false);
  // A new image: forget what the previous one had.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the sources change
  useEffect(() => {
    setScreenWidth(0);
    setRequested(false);
    setLoaded(false);
  }, [source.screenSrc, source.fullSrc]);
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const needed = source.fullSrc !== source.screenSrc && needsFullSize(displayedWidth, ratio, screenWidth, source.width);
  useEffect(() => {
    if (needed) setRequested(true);
  }, [needed]);
  return {
    onScreenLoad: (event) => setScreenWidth(event.currentTarget.naturalWidth),
    onFullLoad: () => setLoaded(true),
    requested: requested || needed,
    showFull: needed && loaded,
    loading: needed && !loaded,
  };
}
