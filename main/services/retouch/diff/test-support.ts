// Test-only: edits made the way a retoucher's export would be (a painted rectangle, a resize, a
// crop, each saved as JPEG q92), and a count of an overlay's visible pixels.
import sharp from 'sharp';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Re-encode `source` upright as JPEG q92, optionally at `scale` of its size, with `rect` painted
 * in (rect in the output's pixels). Two pipelines, since sharp resizes before it composites. */
export async function exportEdit(source: string, out: string, options: { rect?: Rect; scale?: number } = {}): Promise<void> {
  let pixels = sharp(source, { autoOrient: true });
  if (options.scale) {
    const { autoOrient } = await sharp(source).metadata();
    pixels = pixels.resize(Math.round(autoOrient.width * options.scale), Math.round(autoOrient.height * options.scale), { fit: 'fill' });
  }
  let edit = sharp(await pixels.png({ compressionLevel: 0 }).toBuffer());
  if (options.rect) {
    const { width, height } = options.rect;
    const patch = await sharp({ create: { width, height, channels: 3, background: { r: 230, g: 40, b: 160 } } })
      .png()
      .toBuffer();
    edit = edit.composite([{ input: patch, left: options.rect.left, top: options.rect.top }]);
  }
  await edit.jpeg({ quality: 92 }).toFile(out);
}

/** Crop `source` by `inset` pixels on the right, saved as JPEG q92. */
export async function exportCrop(source: string, out: string, inset: number): Promise<void> {
  const { autoOrient } = await sharp(source).metadata();
  const crop = { left: 0, top: 0, width: autoOrient.width - inset, height: autoOrient.height };
  await sharp(source, { autoOrient: true }).extract(crop).jpeg({ quality: 92 }).toFile(out);
}

/** Visible pixels of an overlay PNG: how many, how many outside `rect` (grown by `slack`), and
 * whether every pixel inside `rect` shrunk by `slack` is visible. */
export async function overlayPixels(png: string, rect: Rect | null, slack: number) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let visible = 0;
  let outside = 0;
  let insideMissing = 0;
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++) {
      const on = (data[(y * info.width + x) * 4 + 3] as number) > 0;
      const inGrown = rect !== null && within(rect, x, y, -slack);
      const inShrunk = rect !== null && within(rect, x, y, slack);
      if (on) visible++;
      if (on && !inGrown) outside++;
      if (!on && inShrunk) insideMissing++;
    }
  return { visible, outside, insideMissing, width: info.width, height: info.height, channels: info.channels };
}

function within(r: Rect, x: number, y: number, shrink: number): boolean {
  return x >= r.left + shrink && x < r.left + r.width - shrink && y >= r.top + shrink && y < r.top + r.height - shrink;
}
