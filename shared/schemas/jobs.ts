// Long work (import, upload, export) answers with a job id at once and reports through this event.
import { z } from 'zod';

export const jobStates = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

export const jobProgressSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  state: z.enum(jobStates),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  label: z.string().optional(),
  error: z.string().optional(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;
