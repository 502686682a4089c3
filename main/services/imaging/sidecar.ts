// Find the XMP sidecar an editor wrote next to a photo: Lightroom/Capture One/Photo Mechanic
// use IMG_5910.xmp for IMG_5910.CR3; darktable uses IMG_5910.CR3.xmp.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function findSidecar(photoPath: string): Promise<string | null> {
  const dir = path.dirname(photoPath);
  const base = path.basename(photoPath);
  const stem = base.slice(0, base.length - path.extname(base).length);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return null; // the photo itself is read (and its errors reported) by the caller
  }
  // Compare case-insensitively: cards are FAT/exFAT, where IMG_5910.XMP and .xmp are one name.
  const wanted = [`${stem}.xmp`, `${base}.xmp`].map((n) => n.toLowerCase());
  for (const want of wanted) {
    const match = names.find((n) => n.toLowerCase() === want);
    if (match) return path.join(dir, match);
  }
  return null;
}
