// Shoots (watched folders) and their import progress, as the renderer sees them.
import { z } from 'zod';

export const shootKinds = ['shoot', 'root'] as const;

export const shootProgressSchema = z.object({
  shootId: z.string(),
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  ready: z.number().int().nonnegative(),
  needsAttention: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  imagesPerSecond: z.number().nonnegative(),
  etaSeconds: z.number().int().nonnegative().nullable(),
  paused: z.boolean(),
  status: z.enum(['online', 'offline']),
});
export type ShootProgress = z.infer<typeof shootProgressSchema>;

export const shootSchema = z.object({
  id: z.string(),
  path: z.string(),
  name: z.string(),
  kind: z.enum(shootKinds),
  status: z.enum(['online', 'offline']),
  addedAt: z.string(),
  lastScanAt: z.string().nullable(),
  progress: shootProgressSchema,
});
export type ShootSummary = z.infer<typeof shootSchema>;

export const addShootInput = z.object({
  path: z
    .string()
    .trim()
    .min(1, 'Enter the folder of the shoot')
    .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), {
      message: 'Enter the full path of the folder (for example /Volumes/CARD/DCIM or D:\\Shoots\\Wedding)',
    }),
  kind: z.enum(shootKinds).default('shoot'),
});

export const shootIdInput = z.object({ shootId: z.string().min(1) }).strict();
