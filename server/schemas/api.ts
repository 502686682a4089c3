// Request bodies and params of the hosted API. Only zod is imported, so these can move to
// shared/ unchanged once the studio's sync client (main/services/sync) needs them.
import { z } from 'zod';

const humanCode = z.string().trim().min(4, 'enter the whole code').max(64, 'this is longer than any code we issue');

export const pairDeviceBody = z.object({
  code: humanCode,
  deviceName: z.string().trim().min(1, 'give this device a name, e.g. "Studio MacBook"').max(100, 'use at most 100 characters'),
});

export const deviceIdParams = z.object({ deviceId: z.uuid('not a device id') });

export const galleryAccessParams = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'this gallery link is incomplete or mistyped'),
});

export const galleryAccessBody = z.object({ code: humanCode });

export const emptyBody = z.union([z.undefined(), z.null(), z.object({}).strict()]);

/** Idempotency keys: the outbox sends UUIDv7s; anything printable up to 255 characters is accepted. */
export const idempotencyKey = z.string().regex(/^[A-Za-z0-9._:-]{1,255}$/, 'use 1–255 letters, digits, ".", "_", ":" or "-"');

/** Ids chosen by the studio's catalog (clients, galleries, photos): the contract's id shape. */
const catalogId = z.string().min(1, 'an id is required').max(100, 'ids are at most 100 characters');

export const clientIdParams = z.object({ clientId: catalogId });
export const galleryIdParams = z.object({ galleryId: catalogId });
export const photoIdParams = z.object({ photoId: catalogId });
export const galleryPhotoParams = z.object({ galleryId: catalogId, photoId: catalogId });
export const orderIdParams = z.object({ orderId: catalogId });
export const uploadIdParams = z.object({ uploadId: z.uuid('not an upload id from POST /v1/uploads') });
export const chunkQuery = z.object({
  offset: z.coerce.number('give the byte offset of this chunk as ?offset=N').int().nonnegative(),
});
