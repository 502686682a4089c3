// What a layer drawn over the picture (the markup) needs from the comparison: the image's
// pixel size, the current zoom (so lines and pins keep their screen size) and the slots to
// put its keyboard handling and tool buttons in. Split in two contexts because the zoom
// changes on every wheel tick and the slots almost never do.
import { createContext, useContext } from 'react';

export interface ImageSpace {
  /** The image coordinate space: the after image's pixel size. */
  width: number;
  height: number;
  /** CSS pixels per image pixel right now. */
  scale: number;
}

export interface CompareSlots {
  /** The comparison's focusable root: keys pressed anywhere in it reach listeners added here. */
  root: HTMLElement | null;
  /** An element in the comparison's toolbar where a layer may portal its own controls. */
  tools: HTMLElement | null;
}

export const ImageSpaceContext = createContext<ImageSpace | null>(null);
export const CompareSlotsContext = createContext<CompareSlots>({ root: null, tools: null });

/** The image space of the enclosing CompareView (or of an ImageSpaceContext.Provider you mount). */
export function useImageSpace(): ImageSpace {
  const space = useContext(ImageSpaceContext);
  if (!space) throw new Error('useImageSpace: mount this inside a CompareView (or an ImageSpaceContext.Provider)');
  return space;
}

export const useCompareSlots = () => useContext(CompareSlotsContext);
