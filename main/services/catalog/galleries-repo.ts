// Galleries published from shoots (tables galleries + gallery_photos, migration 003). A row is
// written in the same transaction as the outbox rows that send it, so the studio never shows a
// gallery the server will not hear of, nor sends one it does not show.
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { GalleryState } from '../../../shared/schemas/galleries';
import type { DeliveryMethod, GallerySettings } from '../../../shared/schemas/hosted-api';

export interface GalleryPhotoRow {
  photoId: string;
  position: number;
  name: string;
  proofSha256: string;
  proofFile: string;
  proofBytes: number;
  width: number;
  height: number;
}

export interface GalleryRow {
  id: string;
  clientId: string;
  shootId: string | null;
  title: string;
  state: GalleryState;
  problem: string | null;
  settings: GallerySettings;
  deliveryMethods: DeliveryMethod[];
  watermarkText: string;
  slug: string | null;
  accessCode: string | null;
  photoCount: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface NewGallery {
  id: string;
  clientId: string;
  shootId: string | null;
  title: string;
  settings: GallerySettings;
  deliveryMethods: DeliveryMethod[];
  watermarkText: string;
  photos: GalleryPhotoRow[];
}

/** What the server answered about a gallery (putGalleryResponse in hosted-api.ts). */
export interface ServerGalleryState {
  slug: string;
  status: 'draft' | 'published' | 'unpublished';
  accessCode: string | null;
}

/** A photo of a shoot as publishing sees it: can it go into a gallery, and from which web variant. */
export interface PublishCandidate {
  photoId: string;
  /** The primary file's name, e.g. IMG_0412.CR3: what the client and the order show. */
  name: string;
  status: string;
  pick: string;
  webRelPath: string | null;
}

export interface GalleriesRepo {
  /** The shoot's photos in grid order (capture time, then name). */
  publishCandidates(shootId: string): PublishCandidate[];
  create(gallery: NewGallery): GalleryRow;
  get(id: string): GalleryRow | null;
  require(id: string): GalleryRow;
  byClient(clientId: string): GalleryRow[];
  byShoot(shootId: string): GalleryRow[];
  photos(galleryId: string): GalleryPhotoRow[];
  /** A gallery (sent to the server) holding the photo, or null. */
  firstContaining(photoId: string): string | null;
  setState(id: string, state: GalleryState, problem?: string | null): GalleryRow;
  setSettings(id: string, settings: GallerySettings): GalleryRow;
  /** Keeps the slug, the confirmed state and (when the server shows one) the access code. */
  recordServerState(id: string, answer: ServerGalleryState): GalleryRow | null;
}

type Row = {
  id: string;
  client_id: string;
  shoot_id: string | null;
  title: string;
  state: GalleryState;
  problem: string | null;
  settings: string;
  delivery_methods: string;
  watermark_text: string;
  slug: string | null;
  access_code: string | null;
  photo_count: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
};

const toGallery = (r: Row): GalleryRow => ({
  id: r.id,
  clientId: r.client_id,
  shootId: r.shoot_id,
  title: r.title,
  state: r.state,
  problem: r.problem,
  settings: JSON.parse(r.settings) as GallerySettings,
  deliveryMethods: JSON.parse(r.delivery_methods) as DeliveryMethod[],
  watermarkText: r.watermark_text,
  slug: r.slug,
  accessCode: r.access_code,
  photoCount: r.photo_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
});

const SELECT = `SELECT g.*, (SELECT count(*) FROM gallery_photos p WHERE p.gallery_id = g.id) AS photo_count FROM galleries g`;

export function createGalleriesRepo(db: Database.Database, now: () => Date): GalleriesRepo {
  const insert = db.prepare<Record<string, unknown>>(
    `INSERT INTO galleries (id, client_id, shoot_id, title, state, settings, delivery_methods, watermark_text, created_at, updated_at)
     VALUES (@id, @clientId, @shootId, @title, 'sending', @settings, @deliveryMethods, @watermarkText, @now, @now)`,
  );
  const insertPhoto = db.prepare<Record<string, unknown>>(
    `INSERT INTO gallery_photos (gallery_id, photo_id, position, name, proof_sha256, proof_file, proof_bytes, width, height)
     VALUES (@galleryId, @photoId, @position, @name, @proofSha256, @proofFile, @proofBytes, @width, @height)`,
  );
  const one = db.prepare<[string], Row>(`${SELECT} WHERE g.id = ?`);
  const ofClient = db.prepare<[string], Row>(`${SELECT} WHERE g.client_id = ? ORDER BY g.created_at DESC, g.id`);
  const ofShoot = db.prepare<[string], Row>(`${SELECT} WHERE g.shoot_id = ? ORDER BY g.created_at DESC, g.id`);
  const photos = db.prepare<[string], GalleryPhotoRow>(
    `SELECT photo_id AS photoId, position, name, proof_sha256 AS proofSha256, proof_file AS proofFile, proof_bytes AS proofBytes,
       width, height FROM gallery_photos WHERE gallery_id = ? ORDER BY position`,
  );
  const containing = db.prepare<[string], { id: string }>(
    `SELECT g.id FROM gallery_photos p JOIN galleries g ON g.id = p.gallery_id
     WHERE p.photo_id = ? AND g.state NOT IN ('cancelled', 'draft') ORDER BY g.created_at LIMIT 1`,
  );
  const state = db.prepare<{ id: string; state: GalleryState; problem: string | null; now: string }>(
    'UPDATE galleries SET state = @state, problem = @problem, updated_at = @now WHERE id = @id',
  );
  const settings = db.prepare<{ id: string; settings: string; now: string }>(
    'UPDATE galleries SET settings = @settings, updated_at = @now WHERE id = @id',
  );
  const server = db.prepare<{ id: string; slug: string; state: GalleryState; code: string | null; now: string }>(
    `UPDATE galleries SET slug = @slug, access_code = coalesce(@code, access_code), updated_at = @now,
       state = CASE WHEN state IN ('cancelled', 'failed') THEN state ELSE @state END,
       problem = CASE WHEN state IN ('cancelled', 'failed') THEN problem ELSE NULL END,
       published_at = CASE WHEN @state = 'published' THEN coalesce(published_at, @now) ELSE published_at END
     WHERE id = @id`,
  );

  const candidates = db.prepare<[string], PublishCandidate & { file: string | null }>(
    `SELECT p.id AS photoId, p.stem AS name, p.status, coalesce(f.pick, 'none') AS pick, v.rel_path AS webRelPath,
       (SELECT pf.path FROM photo_files pf WHERE pf.photo_id = p.id ORDER BY pf.role <> 'primary', pf.path LIMIT 1) AS file
     FROM photos p
     LEFT JOIN photo_flags f ON f.photo_id = p.id
     LEFT JOIN variants v ON v.photo_id = p.id AND v.kind = 'web'
     WHERE p.shoot_id = ?
     ORDER BY p.capture_time IS NULL, p.capture_time, p.stem, p.id`,
  );

  const get = (id: string) => {
    const row = one.get(id);
    return row ? toGallery(row) : null;
  };
  const require = (id: string) => {
    const gallery = get(id);
    if (!gallery) throw new AppError('not_found', 'This gallery is not in the library any more. Refresh the client page.');
    return gallery;
  };

  const create = db.transaction((g: NewGallery): GalleryRow => {
    if (g.photos.length === 0) throw new AppError('invalid_input', 'A gallery needs at least one photo.');
    insert.run({
      id: g.id,
      clientId: g.clientId,
      shootId: g.shootId,
      title: g.title,
      settings: JSON.stringify(g.settings),
      deliveryMethods: JSON.stringify(g.deliveryMethods),
      watermarkText: g.watermarkText,
      now: now().toISOString(),
    });
    for (const photo of g.photos) insertPhoto.run({ galleryId: g.id, ...photo });
    return require(g.id);
  });

  return {
    publishCandidates: (shootId) =>
      candidates.all(shootId).map(({ file, ...c }) => ({ ...c, name: file ? (file.split(/[\\/]/).pop() ?? c.name) : c.name })),
    create: (g) => create(g),
    get,
    require,
    byClient: (clientId) => ofClient.all(clientId).map(toGallery),
    byShoot: (shootId) => ofShoot.all(shootId).map(toGallery),
    photos: (galleryId) => photos.all(galleryId),
    firstContaining: (photoId) => containing.get(photoId)?.id ?? null,
    setState(id, next, problem = null) {
      state.run({ id, state: next, problem, now: now().toISOString() });
      return require(id);
    },
    setSettings(id, next) {
      settings.run({ id, settings: JSON.stringify(next), now: now().toISOString() });
      return require(id);
    },
    recordServerState(id, answer) {
      const next: GalleryState = answer.status === 'draft' ? 'sending' : answer.status;
      server.run({ id, slug: answer.slug, state: next, code: answer.accessCode, now: now().toISOString() });
      return get(id);
    },
  };
}
