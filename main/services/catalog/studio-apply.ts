// Applies what other studio devices did (change types client.updated, gallery.updated,
// photo.flagged) to this catalog, so every laptop of the studio converges on the server's state.
// The server decides the order (last write wins by feed seq). A row with this computer's own
// change still waiting in the outbox is left alone: that change goes out later, and the feed
// entry it produces arrives after this one and settles the row.
import type Database from 'better-sqlite3';
import {
  clientUpdatedPayload,
  type GalleryUpdatedPayload,
  galleryUpdatedPayload,
  photoFlaggedPayload,
} from '../../../shared/schemas/hosted-api';
import type { ActivityKind, FeedChange } from './activity-rows';

export interface StudioApplyResult {
  kind: ActivityKind;
  /** A sentence for the user when another device changed what this one shows. */
  remark: string | null;
}

const stateOf = (status: GalleryUpdatedPayload['gallery']['status']) => (status === 'draft' ? 'sending' : status);

export function createStudioApply(db: Database.Database, now: () => Date) {
  const pending = db.prepare<[string], { one: number }>("SELECT 1 AS one FROM sync_outbox WHERE topic = ? AND state = 'pending' LIMIT 1");
  const ownDevice = db.prepare<[], { device_id: string | null }>('SELECT device_id FROM sync_state WHERE id = 1');
  const upsertClient = db.prepare<Record<string, unknown>>(
    `INSERT INTO clients (id, name, email, phone, language, created_at, updated_at) VALUES (@id, @name, @email, @phone, @language, @at, @at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone,
       language = excluded.language, updated_at = excluded.updated_at`,
  );
  const gallery = db.prepare<[string], { state: string; title: string; settings: string; access_code: string | null }>(
    'SELECT state, title, settings, access_code FROM galleries WHERE id = ?',
  );
  const insertGallery = db.prepare<Record<string, unknown>>(
    `INSERT INTO galleries (id, client_id, shoot_id, title, state, settings, delivery_methods, slug, created_at, updated_at, published_at)
     VALUES (@id, @clientId, NULL, @title, @state, @settings, @deliveryMethods, @slug, @at, @at, @publishedAt)`,
  );
  const updateGallery = db.prepare<Record<string, unknown>>(
    `UPDATE galleries SET client_id = @clientId, title = @title, state = @state, problem = NULL, settings = @settings,
       delivery_methods = @deliveryMethods, slug = @slug, updated_at = @at,
       published_at = CASE WHEN @state = 'published' THEN coalesce(published_at, @at) ELSE published_at END,
       access_code = CASE WHEN @forgetCode = 1 THEN NULL ELSE access_code END
     WHERE id = @id`,
  );
  const photos = db.prepare<[string], { photo_id: string; proof_sha256: string; proof_file: string; proof_bytes: number }>(
    'SELECT photo_id, proof_sha256, proof_file, proof_bytes FROM gallery_photos WHERE gallery_id = ?',
  );
  const clearPhotos = db.prepare<[string]>('DELETE FROM gallery_photos WHERE gallery_id = ?');
  const insertPhoto = db.prepare<Record<string, unknown>>(
    `INSERT INTO gallery_photos (gallery_id, photo_id, position, name, proof_sha256, proof_file, proof_bytes, width, height)
     VALUES (@galleryId, @photoId, @position, @name, @sha, @file, @bytes, @width, @height)`,
  );
  const localPhoto = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM photos WHERE id = ?');
  const writeFlags = db.prepare<Record<string, unknown>>(
    `INSERT INTO photo_flags (photo_id, rating, pick, color_label, updated_at) VALUES (@photoId, @rating, @pick, @colorLabel, @at)
     ON CONFLICT (photo_id) DO UPDATE SET rating = excluded.rating, pick = excluded.pick, color_label = excluded.color_label,
       updated_at = excluded.updated_at`,
  );
  const dropEmptyFlags = db.prepare<[string]>(
    "DELETE FROM photo_flags WHERE photo_id = ? AND rating = 0 AND pick = 'none' AND color_label IS NULL",
  );
  const writeRemoteFlags = db.prepare<Record<string, unknown>>(
    `INSERT INTO remote_photo_flags (photo_id, rating, pick, color_label, updated_at) VALUES (@photoId, @rating, @pick, @colorLabel, @at)
     ON CONFLICT (photo_id) DO UPDATE SET rating = excluded.rating, pick = excluded.pick, color_label = excluded.color_label,
       updated_at = excluded.updated_at`,
  );

  const isPending = (topic: string) => pending.get(topic) !== undefined;
  const fromElsewhere = (deviceId: string) => {
    const own = ownDevice.get()?.device_id ?? null;
    return own !== null && own !== deviceId;
  };

  function applyGallery(change: FeedChange): StudioApplyResult {
    const parsed = galleryUpdatedPayload.safeParse(change.payload);
    if (!parsed.success) return { kind: 'other', remark: null };
    const { gallery: g, action, by } = parsed.data;
    const at = now().toISOString();
    if (!isPending(`client:${g.client.id}`)) upsertClient.run({ ...g.client, at });
    if (isPending(`gallery:${g.id}`)) return { kind: 'galleries', remark: null };
    const before = gallery.get(g.id);
    const row = {
      id: g.id,
      clientId: g.client.id,
      title: g.title,
      state: stateOf(g.status),
      settings: JSON.stringify(g.settings),
      deliveryMethods: JSON.stringify(g.deliveryMethods),
      slug: g.slug,
      at,
      publishedAt: g.status === 'published' ? change.at : null,
      forgetCode: action === 'code_regenerated' && fromElsewhere(by.deviceId) ? 1 : 0,
    };
    if (before) updateGallery.run(row);
    else insertGallery.run(row);
    // Keep the proof files this computer has (same content), so it can send the gallery again itself.
    const known = new Map(photos.all(g.id).map((p) => [`${p.photo_id}\u0000${p.proof_sha256}`, p]));
    clearPhotos.run(g.id);
    g.photos.forEach((p, position) => {
      const local = known.get(`${p.id}\u0000${p.proofSha256}`);
      insertPhoto.run({
        galleryId: g.id,
        photoId: p.id,
        position,
        name: p.name,
        sha: p.proofSha256,
        file: local?.proof_file ?? '',
        bytes: local?.proof_bytes ?? 0,
        width: p.width,
        height: p.height,
      });
    });
    const told = fromElsewhere(by.deviceId) && !(action === 'unpublished' && g.status === 'draft');
    return { kind: 'galleries', remark: told ? remarkFor(action, g.title, by.deviceName, before) : null };
  }

  function remarkFor(action: GalleryUpdatedPayload['action'], title: string, device: string, before: unknown): string | null {
    if (action === 'published') return `“${title}” was published on ${device}.`;
    if (action === 'unpublished') return `“${title}” was taken offline on ${device}.`;
    if (action === 'code_regenerated') return `A new access code for “${title}” was made on ${device}; the old one no longer works.`;
    return before ? null : `“${title}” was added on ${device}.`;
  }

  function applyFlags(change: FeedChange): StudioApplyResult {
    const parsed = photoFlaggedPayload.safeParse(change.payload);
    if (!parsed.success) return { kind: 'other', remark: null };
    const f = parsed.data;
    if (isPending(`flags:${f.photoId}`)) return { kind: 'flags', remark: null };
    const row = { photoId: f.photoId, rating: f.rating, pick: f.pick, colorLabel: f.colorLabel, at: now().toISOString() };
    if (localPhoto.get(f.photoId)) {
      writeFlags.run(row);
      dropEmptyFlags.run(f.photoId);
    } else writeRemoteFlags.run(row);
    return { kind: 'flags', remark: null };
  }

  return (change: FeedChange): StudioApplyResult | null => {
    if (change.type === 'gallery.updated') return applyGallery(change);
    if (change.type === 'photo.flagged') return applyFlags(change);
    if (change.type === 'client.updated') {
      const parsed = clientUpdatedPayload.safeParse(change.payload);
      if (!parsed.success) return { kind: 'other', remark: null };
      if (!isPending(`client:${parsed.data.client.id}`)) upsertClient.run({ ...parsed.data.client, at: now().toISOString() });
      return { kind: 'clients', remark: null };
    }
    return null;
  };
}
