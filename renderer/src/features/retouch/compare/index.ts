// The before/after comparison, ready to mount (see README.md for the props).
export { CompareView, type CompareViewProps } from './CompareView';
export { type CompareSlots, type ImageSpace, ImageSpaceContext, useCompareSlots, useImageSpace } from './image-space';
export type { CompareImageSource, CompareMode, CompareOverlay, CompareSide } from './types';
export { compareModes } from './types';
