// Gallery rows: lookups by link (slug) for clients and by id for the studio, the slug itself,
// and reading the JSON columns back into the contract's types.
import { randomInt } from 'node:crypto';
import type { DeliveryMethod, GallerySettings } from '../../shared/schemas/hosted-api';
import type { Db, GalleryStatus } from '../db/types';
import { ApiError } from '../http/api-error';

const SLUG_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const SLUG_LENGTH = 16;

export const slugPattern = /^[a-z0-9][a-z0-9-]{2,63}$/;

/** 16 characters of a 32-letter alphabet: 80 random bits, so links cannot be enumerated. */
export function newSlug(): string {
  let slug = '';
  for (let i = 0; i < SLUG_LENGTH; i += 1) slug += SLUG_ALPHABET[randomInt(SLUG_ALPHABET.length)];
  return slug;
}

const galleryColumns = [
  'id',
  'studio_id',
  'slug',
  'title',
  'access_code_hash',
  'client_id',
  'status',
  'settings',
  'delivery_methods',
  'expires_at',
] as const;

export interface GalleryRow {
  id: string;
  studio_id: string;
  slug: string;
  title: string;
  access_code_hash: string;
  client_id: string | null;
  status: GalleryStatus;
  settings: string;
  delivery_methods: string;
  expires_at: number | null;
}

export async function findGalleryBySlug(db: Db, slug: string): Promise<GalleryRow | undefined> {
  return db.selectFrom('galleries').select(galleryColumns).where('slug', '=', slug).executeTakeFirst();
}

export async function findGalleryById(db: Db, id: string): Promise<GalleryRow | undefined> {
  return db.selectFrom('galleries').select(galleryColumns).where('id', '=', id).executeTakeFirst();
}

/** A gallery of this studio, or 404: another studio's gallery is "not found", never "forbidden". */
export async function loadStudioGallery(db: Db, studioId: string, galleryId: string): Promise<GalleryRow> {
  const gallery = await findGalleryById(db, galleryId);
  if (!gallery || gallery.studio_id !== studioId) {
    throw new ApiError(
      'not_found',
      `There is no gallery "${galleryId}" in this studio account. Create it first with PUT /v1/galleries/:galleryId.`,
    );
  }
  return gallery;
}

export function gallerySettings(gallery: Pick<GalleryRow, 'settings'>): GallerySettings {
  return JSON.parse(gallery.settings) as GallerySettings;
}

export function galleryDeliveryMethods(gallery: Pick<GalleryRow, 'delivery_methods'>): DeliveryMethod[] {
  return JSON.parse(gallery.delivery_methods) as DeliveryMethod[];
}
