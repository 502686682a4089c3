// How two versions line up: the same picture at another pixel size is scaled; another shape
// means a crop (or a rotation), which no pixel difference can show.
import type { Size } from './diff-job';

/** Resizing rounds each side to a whole pixel, so a version exported smaller or larger can be
 * about one pixel off the exact ratio: allow that, no more (a 2 px crop is a crop). */
export function sameAspect(a: Size, b: Size): boolean {
  const [small, large] = a.width * a.height <= b.width * b.height ? [a, b] : [b, a];
  const expectedHeight = (small.width * large.height) / large.width;
  const expectedWidth = (small.height * large.width) / large.height;
  return Math.abs(small.height - expectedHeight) <= 1 || Math.abs(small.width - expectedWidth) <= 1;
}

/** Both are compared at the smaller size: downscaling the larger is exact enough, while
 * upscaling the smaller would count the detail it lost as changes. */
export function compareSize(before: Size, after: Size): Size {
  return after.width * after.height < before.width * before.height ? after : before;
}
