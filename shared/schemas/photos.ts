// Photos as the grid, the loupe and culling see them.
import { z } from 'zod';

export const photoStatuses = ['importing', 'ready', 'needs_attention', 'missing'] as const;
export const pickValues = ['none', 'pick', 'reject'] as const;
// The five labels Lightroom, Capture One and Photo Mechanic can all round-trip through XMP.
export const colorLabels = ['red', 'yellow', 'green', 'blue', 'purple'] as const;
export type ColorLabel = (typeof colorLabels)[number];
export type PickValue = (typeof pickValues)[number];

const variantRef = z.object({ relPath: z.string(), width: z.number().int(), height: z.number().int(), contentHash: z.string() });

export const photoGridItemSchema = z.object({
  id: z.string(),
  folder: z.string(),
  stem: z.string(),
  status: z.enum(photoStatuses),
  attentionReason: z.string().nullable(),
  captureTime: z.string().nullable(),
  rating: z.number().int().min(0).max(5),
  pick: z.enum(pickValues),
  colorLabel: z.enum(colorLabels).nullable(),
  thumb: variantRef.nullable(),
});
export type PhotoGridItem = z.infer<typeof photoGridItemSchema>;

export const photoFilterSchema = z
  .object({
    minRating: z.number().int().min(1).max(5).nullable().optional(),
    pick: z.enum(pickValues).nullable().optional(),
    label: z.enum(colorLabels).nullable().optional(),
    status: z.enum(photoStatuses).nullable().optional(),
  })
  .strict();
export type PhotoFilter = z.infer<typeof photoFilterSchema>;

export const photoListInput = z
  .object({
    shootId: z.string().min(1),
    filter: photoFilterSchema.default({}),
    sort: z.enum(['capture', 'name']).default('capture'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const photoListOutput = z.object({ items: z.array(photoGridItemSchema), total: z.number().int().nonnegative() });

export const photoDetailSchema = z.object({
  id: z.string(),
  stem: z.string(),
  folder: z.string(),
  status: z.enum(photoStatuses),
  attentionReason: z.string().nullable(),
  captureTime: z.string().nullable(),
  captureOffset: z.string().nullable(),
  files: z.array(z.object({ path: z.string(), role: z.string(), size: z.number() })),
  flags: z.object({ rating: z.number().int(), pick: z.enum(pickValues), colorLabel: z.enum(colorLabels).nullable() }),
  web: variantRef.nullable(),
  thumb: variantRef.nullable(),
  metadata: z
    .object({
      cameraMake: z.string().nullable(),
      cameraModel: z.string().nullable(),
      lens: z.string().nullable(),
      exposureTime: z.number().nullable(),
      aperture: z.number().nullable(),
      iso: z.number().nullable(),
      focalLength: z.number().nullable(),
      gpsLat: z.number().nullable(),
      gpsLon: z.number().nullable(),
      copyright: z.string().nullable(),
      creator: z.string().nullable(),
      keywords: z.array(z.string()),
    })
    .nullable(),
});
export type PhotoDetail = z.infer<typeof photoDetailSchema>;

export const setFlagsInput = z
  .object({
    photoIds: z.array(z.string().min(1)).min(1, 'Select at least one photo').max(10_000),
    rating: z.number().int().min(0).max(5).optional(),
    pick: z.enum(pickValues).optional(),
    colorLabel: z.enum(colorLabels).nullable().optional(),
  })
  .strict()
  .refine((v) => v.rating !== undefined || v.pick !== undefined || v.colorLabel !== undefined, {
    message: 'Say which flag to set: a rating, pick/reject or a colour label',
  });

export const photosChangedSchema = z.object({ shootId: z.string() });
export const noticeSchema = z.object({ message: z.string(), level: z.enum(['info', 'warning', 'error']) });
