// Real proofs for the gallery page tests: fixture camera JPEGs turned into what publishing
// uploads (auto-oriented, long edge at most 2048 px, sRGB JPEG), some also cropped to a
// portrait or a square so the justified grid meets every shape. Made once per test process.

import path from 'node:path';
import sharp from 'sharp';
import { sharedImagesDir } from '../helpers/fixtures';

export const fixtureImagesDir = sharedImagesDir;

export interface FixtureProof {
  id: string;
  name: string;
  width: number;
  height: number;
  jpeg: Buffer;
}

type Crop = 'portrait' | 'square';

const sources: { file: string; crop?: Crop }[] = [
  { file: 'progressive.jpg' },
  { file: 'sidecar-IMG_5910.jpg' },
  { file: 'camera-iphone6plus-portrait-rating2.jpg' },
  { file: 'camera-canon-1dm3-iptc-copyright.jpg' },
  { file: 'orient-6-portrait.jpg' },
  { file: 'camera-nikon-d3100-14mp.jpg' },
  { file: 'wrong-extension-jpeg-named.nef' },
  { file: 'orient-1-landscape.jpg' },
  { file: 'sidecar-IMG_5910.jpg', crop: 'portrait' },
  { file: 'ultrahdr-gain-map.jpg' },
  { file: 'color-display-p3.jpg', crop: 'portrait' },
  { file: 'camera-canon-1dm3-iptc-copyright.jpg', crop: 'square' },
  { file: 'meta-xmp-rating4-red-copyright-gps.jpg' },
  { file: 'camera-nikon-d3100-14mp.jpg', crop: 'portrait' },
];

async function makeProof(file: string, crop: Crop | undefined): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const upright = await sharp(path.join(fixtureImagesDir, file)).rotate().toBuffer({ resolveWithObject: true });
  let image = sharp(upright.data);
  if (crop) {
    const { width, height } = upright.info;
    const w = crop === 'square' ? Math.min(width, height) : Math.round(height * (2 / 3));
    image = image.extract({ left: Math.round((width - w) / 2), top: 0, width: Math.min(w, width), height });
  }
  const { data, info } = await image
    .resize(2048, 2048, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { jpeg: data, width: info.width, height: info.height };
}

let made: Promise<FixtureProof[]> | null = null;

export function fixtureProofs(): Promise<FixtureProof[]> {
  made ??= Promise.all(
    sources.map(async ({ file, crop }, i) => ({
      id: `photo-${String(i + 1).padStart(2, '0')}`,
      name: `IMG_${4100 + i * 7}.jpg`,
      ...(await makeProof(file, crop)),
    })),
  );
  return made;
}
