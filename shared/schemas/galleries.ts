// The studio's side of clients and published galleries (issue 5 points 3 and 6, seed 004): what
// the renderer sends to publish, and what it shows on a client's page. The wire shapes of the
// hosted API itself live in hosted-api.ts; these reuse its pieces so the two never disagree.
import { z } from 'zod';
import { clientContactSchema, deliveryMethodSchema, gallerySettingsSchema } from './hosted-api';

/** The client activity a gallery's timeline shows (the studio's own changes are left out). */
export { clientChangeTypes as timelineTypes } from './hosted-api';

const id = z.string().min(1).max(100);

export const clientSchema = clientContactSchema.extend({ id, createdAt: z.string(), updatedAt: z.string() });
export type StudioClient = z.infer<typeof clientSchema>;

export const saveClientInput = clientContactSchema.extend({ id: id.optional() }).strict();
export type SaveClientInput = z.input<typeof saveClientInput>;

export const clientSummarySchema = clientSchema.extend({
  galleryCount: z.number().int().nonnegative(),
  /** Galleries nobody has opened yet (the yellow banner of seed 004). */
  notViewedCount: z.number().int().nonnegative(),
  orderCount: z.number().int().nonnegative(),
  basketCount: z.number().int().nonnegative(),
  lastActivityAt: z.string().nullable(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

/** Which photos of the shoot go into the gallery. */
export const photoSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('picks') }).strict(),
  z.object({ kind: z.literal('selected'), photoIds: z.array(id).min(1, 'Select at least one photo').max(20_000) }).strict(),
]);
export type PhotoSelection = z.infer<typeof photoSelectionSchema>;

export const publishInput = z
  .object({
    shootId: id,
    /** An existing client, or the contact of a new one (created with the gallery). */
    client: z.union([z.object({ id }).strict(), clientContactSchema.strict()]),
    title: z.string().trim().min(1, 'Give the gallery a title, e.g. “Nowak wedding”').max(200),
    selection: photoSelectionSchema,
    settings: gallerySettingsSchema,
    deliveryMethods: z.array(deliveryMethodSchema).min(1, 'Offer at least one delivery method').max(20),
    /** The watermark text when settings.watermark is on, e.g. "© Studio Nowak". */
    watermarkText: z.string().trim().max(80).default(''),
  })
  .strict();
export type PublishInput = z.input<typeof publishInput>;

/**
 * draft: being prepared on this computer (proofs made, nothing queued yet)
 * sending: queued for the hosted service (works offline; goes out on the next sync)
 * published / unpublished: confirmed by the server
 * failed: the server refused it for good (`problem` says why); cancelled: stopped by the user
 */
export const galleryStates = ['draft', 'sending', 'published', 'unpublished', 'failed', 'cancelled'] as const;
export type GalleryState = (typeof galleryStates)[number];

const thumbRef = z.object({ relPath: z.string(), width: z.number().int(), height: z.number().int() }).nullable();

export const galleryPhotoViewSchema = z.object({ photoId: id, name: z.string(), thumb: thumbRef, addedAt: z.string() });
export type GalleryPhotoView = z.infer<typeof galleryPhotoViewSchema>;

export const galleryOrderViewSchema = z.object({
  id,
  number: z.string(),
  state: z.string(),
  placedAt: z.string(),
  photoCount: z.number().int().nonnegative(),
  deliveryLabel: z.string(),
  totalMinor: z.number().int().nonnegative(),
  currency: z.string(),
  contactName: z.string(),
  note: z.string(),
  photos: z.array(galleryPhotoViewSchema.omit({ addedAt: true })),
});
export type GalleryOrderView = z.infer<typeof galleryOrderViewSchema>;

export const timelineEntrySchema = z.object({
  seq: z.number().int(),
  type: z.string(),
  at: z.string(),
  photoName: z.string().nullable(),
  orderNumber: z.string().nullable(),
});

export const uploadProgressSchema = z.object({
  /** Outbox rows of this gallery still waiting (uploads, the gallery, publish…). */
  pendingChanges: z.number().int().nonnegative(),
  sentBytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
});

export const gallerySummarySchema = z.object({
  id,
  clientId: id,
  shootId: id.nullable(),
  title: z.string(),
  state: z.enum(galleryStates),
  problem: z.string().nullable(),
  photoCount: z.number().int().nonnegative(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** The client's address of the gallery, once the server has given it a slug. */
  link: z.string().nullable(),
  /** Known only on the computer that published (or regenerated) it: the server shows it once. */
  accessCode: z.string().nullable(),
  firstViewedAt: z.string().nullable(),
  lastViewedAt: z.string().nullable(),
  viewCount: z.number().int().nonnegative(),
  favouriteCount: z.number().int().nonnegative(),
  basketCount: z.number().int().nonnegative(),
  orderCount: z.number().int().nonnegative(),
  upload: uploadProgressSchema,
});
export type GallerySummary = z.infer<typeof gallerySummarySchema>;

export const galleryDetailSchema = gallerySummarySchema.extend({
  settings: gallerySettingsSchema,
  deliveryMethods: z.array(deliveryMethodSchema),
  favourites: z.array(galleryPhotoViewSchema),
  basket: z.array(galleryPhotoViewSchema),
  orders: z.array(galleryOrderViewSchema),
  timeline: z.array(timelineEntrySchema),
});
export type GalleryDetail = z.infer<typeof galleryDetailSchema>;

export const clientDetailSchema = z.object({ client: clientSchema, galleries: z.array(gallerySummarySchema) });
export type ClientDetail = z.infer<typeof clientDetailSchema>;

export const galleryIdInput = z.object({ galleryId: id }).strict();
export const extendExpiryInput = z.object({ galleryId: id, expiresAt: z.iso.datetime().nullable() }).strict();

/** Sent when client activity or a gallery's state changed, so open pages refresh. */
export const galleryChangedSchema = z.object({
  galleryId: id,
  clientId: id.nullable(),
  kind: z.enum(['state', 'views', 'favourites', 'basket', 'orders', 'upload', 'other']),
});
