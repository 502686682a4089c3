// The hosted API between the studio app (main/services/sync), the server (server/) and the
// client gallery page: one set of zod schemas, so the three never disagree. Paths are listed in
// `hostedRoutes`. Money is integer minor units + ISO currency; times are ISO-8601 UTC strings.
import { z } from 'zod';
import { orderFlowStates } from '../orders/order-states';
import { colorLabels, pickValues } from './photos';
import { languages } from './prefs';

export const hostedRoutes = {
  // Studio (Authorization: Bearer <device token>); every POST/PUT/PATCH carries Idempotency-Key.
  upsertClient: 'PUT /v1/clients/:clientId',
  putGallery: 'PUT /v1/galleries/:galleryId',
  publishGallery: 'POST /v1/galleries/:galleryId/publish',
  unpublishGallery: 'POST /v1/galleries/:galleryId/unpublish',
  regenerateCode: 'POST /v1/galleries/:galleryId/code',
  startUpload: 'POST /v1/uploads',
  putChunk: 'PUT /v1/uploads/:uploadId?offset=N (application/octet-stream)',
  finishUpload: 'POST /v1/uploads/:uploadId/finish',
  changes: 'GET /v1/changes?after=<cursor>&limit=<n>',
  // Client (session from POST /v1/galleries/:slug/access; Bearer header or the HttpOnly cookie
  // `pd_client` it also sets, so <img> tags work).
  clientGallery: 'GET /v1/client/gallery',
  clientProof: 'GET /v1/client/photos/:photoId/proof',
  clientFavourites: 'GET|PUT|DELETE /v1/client/favourites[/:photoId]',
  clientBasket: 'GET|PUT|DELETE /v1/client/basket[/:photoId]',
  clientOrders: 'POST /v1/client/orders, GET /v1/client/orders/:orderId',
  galleryPage: 'GET /g/:slug (the client gallery web page)',
  // Added with the server implementation (additive; shapes at the end of this file).
  galleryAccess: 'POST /v1/galleries/:slug/access',
  clientOrderList: 'GET /v1/client/orders',
  galleryPageAssets: 'GET /g/assets/* (static files of the gallery web page)',
  // Studio devices share one account: what one device changes reaches the others through the feed.
  putPhotoFlags: 'PUT /v1/galleries/:galleryId/photos/:photoId/flags',
} as const;

const id = z.string().min(1).max(100);
const sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'a SHA-256 in lowercase hex');
const money = z.number().int().nonnegative();
const currency = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as PLN or EUR');

export const clientContactSchema = z.object({
  name: z.string().trim().min(1, 'Enter the client’s name').max(200),
  email: z.email('Enter a valid e-mail address'),
  phone: z.string().trim().max(40).nullable().default(null),
  language: z.enum(languages).default('en'),
});
export type ClientContact = z.infer<typeof clientContactSchema>;

export const deliveryKinds = ['digital_full', 'digital_web', 'print'] as const;
export const deliveryMethodSchema = z.object({
  id,
  kind: z.enum(deliveryKinds),
  label: z.string().trim().min(1).max(120),
  priceMinor: money,
  currency,
  /** VAT rate in basis points (23 % = 2300), so it stays an integer. */
  vatRateBp: z.number().int().min(0).max(10_000),
  pricing: z.enum(['per_photo', 'package']),
});
export type DeliveryMethod = z.infer<typeof deliveryMethodSchema>;

export const gallerySettingsSchema = z.object({
  expiresAt: z.iso.datetime().nullable(),
  allowWebDownloads: z.boolean(),
  watermark: z.boolean(),
  manualValidation: z.boolean(),
  retouchBeforeDelivery: z.boolean(),
  autoSendDownloadLinks: z.boolean(),
  /** Right-click/long-press deterrent on proofs; honestly only a deterrent. */
  saveDeterrent: z.boolean(),
});
export type GallerySettings = z.infer<typeof gallerySettingsSchema>;

