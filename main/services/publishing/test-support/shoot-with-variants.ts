// A catalog shoot whose photos have real web and thumb variants made with sharp from the shared
// fixture images, as ingest leaves them, so publishing runs on real pixels without a watcher.
import path from 'node:path';
import sharp from 'sharp';
import { sharedImagesDir } from '../../../../test/helpers/fixtures';
import type { Catalog } from '../../catalog';
import { storeVariant } from '../../imaging/variant-cache';

export const FIXTURE_NAMES = [
  'camera-canon-1300d-18mp-low-detail.jpg',
  'camera-nikon-d3100-14mp.jpg',
  'orient-6-portrait.jpg',
  'progressive.jpg',
  'meta-xmp-rating4-red-copyright-gps.jpg',
  'png-alpha.png',
];

export async function shootWithVariants(catalog: Catalog, mediaDir: string, names: readonly string[] = FIXTURE_NAMES) {
  const shoot = catalog.shoots.add({ path: path.join(mediaDir, '..', 'Nowak wedding'), name: 'Nowak wedding', kind: 'shoot' });
  const photoIds: string[] = [];
  for (const name of names) {
    const source = path.join(sharedImagesDir, name);
    const photo = catalog.photos.create({
      shootId: shoot.id,
      folder: shoot.path,
      stem: name.replace(/\.[^.]+$/, ''),
      files: [{ path: path.join(shoot.path, name), role: 'primary', size: 1, mtimeMs: 1, fingerprint: null }],
    });
    for (const [kind, edge, quality] of [
      ['web', 640, 85],
      ['thumb', 200, 80],
    ] as const) {
      const { data, info } = await sharp(source)
        .rotate()
        .resize(edge, edge, { fit: 'inside' })
        .jpeg({ quality })
        .toBuffer({ resolveWithObject: true });
      const stored = await storeVariant(mediaDir, data);
      catalog.variants.upsert({
        photoId: photo.id,
        kind,
        contentHash: stored.hash,
        relPath: stored.relPath,
        width: info.width,
        height: info.height,
        bytes: stored.bytes,
      });
    }
    catalog.photos.markReady(photo.id);
    photoIds.push(photo.id);
  }
  return { shoot, photoIds };
}
