// Delivery by drag and drop as the renderer sees it (issue 6 point 5): the preview of what was
// dropped (shared/delivery's DeliveryMatch, rows as the matcher makes them), then the plan the
// user confirmed (pairs and sets), and the delivery's progress.
import { z } from 'zod';
import { deliverySets } from './delivery-api';

const id = z.string().min(1).max(100);
const text = { key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), reason: z.string() };
const photoRef = z.object({ photoId: id, name: z.string(), stem: z.string(), folder: z.string().nullable(), position: z.number().int() });
const fileRef = z.object({ path: z.string(), name: z.string(), size: z.number().nullable() });

export const deliveryRowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('matched'), ...text, photo: photoRef, file: fileRef, via: z.string(), suffix: z.string() }),
  z.object({
    kind: z.literal('extra'),
    ...text,
    file: fileRef,
    stem: z.string(),
    hint: z.object({ photoId: id, name: z.string(), stem: z.string(), distance: z.number() }).nullable(),
  }),
  z.object({ kind: z.literal('missing'), ...text, photo: photoRef }),
  z.object({
    kind: z.literal('ambiguous'),
    ...text,
    group: z.string(),
    photos: z.array(photoRef).readonly(),
    files: z
      .array(z.object({ file: fileRef, candidates: z.array(id).readonly(), suffix: z.string(), tier: z.enum(['strict', 'loose']) }))
      .readonly(),
  }),
]);

export const deliveryPreviewSchema = z.object({
  rows: z.array(deliveryRowSchema).readonly(),
  ignored: z.array(z.object({ ...text, file: fileRef, why: z.string() })).readonly(),
  summary: z.object({
    matched: z.number().int(),
    extra: z.number().int(),
    missing: z.number().int(),
    ambiguous: z.number().int(),
    ignored: z.number().int(),
  }),
});

export const deliveryPreviewInput = z
  .object({ orderId: id, paths: z.array(z.string().min(1)).min(1, 'Drop a folder or files of edited photos').max(50_000) })
  .strict();

export const deliveryPrepareInput = z
  .object({
    orderId: id,
    pairs: z.array(z.object({ photoId: id, path: z.string().min(1) }).strict()).max(20_000),
    sets: z.array(z.enum(deliverySets)).max(2),
  })
  .strict();

export const deliveryProgressSchema = z.object({
  files: z.number().int().nonnegative(),
  pendingChanges: z.number().int().nonnegative(),
  sentBytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
});
