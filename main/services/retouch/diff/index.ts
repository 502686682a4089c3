// The image side of the reviewer's before/after: prepared review images and the difference
// overlay. Everything else of the retouch queue lives in main/services/retouch.
export { createDiffer } from './differ';
export { prepareReviewImage } from './prepare-review-image';
export type { Differ, DiffInput, DiffResult, ReviewImageFiles } from './types';