export const galleryPhotoSchema = z.object({
  /** The catalog photo id (stable across renames), so orders point back at the studio's photo. */
  id,
  name: z.string().min(1).max(255),
  /** SHA-256 of the uploaded proof (watermarked when the gallery asks for it). */
  proofSha256: sha256,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

export const putGalleryBody = z.object({
  clientId: id,
  title: z.string().trim().min(1).max(200),
  settings: gallerySettingsSchema,
  deliveryMethods: z.array(deliveryMethodSchema).min(1, 'Offer at least one delivery method').max(20),
  photos: z.array(galleryPhotoSchema).min(1, 'A gallery needs at least one photo').max(20_000),
});
export type PutGalleryBody = z.infer<typeof putGalleryBody>;

export const galleryStatus = z.enum(['draft', 'published', 'unpublished']);
export const putGalleryResponse = z.object({
  id,
  slug: z.string(),
  status: galleryStatus,
  /** Shown once: when the gallery is first created or the code is regenerated. */
  accessCode: z.string().nullable(),
  /** Proofs the server does not have yet: upload them, then publish. */
  missingProofs: z.array(sha256),
});

export const startUploadBody = z.object({
  sha256,
  size: z
    .number()
    .int()
    .positive()
    .max(200 * 1024 * 1024),
});
export const uploadStateSchema = z.object({
  uploadId: z.string(),
  /** Bytes the server already holds: resume from here. */
  received: z.number().int().nonnegative(),
  /** True when the server already had this content (deduplicated): nothing to send. */
  complete: z.boolean(),
});

/** What clients do in their galleries: the studio's activity timeline. */
export const clientChangeTypes = [
  'gallery.viewed',
  'favourite.added',
  'favourite.removed',
  'basket.added',
  'basket.removed',
  'order.placed',
  /** Any later change of an order (a studio action, a card payment, a corrected contact, a failed e-mail): payload { order } as for order.placed. */
  'order.updated',
  /** The client downloaded delivered files: payload { orderId, what } (a file name or 'zip:full'). */
  'order.downloaded',
] as const;
/** What studio devices did (payload shapes below), so every laptop of the studio converges. */
export const studioChangeTypes = [
  'client.updated',
  'gallery.updated',
  'photo.flagged',
  /** A retouch task changed (issue 7): payload retouch-api retouchTaskUpdatedPayload; galleryId '' when the task has none. */
  'retouch.task.updated',
] as const;
export const changeTypes = [...clientChangeTypes, ...studioChangeTypes] as const;
export const changeSchema = z.object({
  seq: z.number().int().positive(),
  type: z.enum(changeTypes),
  /** Empty for a change that belongs to no gallery (client.updated). */
  galleryId: z.string().max(100),
  at: z.iso.datetime(),
  /** photoId for favourites/basket; { order } (the studio's view of it, orders-api studioOrderSchema) for order.*. */
  payload: z.record(z.string(), z.unknown()),
});
export type Change = z.infer<typeof changeSchema>;
export const changesResponse = z.object({ changes: z.array(changeSchema), cursor: z.number().int().nonnegative(), more: z.boolean() });

export const clientGalleryResponse = z.object({
  title: z.string(),
  studioName: z.string(),
  language: z.enum(languages),
  settings: gallerySettingsSchema.pick({ allowWebDownloads: true, saveDeterrent: true, expiresAt: true }),
  deliveryMethods: z.array(deliveryMethodSchema),
  photos: z.array(galleryPhotoSchema.omit({ proofSha256: true })),
});

export const placeOrderBody = z.object({
  deliveryMethodId: id,
  photoIds: z.array(id).min(1, 'Put at least one photo in the basket').max(20_000),
  contact: clientContactSchema.pick({ name: true, email: true, phone: true }),
  note: z.string().trim().max(2000).default(''),
});
/** Every state of shared/orders' state machine. */
export const orderStates = orderFlowStates;
export const orderSchema = z.object({
  id,
  number: z.string(),
  galleryId: id,
  state: z.enum(orderStates),
  placedAt: z.iso.datetime(),
  deliveryMethod: deliveryMethodSchema,
  photoIds: z.array(id),
  contact: clientContactSchema.pick({ name: true, email: true, phone: true }),
  note: z.string(),
  totalMinor: money,
  vatMinor: money,
  currency,
  /**
   * Client answers only (POST/GET /v1/client/orders…): the studio's payment instructions while
   * the order is awaiting payment (null when it is not, or the studio wrote none), and whether the
   * "Pay by card" button may be offered (card payments on, awaiting payment). Added with issue 6.
   */
  paymentInstructions: z.string().nullable().optional(),
  canPayByCard: z.boolean().optional(),
});
export type Order = z.infer<typeof orderSchema>;

// ---------------------------------------------------------------------------------------
// Added with the server implementation (additive): shapes the routes above use that were not
// spelled out yet. Error bodies are always { error: { code, message, ... } }.

/** PUT /v1/clients/:clientId answers with the stored client. */
export const upsertClientResponse = clientContactSchema.extend({ id });

/**
 * publish, unpublish and POST …/code answer with the gallery's state in the putGalleryResponse
 * shape; `accessCode` is set only by POST …/code (the new code, shown once; the old one and
 * every open client session stop working).
 */
export const galleryStateResponse = putGalleryResponse;

/** POST …/publish while proofs are missing: 409 with the list, so the studio can upload them. */
export const publishBlockedError = z.object({
  error: z.object({ code: z.literal('conflict'), message: z.string(), missingProofs: z.array(sha256) }),
});

/** PUT /v1/uploads/:uploadId?offset=N: the chunk limit (application/octet-stream body). */
export const UPLOAD_CHUNK_MAX_BYTES = 8 * 1024 * 1024;
/** A chunk at the wrong offset (or finish before every byte arrived): 409, resume from expectedOffset. */
export const uploadOffsetError = z.object({
  error: z.object({ code: z.literal('conflict'), message: z.string(), expectedOffset: z.number().int().nonnegative() }),
});

/** GET /v1/changes: `after` defaults to 0 (from the start), `limit` to 100 (at most 1000). */
export const changesQuery = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** POST /v1/galleries/:slug/access {code}: also sets the HttpOnly cookie pd_client (Path=/v1/client). */
export const galleryAccessBody = z.object({ code: z.string() });
export const galleryAccessResponse = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  gallery: z.object({ slug: z.string(), title: z.string() }),
});

