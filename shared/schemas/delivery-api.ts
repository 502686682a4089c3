// Delivery of edited files to a client (issue 6 point 5, seed 004 "Photo delivery"): the studio
// uploads the files of an order's 'full resolution' and/or 'web version' sets (chunked,
// resumable, by sha256 through /v1/uploads), states the set with PUT …/delivery, then sends the
// `deliver` order event. The client downloads single files or one zip from a signed link that
// expires and can be renewed; the studio sees when they downloaded.
import { z } from 'zod';

const id = z.string().min(1).max(100);
const sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'a SHA-256 in lowercase hex');

export const deliveryRoutes = {
  // Studio (device token, Idempotency-Key).
  putDelivery: 'PUT /v1/orders/:orderId/delivery',
  renewLink: 'POST /v1/orders/:orderId/delivery/link',
  // The client's download page and files: the signed token is the only credential.
  downloadPage: 'GET /d/:token',
  downloadList: 'GET /v1/downloads/:token',
  downloadFile: 'GET /v1/downloads/:token/files/:fileId',
  downloadZip: 'GET /v1/downloads/:token/zip?set=full|web',
} as const;

export const deliverySets = ['full', 'web'] as const;
export type DeliverySet = (typeof deliverySets)[number];

export const deliveryFileSchema = z.object({
  /** The ordered photo this file delivers (the catalog photo id the order lists). */
  photoId: id,
  set: z.enum(deliverySets),
  /** The file name the client gets, e.g. IMG_0412.jpg (unique within a set). */
  name: z
    .string()
    .min(1)
    .max(255)
    .refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', 'a file name without folders'),
  sha256,
  size: z
    .number()
    .int()
    .positive()
    .max(2 * 1024 * 1024 * 1024),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type DeliveryFile = z.infer<typeof deliveryFileSchema>;

/** PUT /v1/orders/:orderId/delivery: replaces the order's delivery set (every file already uploaded). */
export const putDeliveryBody = z.object({ files: z.array(deliveryFileSchema).min(1, 'Add at least one file').max(40_000) }).strict();

/** What the studio sees of a delivery (in the order's studio view as `delivery`). */
export const deliveryStateSchema = z.object({
  files: z.array(deliveryFileSchema.extend({ fileId: id })),
  /** The client's download page, e.g. https://host/d/<token>; null until delivered. */
  link: z.string().nullable(),
  linkExpiresAt: z.iso.datetime().nullable(),
  /** When the client downloaded, newest first (what: a file name or 'zip:full'). */
  downloads: z.array(z.object({ at: z.iso.datetime(), what: z.string() })),
});
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

/** POST …/delivery/link: a new link (the old one stops working) valid for `days` (default 30). */
export const renewLinkBody = z.object({ days: z.number().int().min(1).max(365).default(30) }).strict();

/** GET /v1/downloads/:token: what the download page lists. */
export const downloadListResponse = z.object({
  studioName: z.string(),
  galleryTitle: z.string(),
  orderNumber: z.string(),
  language: z.enum(['en', 'pl']),
  expiresAt: z.iso.datetime(),
  sets: z.array(
    z.object({
      set: z.enum(deliverySets),
      files: z.array(z.object({ fileId: id, name: z.string(), size: z.number().int(), width: z.number().int(), height: z.number().int() })),
      totalBytes: z.number().int(),
    }),
  ),
});
