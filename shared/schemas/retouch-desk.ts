// The retouch queue as the renderer sees it (issue 7): the queue with its filters and counts, one
// task with its images (prepared variants under /media/, never the originals), the drop-back of
// edited files (matched as delivery matches them), the review with markups, and the difference
// overlay. Calls are listed in shared/contract.ts under `retouch.*`.
import { z } from 'zod';
import { markupListSchema } from '../retouch/markup';
import { taskStateSchema } from '../retouch/task-states';
import { deliveryPreviewSchema } from './delivery-desk';
import { retouchPriorities, retouchTaskViewSchema } from './retouch-api';

const id = z.string().min(1).max(100);

export const retouchFilters = ['all', 'mine', 'unclaimed', 'in_review', 'rejected', 'due', 'approved'] as const;
export type RetouchFilter = (typeof retouchFilters)[number];

export const retouchListInput = z
  .object({
    filter: z.enum(retouchFilters).default('all'),
    search: z.string().trim().max(200).default(''),
    orderId: id.optional(),
  })
  .strict();

/** A prepared image of an original or a version: a screen-size JPEG at once, the full-size one for zoom ≥ 100 %. */
export const reviewImageSchema = z.object({
  sha256: z.string(),
  /** Paths under /media/ (the library's variants folder). */
  screen: z.string(),
  full: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type ReviewImage = z.infer<typeof reviewImageSchema>;

/** Where an image stands on this laptop: ready, being fetched/prepared, or not obtainable (and why). */
export const imageSlotSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ready'), image: reviewImageSchema }),
  z.object({ status: z.literal('preparing'), message: z.string() }),
  z.object({ status: z.literal('missing'), message: z.string() }),
]);
export type ImageSlot = z.infer<typeof imageSlotSchema>;

export const retouchRowSchema = z.object({
  taskId: id,
  photoName: z.string(),
  orderNumber: z.string().nullable(),
  state: taskStateSchema,
  round: z.number().int().nonnegative(),
  priority: z.enum(retouchPriorities),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Who holds it now (live lease), e.g. "Anna (Studio iMac)"; null when nobody does. */
  holder: z.string().nullable(),
  mine: z.boolean(),
  /** The instructions/brief, first line. */
  brief: z.string(),
  /** Changes of this task still waiting in the outbox. */
  pending: z.boolean(),
  thumb: z.string().nullable(),
});
export type RetouchRow = z.infer<typeof retouchRowSchema>;

export const retouchListOutput = z.object({
  rows: z.array(retouchRowSchema),
  counts: z.record(z.enum(retouchFilters), z.number().int().nonnegative()),
  /** The person this laptop acts as (Settings), for "mine". */
  me: z.string(),
});

export const retouchActionSchema = z.object({
  action: z.enum(['claim', 'renew', 'release', 'submit', 'approve', 'reject', 'resume']),
  allowed: z.boolean(),
  /** Why not, when not allowed (the machine's sentence). */
  reason: z.string().nullable(),
});

export const retouchDetailSchema = z.object({
  view: retouchTaskViewSchema,
  row: retouchRowSchema,
  actions: z.array(retouchActionSchema),
  /** The original (round 0) and each submitted round's version. */
  original: imageSlotSchema,
  versions: z.array(z.object({ round: z.number().int().positive(), slot: imageSlotSchema })),
  /** Where the original is on this laptop (to open in an editor or reveal), or null. */
  originalPath: z.string().nullable(),
  /** A queued change the server later refused: its sentence, until dismissed. */
  problem: z.string().nullable(),
});
export type RetouchDetail = z.infer<typeof retouchDetailSchema>;

export const taskIdInput = z.object({ taskId: id }).strict();
export const taskIdsInput = z.object({ taskIds: z.array(id).min(1, 'Choose at least one photo').max(5000) }).strict();

export const retouchCreateInput = z
  .object({
    photoIds: z.array(id).min(1, 'Choose at least one photo').max(5000),
    brief: z.string().trim().min(1, 'Write a short brief: what should the retoucher do?').max(4000),
    priority: z.enum(retouchPriorities).default('normal'),
    dueAt: z.iso.datetime().nullable().default(null),
  })
  .strict();

export const retouchPlanInput = z
  .object({ taskId: id, priority: z.enum(retouchPriorities).optional(), dueAt: z.iso.datetime().nullable().optional() })
  .strict();

/** Claim answers per task: claimed, or refused with the server's sentence (someone else holds it, offline…). */
export const claimOutput = z.object({
  claimed: z.array(id),
  refused: z.array(z.object({ taskId: id, reason: z.string() })),
});

export const dropPreviewInput = z
  .object({
    /** The tasks the files are for (the ones this person holds when omitted). */
    taskIds: z.array(id).max(5000).optional(),
    paths: z.array(z.string().min(1)).min(1, 'Drop a folder or files of edited photos').max(50_000),
  })
  .strict();
/** The match is delivery's; photoId in its rows is the task id here. */
export const dropPreviewOutput = deliveryPreviewSchema;

export const submitInput = z
  .object({
    pairs: z
      .array(z.object({ taskId: id, path: z.string().min(1) }).strict())
      .min(1)
      .max(5000),
  })
  .strict();

export const reviewInput = z.discriminatedUnion('verdict', [
  z.object({ taskId: id, verdict: z.literal('approve'), comment: z.string().trim().max(4000).optional() }).strict(),
  z
    .object({ taskId: id, verdict: z.literal('reject'), markups: markupListSchema, comment: z.string().trim().max(4000).optional() })
    .strict(),
]);

/** Compare two images of a task: round 0 is the original. */
export const diffInput = z
  .object({
    taskId: id,
    before: z.number().int().nonnegative(),
    after: z.number().int().positive(),
    /** Per-channel difference (0–255) below which a pixel counts as unchanged. */
    threshold: z.number().int().min(1).max(255).default(12),
  })
  .strict();
export const diffOutput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('overlay'),
    /** A transparent PNG the size of the before image, changed pixels highlighted (under /media/). */
    overlay: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    changedFraction: z.number().min(0).max(1),
    /** Where the changes are, in before-image pixels; null when nothing changed. */
    box: z.object({ left: z.number().int(), top: z.number().int(), width: z.number().int(), height: z.number().int() }).nullable(),
    /** The edit had another pixel size with the same aspect and was scaled to the original first. */
    scaled: z.boolean(),
    ms: z.number().nonnegative(),
  }),
  /** The edit has another aspect: it was cropped, so no pixel overlay; the side-by-side view is offered. */
  z.object({
    kind: z.literal('cropped'),
    message: z.string(),
    before: z.object({ width: z.number(), height: z.number() }),
    after: z.object({ width: z.number(), height: z.number() }),
  }),
]);
export type DiffOutput = z.infer<typeof diffOutput>;

export const downloadOriginalsInput = z
  .object({ taskIds: z.array(id).min(1).max(5000), folder: z.string().min(1), as: z.enum(['folder', 'zip']) })
  .strict();

export const openFileInput = z
  .object({ taskId: id, file: z.enum(['original', 'latest_version']), how: z.enum(['editor', 'reveal']) })
  .strict();

export const retouchChangedSchema = z.object({ taskIds: z.array(z.string()) });
