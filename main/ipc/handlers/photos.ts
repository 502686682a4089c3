import { AppError } from '../../../shared/errors';
import type { Handlers } from '../types';
import { type HandlerDeps, requireSession } from './deps';

export function photoHandlers(deps: HandlerDeps): Pick<Handlers, Extract<keyof Handlers, `photos.${string}`>> {
  return {
    'photos.list': ({ shootId, filter, sort, offset, limit }) =>
      requireSession(deps).reader.queryPhotos(shootId, { offset, limit }, filter, sort),

    'photos.get': ({ photoId }) => {
      const { catalog } = requireSession(deps);
      const photo = catalog.photos.get(photoId);
      if (!photo) throw new AppError('not_found', 'This photo is no longer in the library.');
      const flags = catalog.flags.get(photoId);
      const ref = (kind: 'web' | 'thumb') => {
        const v = catalog.variants.get(photoId, kind);
        return v ? { relPath: v.relPath, width: v.width, height: v.height, contentHash: v.contentHash } : null;
      };
      const meta = catalog.metadata.get(photoId);
      return {
        id: photo.id,
        stem: photo.stem,
        folder: photo.folder,
        status: photo.status,
        attentionReason: photo.attentionReason,
        captureTime: photo.captureTime,
        captureOffset: photo.captureOffset,
        files: photo.files.map((f) => ({ path: f.path, role: f.role, size: f.size })),
        flags: { rating: flags?.rating ?? 0, pick: flags?.pick ?? 'none', colorLabel: flags?.colorLabel ?? null },
        web: ref('web'),
        thumb: ref('thumb'),
        metadata: meta
          ? {
              cameraMake: meta.cameraMake,
              cameraModel: meta.cameraModel,
              lens: meta.lens,
              exposureTime: meta.exposureTime,
              aperture: meta.aperture,
              iso: meta.iso,
              focalLength: meta.focalLength,
              gpsLat: meta.gpsLat,
              gpsLon: meta.gpsLon,
              copyright: meta.copyright,
              creator: meta.creator,
              keywords: meta.keywords,
            }
          : null,
      };
    },

    'photos.setFlags': ({ photoIds, rating, pick, colorLabel }) => {
      const { catalog, publishing } = requireSession(deps);
      // All photos or none: a multi-select rating never half-applies; and the studio's other
      // laptops hear of it in the same transaction (for photos that are in a gallery).
      const changed = catalog.transaction(() => {
        const result = photoIds.map((id) => {
          if (rating !== undefined) catalog.flags.setRating(id, rating);
          if (pick !== undefined) catalog.flags.setPick(id, pick);
          if (colorLabel !== undefined) catalog.flags.setLabel(id, colorLabel);
          const flags = catalog.flags.get(id);
          return { photoId: id, rating: flags?.rating ?? 0, pick: flags?.pick ?? 'none', colorLabel: flags?.colorLabel ?? null };
        });
        publishing.queueFlagChanges(photoIds);
        return result;
      });
      const shootIds = new Set(photoIds.map((id) => catalog.photos.get(id)?.shootId).filter((s): s is string => Boolean(s)));
      for (const shootId of shootIds) deps.onPhotosChanged?.(shootId);
      return changed;
    },

    'photos.retry': ({ photoIds }) => {
      requireSession(deps).ingest.retry(photoIds);
      return null;
    },
  };
}
