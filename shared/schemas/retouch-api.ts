// The retouch queue on the hosted API (issue 7): tasks live on the server, which alone stamps the
// time of every event, so its clock decides leases and two laptops can never both hold a task.
// Claim/renew need a connection (the answer is the lease); submit, approve, reject and release
// may wait in a laptop's outbox (the holder works offline; the review result syncs later).
// Every task change is in the change feed as `retouch.task.updated` with the whole task view,
// so each laptop keeps a copy for offline work.
import { z } from 'zod';
import { markupListSchema } from '../retouch/markup';
import { retouchTaskSchema, taskTransitionSchema } from '../retouch/task-machine';

const id = z.string().min(1).max(100);
const sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'a SHA-256 in lowercase hex');
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', 'a file name without folders');
const size = z
  .number()
  .int()
  .positive()
  .max(2 * 1024 * 1024 * 1024);

export const retouchRoutes = {
  // Studio (device token; every POST/PUT/PATCH carries Idempotency-Key).
  listTasks: 'GET /v1/retouch/tasks?orderId=<id> (every task of the studio, or of one order)',
  getTask: 'GET /v1/retouch/tasks/:taskId',
  createTask: 'POST /v1/retouch/tasks (by hand, from any photo, with a brief)',
  planTask: 'PATCH /v1/retouch/tasks/:taskId (priority, due date)',
  taskEvent: 'POST /v1/retouch/tasks/:taskId/events (claim, renew, release, submit, approve, reject, resume)',
  putOriginal: 'PUT /v1/retouch/photos/:photoId/original (the original is uploaded: sha256 through /v1/uploads)',
  getFile: 'GET /v1/retouch/files/:sha256 (an original or a version the studio uploaded; Range)',
  originalsZip: 'GET /v1/retouch/originals.zip?tasks=<id>,<id>… (the batch as one zip, STORE)',
} as const;

export const retouchPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type RetouchPriority = (typeof retouchPriorities)[number];

/** The photo a task is about, as the server knows it (a laptop may not hold the photo itself). */
export const retouchPhotoSchema = z.object({
  photoId: id,
  /** The original's file name, e.g. IMG_0412.CR3 (what edited files are matched against). */
  name: fileName,
  galleryId: id.nullable(),
  orderId: id.nullable(),
  orderNumber: z.string().nullable(),
  /** The original on the hosted storage, once the laptop that holds it has uploaded it. */
  original: z.object({ sha256, name: fileName, size }).nullable(),
});
export type RetouchPhoto = z.infer<typeof retouchPhotoSchema>;

/** A submitted version file (round n), uploaded through /v1/uploads before the submit event. */
export const retouchVersionFileSchema = z.object({
  round: z.number().int().positive(),
  sha256,
  name: fileName,
  size,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type RetouchVersionFile = z.infer<typeof retouchVersionFileSchema>;

/** Everything a laptop needs to show and work on a task, in answers and in the feed. */
export const retouchTaskViewSchema = z.object({
  task: retouchTaskSchema,
  photo: retouchPhotoSchema,
  priority: z.enum(retouchPriorities),
  dueAt: z.iso.datetime().nullable(),
  /** One per submitted round, in round order. */
  versions: z.array(retouchVersionFileSchema),
  /** The reviewer's markup per rejected round (round number as the key, '1', '2' …). */
  markups: z.record(z.string(), markupListSchema),
  history: z.array(taskTransitionSchema),
  /** Grows with every change of the task: a laptop keeps the highest it has seen. */
  revision: z.number().int().positive(),
});
export type RetouchTaskView = z.infer<typeof retouchTaskViewSchema>;

/** POST /v1/retouch/tasks: a task made by hand. The id is the laptop's (uuidv7), so a replay is the same task. */
export const createTaskBody = z
  .object({
    taskId: id,
    photoId: id,
    name: fileName,
    galleryId: id.nullable().default(null),
    brief: z.string().trim().min(1, 'Write a short brief: what should the retoucher do?').max(4000),
    priority: z.enum(retouchPriorities).default('normal'),
    dueAt: z.iso.datetime().nullable().default(null),
    /** Who is asking, as a person (the device comes from the token). */
    by: z.string().trim().min(1).max(200),
  })
  .strict();

/** PATCH /v1/retouch/tasks/:taskId */
export const planTaskBody = z
  .object({ priority: z.enum(retouchPriorities).optional(), dueAt: z.iso.datetime().nullable().optional() })
  .strict()
  .refine((b) => b.priority !== undefined || b.dueAt !== undefined, 'Change the priority, the due date or both');

/** A lease asked for, in minutes from the server's now (the server computes expiresAt; at most 12 h). */
const leaseMinutes = z
  .number()
  .int()
  .min(5)
  .max(12 * 60);
const by = z.string().trim().min(1).max(200);

/** POST /v1/retouch/tasks/:taskId/events: actor and time are the server's (device from the token, `by` its person). */
export const taskEventBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('claim'), by, leaseMinutes }).strict(),
  z.object({ type: z.literal('renew'), by, leaseMinutes }).strict(),
  z.object({ type: z.literal('release'), by }).strict(),
  z.object({ type: z.literal('resume'), by, leaseMinutes }).strict(),
  z
    .object({
      type: z.literal('submit'),
      by,
      /** The version file, already uploaded; 409 when the server does not have it. */
      version: retouchVersionFileSchema.omit({ round: true }),
    })
    .strict(),
  z.object({ type: z.literal('approve'), by, comment: z.string().trim().max(4000).optional() }).strict(),
  z
    .object({
      type: z.literal('reject'),
      by,
      markups: markupListSchema,
      comment: z.string().trim().max(4000).optional(),
    })
    .strict(),
]);
export type TaskEventBody = z.infer<typeof taskEventBody>;

/** PUT /v1/retouch/photos/:photoId/original: the file is uploaded (by sha256); every task of the photo gets it. */
export const putOriginalBody = z.object({ sha256, name: fileName, size }).strict();

/** GET /v1/retouch/tasks answers { tasks } newest first; the other task routes answer one view. */
export const taskListResponse = z.object({ tasks: z.array(retouchTaskViewSchema) });

/**
 * Refusals answer 409 `{ error: { code: 'conflict', message: <the machine's sentence>, refusal, reasonKey } }`,
 * and for a claim refused because someone holds the task, `task` (the view) so the laptop can show who.
 */
export const retouchChangeType = 'retouch.task.updated' as const;
/** The feed's payload of `retouch.task.updated`: the whole view and the device that changed it ('server' for the system). */
export const retouchTaskUpdatedPayload = z.object({
  view: retouchTaskViewSchema,
  by: z.object({ deviceId: z.string(), deviceName: z.string() }),
});
