// The studio's sync with the hosted service, as the offline indicator and Settings see it.
import { z } from 'zod';

export const syncStatusSchema = z.object({
  serverUrl: z.string().nullable(),
  paired: z.boolean(),
  online: z.boolean(),
  syncing: z.boolean(),
  pendingCount: z.number().int().nonnegative(),
  rejectedCount: z.number().int().nonnegative(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  revoked: z.boolean(),
  secretsNotice: z.string().nullable(),
});
export type SyncStatusView = z.infer<typeof syncStatusSchema>;

export const pairInput = z
  .object({
    code: z.string().trim().min(4, 'Enter the pairing code from the hosted service').max(64),
    deviceName: z.string().trim().min(1, 'Name this computer, e.g. "Studio MacBook"').max(100),
  })
  .strict();
