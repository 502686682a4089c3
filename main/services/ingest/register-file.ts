// Turns a settled file on disk into catalog rows, keeping photo identity (design doc §3):
// - a known path keeps its photo (edits in place re-make variants);
// - a new path whose content fingerprint matches a photo whose old file is gone is a
//   rename or move: the photo is re-linked, so flags and order links stay;
// - a second file with the same stem in the same folder joins its RAW+JPEG pair;
// - anything else is a new photo.
// Rows and the job that makes the variants are written in one transaction.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Catalog, PhotoWithFiles } from '../catalog';
import { isRawPath, photoStem } from './image-files';
import type { Imaging } from './imaging-port';
import { enqueueVariants } from './variant-jobs';

export type RegisterOutcome = 'unchanged' | 'changed' | 'relinked' | 'paired' | 'created';

export interface RegisterContext {
  catalog: Catalog;
  imaging: Imaging;
}

export async function registerFile(
  ctx: RegisterContext,
  shootId: string,
  filePath: string,
  stat: { size: number; mtimeMs: number },
): Promise<{ outcome: RegisterOutcome; photoId: string }> {
  const { catalog } = ctx;
  const known = catalog.photos.findByFilePath(filePath);
  if (known) {
    const file = known.files.find((f) => f.path === filePath);
    if (file && file.size === stat.size && file.mtimeMs === stat.mtimeMs) return { outcome: 'unchanged', photoId: known.id };
    const fp = await ctx.imaging.fingerprint(filePath, known.captureTime);
    catalog.transaction(() => {
      catalog.photos.updateFile(filePath, { size: stat.size, mtimeMs: stat.mtimeMs, fingerprint: fp.key });
      if (known.status !== 'ready') catalog.photos.markImporting(known.id);
      enqueueVariants(catalog, shootId, known.id);
    });
    return { outcome: 'changed', photoId: known.id };
  }

  const meta = await ctx.imaging.readPhotoMetadata(filePath).catch(() => null);
  const captureTime = meta?.captureTime?.local ?? null;
  const fp = await ctx.imaging.fingerprint(filePath, captureTime);
  const role = isRawPath(filePath) ? 'raw' : 'primary';
  const file = { path: filePath, role, size: stat.size, mtimeMs: stat.mtimeMs, fingerprint: fp.key } as const;
  const folder = path.dirname(filePath);
  const stem = photoStem(filePath);

  const moved = catalog.photos.findByFingerprint(fp.key).find((p) => wasMovedFrom(p, fp.key));
  if (moved) {
    const from = moved.files.find((f) => f.fingerprint === fp.key) ?? moved.files[0];
    if (from) {
      catalog.transaction(() => {
        catalog.photos.relinkFile({ photoId: moved.id, fromPath: from.path, file, shootId, folder, stem });
        if (!catalog.variants.get(moved.id, 'web')) enqueueVariants(catalog, shootId, moved.id);
      });
      return { outcome: 'relinked', photoId: moved.id };
    }
  }

  const pair = catalog.photos.findByFolderStem(folder, stem).find((p) => p.shootId === shootId);
  if (pair) {
    catalog.transaction(() => {
      catalog.photos.addFile(pair.id, { ...file, role: isRawPath(filePath) ? 'raw' : 'jpeg' });
      enqueueVariants(catalog, shootId, pair.id);
    });
    return { outcome: 'paired', photoId: pair.id };
  }

  const photoId = catalog.transaction(() => {
    const photo = catalog.photos.create({
      shootId,
      folder,
      stem,
      captureTime,
      captureOffset: meta?.captureTime?.offset ?? null,
      fingerprint: fp.key,
      status: 'importing',
      files: [file],
    });
    if (meta) catalog.metadata.upsert(photo.id, toCatalogMetadata(meta));
    enqueueVariants(catalog, shootId, photo.id);
    return photo.id;
  });
  return { outcome: 'created', photoId };
}

/** A fingerprint match is a move only if the old file is really gone from its old place. */
function wasMovedFrom(photo: PhotoWithFiles, fp: string): boolean {
  const old = photo.files.find((f) => f.fingerprint === fp);
  return old !== undefined && !existsSync(old.path);
}

type PhotoMeta = NonNullable<Awaited<ReturnType<Imaging['readPhotoMetadata']>>>;

export function toCatalogMetadata(meta: PhotoMeta) {
  return {
    cameraMake: meta.make,
    cameraModel: meta.model,
    lens: meta.lens ?? null,
    exposureTime: meta.exposureTime ?? null,
    aperture: meta.aperture ?? null,
    iso: meta.iso ?? null,
    focalLength: meta.focalLength ?? null,
    gpsLat: meta.gps?.latitude ?? null,
    gpsLon: meta.gps?.longitude ?? null,
    copyright: meta.copyright ?? null,
    creator: meta.creator ?? null,
    keywords: meta.keywords ?? [],
    embeddedRating: meta.rating !== null && meta.rating >= 0 ? meta.rating : null,
    embeddedLabel: meta.label ?? null,
  };
}
