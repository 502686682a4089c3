// Where a pointer is on the picture, in the image's pixels, and what markup it is over. The
// surface fills the picture's box exactly, so its on-screen rectangle maps to the image.
import type { Markup } from '../../../../../shared/retouch/markup';
import { hitTest, type PixelPoint } from '../../../../../shared/retouch/markup-geometry';
import type { ImageSpace } from '../compare/image-space';
import { pinScreenRadius } from './shapes';

/** How near a line counts as on it, in CSS pixels. */
const hitScreenTolerance = 6;

export function pointInImage(event: { clientX: number; clientY: number }, surface: Element, space: ImageSpace): PixelPoint {
  const rect = surface.getBoundingClientRect();
  return {
    x: rect.width > 0 ? ((event.clientX - rect.left) / rect.width) * space.width : 0,
    y: rect.height > 0 ? ((event.clientY - rect.top) / rect.height) * space.height : 0,
  };
}

export function markupAt(markups: readonly Markup[], point: PixelPoint, space: ImageSpace): string | null {
  return hitTest(markups, point, space, { tolerance: hitScreenTolerance / space.scale, pinRadius: pinScreenRadius / space.scale });
}