/**
 * Favourites and basket: GET /v1/client/{favourites|basket}, PUT and DELETE …/:photoId, and
 * DELETE /v1/client/{favourites|basket} to empty the list. Every call answers with the whole
 * list (in the order added) and its count.
 */
export const clientSelectionResponse = z.object({ photoIds: z.array(id), count: z.number().int().nonnegative() });

/** GET /v1/client/orders: this gallery's orders, newest first. POST and GET …/:orderId answer with one orderSchema. */
export const clientOrdersResponse = z.object({ orders: z.array(orderSchema) });

// ---------------------------------------------------------------------------------------
// Studio devices in the change feed (issue 5 point 5: several laptops, one studio account).
// Every studio-route change that other devices must see is recorded in the feed in the same
// transaction, with the device that made it, so a device can say "unpublished on Studio iMac".

export const changeActorSchema = z.object({ deviceId: z.string(), deviceName: z.string() });
export type ChangeActor = z.infer<typeof changeActorSchema>;

/** client.updated (galleryId ''): after PUT /v1/clients/:clientId. */
export const clientUpdatedPayload = z.object({ client: upsertClientResponse, by: changeActorSchema });

export const galleryActions = ['saved', 'published', 'unpublished', 'code_regenerated'] as const;
/**
 * gallery.updated: after PUT /v1/galleries/:id (action 'saved'), publish, unpublish and a new
 * code. The whole gallery as the server now has it (never the access code: only its hash is kept).
 */
export const galleryUpdatedPayload = z.object({
  action: z.enum(galleryActions),
  gallery: z.object({
    id,
    slug: z.string(),
    status: galleryStatus,
    title: z.string(),
    client: upsertClientResponse,
    settings: gallerySettingsSchema,
    deliveryMethods: z.array(deliveryMethodSchema),
    photos: z.array(galleryPhotoSchema),
  }),
  by: changeActorSchema,
});
export type GalleryUpdatedPayload = z.infer<typeof galleryUpdatedPayload>;

/** PUT /v1/galleries/:galleryId/photos/:photoId/flags: the studio's rating, pick and label of a gallery photo. */
export const photoFlagsBody = z
  .object({
    rating: z.number().int().min(0).max(5),
    pick: z.enum(pickValues),
    colorLabel: z.enum(colorLabels).nullable(),
  })
  .strict();
/** The answer of the flags route, and the photo.flagged payload: the flags the server now holds (last write wins). */
export const photoFlaggedPayload = photoFlagsBody.extend({ photoId: id, by: changeActorSchema });
