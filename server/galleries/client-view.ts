// What the client gallery page gets (clientGalleryResponse): the gallery as the client sees it,
// without anything of the studio's internals (proof hashes, client id, other settings).
import type { z } from 'zod';
import type { clientGalleryResponse } from '../../shared/schemas/hosted-api';
import type { Language } from '../../shared/schemas/prefs';
import type { Db } from '../db/types';
import { type GalleryRow, galleryDeliveryMethods, gallerySettings } from './galleries';

export type ClientGallery = z.infer<typeof clientGalleryResponse>;

export async function clientGalleryView(db: Db, gallery: GalleryRow): Promise<ClientGallery> {
  const [studio, client, photos] = await Promise.all([
    db.selectFrom('studios').select('name').where('id', '=', gallery.studio_id).executeTakeFirstOrThrow(),
    gallery.client_id === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom('clients')
          .select('language')
          .where('studio_id', '=', gallery.studio_id)
          .where('id', '=', gallery.client_id)
          .executeTakeFirst(),
    db
      .selectFrom('gallery_photos')
      .select(['photo_id', 'name', 'width', 'height'])
      .where('gallery_id', '=', gallery.id)
      .orderBy('position')
      .execute(),
  ]);
  const settings = gallerySettings(gallery);
  return {
    title: gallery.title,
    studioName: studio.name,
    language: (client?.language ?? 'en') as Language,
    settings: { allowWebDownloads: settings.allowWebDownloads, saveDeterrent: settings.saveDeterrent, expiresAt: settings.expiresAt },
    deliveryMethods: galleryDeliveryMethods(gallery),
    photos: photos.map((p) => ({ id: p.photo_id, name: p.name, width: p.width, height: p.height })),
  };
}
