// What can happen to a retouch task, as one zod discriminated union on `type`. Every event says
// who did it (actor: device id, person's name, optionally the device's name) and when (`at`,
// ISO-8601 UTC, stamped by the server: its clock decides whether a lease has expired).
import { z } from 'zod';

const id = z.string().min(1).max(100);
const utc = z.iso.datetime({ message: 'an ISO-8601 UTC time such as 2026-03-04T10:00:00.000Z' });
const text = (what: string) => z.string().trim().min(1, what).max(4000);

export const taskActorSchema = z.object({
  /** The device the event came from; a lease is held by a person on one device. */
  deviceId: id,
  /** Who, as a person would say it ("Anna"). */
  name: z.string().trim().min(1).max(200),
  /** The device as people call it ("Studio iMac"), for sentences; optional. */
  deviceName: z.string().trim().min(1).max(200).optional(),
});
export type TaskActor = z.infer<typeof taskActorSchema>;

export const taskSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('order_photo'), orderId: id, photoId: id, instructions: text('Say what to retouch') }),
  z.object({ kind: z.literal('by_hand'), brief: text('Write a short brief') }),
]);
export type TaskSource = z.infer<typeof taskSourceSchema>;

const base = { actor: taskActorSchema, at: utc };
/** When the lease ends; after `at`, at most maxLeaseHours later (checked by the machine). */
const lease = { expiresAt: utc };

export const taskEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('create'), ...base, taskId: id, source: taskSourceSchema }),
  z.object({ type: z.literal('claim'), ...base, ...lease }),
  z.object({ type: z.literal('renew'), ...base, ...lease }),
  z.object({ type: z.literal('release'), ...base }),
  z.object({
    type: z.literal('submit'),
    ...base,
    /** The submitted version file's SHA-256, lowercase hex. */
    versionSha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lowercase hex digits'),
  }),
  z.object({ type: z.literal('approve'), ...base, comment: z.string().trim().max(4000).optional() }),
  z.object({
    type: z.literal('reject'),
    ...base,
    /** How many markups the reviewer drew on the version; a rejection needs at least one, or a comment. */
    markupCount: z.number().int().nonnegative(),
    comment: z.string().trim().max(4000).optional(),
  }),
  z.object({ type: z.literal('resume'), ...base, ...lease }),
]);
export type TaskEvent = z.infer<typeof taskEventSchema>;
export type TaskEventType = TaskEvent['type'];
export type TaskEventOf<T extends TaskEventType> = Extract<TaskEvent, { type: T }>;
export const taskEventTypes = [
  'create',
  'claim',
  'renew',
  'release',
  'submit',
  'approve',
  'reject',
  'resume',
] as const satisfies readonly TaskEventType[];

export const taskEventLabels: Record<TaskEventType, string> = {
  create: 'Create task',
  claim: 'Claim',
  renew: 'Keep working',
  release: 'Release',
  submit: 'Submit for review',
  approve: 'Approve',
  reject: 'Send back',
  resume: 'Resume',
};

export function taskEventLabelKey(type: TaskEventType): string {
  return `retouch.action.${type}`;
}
