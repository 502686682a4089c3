// Apply an EXIF orientation by hand. Needed for RAW previews: the orientation lives in the
// RAW's IFD0, not in the preview JPEG, so sharp's autoOrient cannot see it.
import type { Sharp } from 'sharp';

/**
 * sharp mirrors (flip/flop) before it rotates, whatever the call order; this table is
 * written for that order and checked against autoOrient on the orient-* fixtures.
 */
export function applyOrientation(image: Sharp, orientation: number): Sharp {
  switch (orientation) {
    case 2:
      return image.flop();
    case 3:
      return image.rotate(180);
    case 4:
      return image.flip();
    case 5:
      return image.rotate(90).flip();
    case 6:
      return image.rotate(90);
    case 7:
      return image.rotate(270).flip();
    case 8:
      return image.rotate(270);
    default:
      return image;
  }
}
