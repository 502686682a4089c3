// Camera and IPTC/XMP metadata read from a photo's files at import, one row per photo.
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { isConstraint } from './sqlite-errors';

export interface PhotoMetadata {
  cameraMake: string | null;
  cameraModel: string | null;
  lens: string | null;
  /** Seconds, e.g. 0.004 for 1/250. */
  exposureTime: number | null;
  aperture: number | null;
  iso: number | null;
  focalLength: number | null;
  gpsLat: number | null;
  gpsLon: number | null;
  copyright: string | null;
  creator: string | null;
  keywords: string[];
  /** As written by the camera or another tool; the user's own rating lives in photo_flags. */
  embeddedRating: number | null;
  embeddedLabel: string | null;
}

interface MetadataRow {
  camera_make: string | null;
  camera_model: string | null;
  lens: string | null;
  exposure_time: number | null;
  aperture: number | null;
  iso: number | null;
  focal_length: number | null;
  gps_lat: number | null;
  gps_lon: number | null;
  copyright: string | null;
  creator: string | null;
  keywords: string;
  embedded_rating: number | null;
  embedded_label: string | null;
}

export interface MetadataRepo {
  upsert(photoId: string, metadata: PhotoMetadata): void;
  get(photoId: string): PhotoMetadata | null;
}

export function createMetadataRepo(db: Database.Database): MetadataRepo {
  const cols = [
    'camera_make',
    'camera_model',
    'lens',
    'exposure_time',
    'aperture',
    'iso',
    'focal_length',
    'gps_lat',
    'gps_lon',
    'copyright',
    'creator',
    'keywords',
    'embedded_rating',
    'embedded_label',
  ];
  const upsert = db.prepare(
    `INSERT INTO metadata (photo_id, ${cols.join(', ')}) VALUES (@photo_id, ${cols.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (photo_id) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  const select = db.prepare<[string], MetadataRow>('SELECT * FROM metadata WHERE photo_id = ?');

  return {
    upsert(photoId, m) {
      try {
        upsert.run({
          photo_id: photoId,
          camera_make: m.cameraMake,
          camera_model: m.cameraModel,
          lens: m.lens,
          exposure_time: m.exposureTime,
          aperture: m.aperture,
          iso: m.iso === null ? null : Math.round(m.iso),
          focal_length: m.focalLength,
          gps_lat: m.gpsLat,
          gps_lon: m.gpsLon,
          copyright: m.copyright,
          creator: m.creator,
          keywords: JSON.stringify(m.keywords),
          embedded_rating: m.embeddedRating === null ? null : Math.round(m.embeddedRating),
          embedded_label: m.embeddedLabel,
        });
      } catch (error) {
        if (isConstraint(error, 'FOREIGNKEY')) throw new AppError('not_found', `Photo ${photoId} is not in this library any more.`);
        if (isConstraint(error, 'CHECK'))
          throw new AppError('invalid_input', `The GPS position read from photo ${photoId} is out of range.`);
        throw error;
      }
    },
    get(photoId) {
      const r = select.get(photoId);
      if (!r) return null;
      return {
        cameraMake: r.camera_make,
        cameraModel: r.camera_model,
        lens: r.lens,
        exposureTime: r.exposure_time,
        aperture: r.aperture,
        iso: r.iso,
        focalLength: r.focal_length,
        gpsLat: r.gps_lat,
        gpsLon: r.gps_lon,
        copyright: r.copyright,
        creator: r.creator,
        keywords: JSON.parse(r.keywords) as string[],
        embeddedRating: r.embedded_rating,
        embeddedLabel: r.embedded_label,
      };
    },
  };
}
