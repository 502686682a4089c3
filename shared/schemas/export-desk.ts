// Export of a client's selection as the renderer sees it (product point 7, seed 004 "Export
// photos from all orders"): the programs with their steps, a preview of what would be exported
// from which source, and the outcome of one export (text to copy, a saved file, sidecars
// written, originals copied). Long exports report through job.progress (kind 'export').
import { z } from 'zod';
import { exportTargetIds, selectionSources } from './export';
import { colorLabels } from './photos';

const id = z.string().min(1).max(100);
const params = z.record(z.string(), z.union([z.string(), z.number()]));
/** A sentence the UI translates by `key` with `params`; `text` is the English one. */
const sentence = z.object({ key: z.string(), params, text: z.string() });

export const exportOutputs = ['copy-text', 'save-file', 'sidecars', 'copy-folder'] as const;
export const exportEvidence = ['documented', 'public-example', 'unverified'] as const;

export const exportStepSchema = z.object({ key: z.string(), text: z.string() });

export const exportTargetSchema = z.object({
  id: z.enum(exportTargetIds),
  labelKey: z.string(),
  label: z.string(),
  summaryKey: z.string(),
  summary: z.string(),
  output: z.enum(exportOutputs),
  steps: z.array(exportStepSchema),
  evidence: z.enum(exportEvidence),
});
export type ExportTargetView = z.infer<typeof exportTargetSchema>;

export const exportPreviewInput = z.object({ clientId: id, source: z.enum(selectionSources) }).strict();

export const prefixWarningSchema = z.object({
  stem: z.string(),
  /** Other picked names that contain the stem. */
  inSelection: z.array(z.string()),
  /** Names of the shoot the client did not pick that contain it: they would show up too. */
  outsideSelection: z.array(z.string()),
  key: z.string(),
  text: z.string(),
});
export type PrefixWarningView = z.infer<typeof prefixWarningSchema>;

export const exportPreviewSchema = z.object({
  source: z.enum(selectionSources),
  /** How many photos each source holds, for the source picker. */
  counts: z.object({ orders: z.number().int(), favourites: z.number().int(), basket: z.number().int() }),
  count: z.number().int().nonnegative(),
  /** Primary file names, natural order. */
  names: z.array(z.string()),
  /** Stems ("IMG_0412"), natural order: the Lightroom filter words. */
  stems: z.array(z.string()),
  prefixWarnings: z.array(prefixWarningSchema),
  /** What to do about the prefix warnings; null when there are none. */
  prefixRemedy: z.object({ key: z.string(), text: z.string() }).nullable(),
  /** Why there is nothing to export from this source; null when there is something. */
  empty: sentence.nullable(),
  /** Names of chosen photos this computer holds no file of (or whose files are gone from disk). */
  notOnComputer: z.array(z.string()),
  /** Names of chosen photos without a RAW file: a sidecar cannot carry their rating or label. */
  withoutRaw: z.array(z.string()),
  /** The Lightroom smart collection's title and the file it is saved as. */
  collection: z.object({ title: z.string(), fileName: z.string() }),
});
export type ExportPreview = z.infer<typeof exportPreviewSchema>;

export const sidecarRatingChoice = z.union([z.enum(['photo', 'keep']), z.number().int().min(0).max(5)]);
export const sidecarLabelChoice = z.union([z.enum(['photo', 'keep']), z.enum(colorLabels)]);

export const exportRunInput = z
  .object({
    clientId: id,
    source: z.enum(selectionSources),
    target: z.enum(exportTargetIds),
    /** Save-file and copy targets: the folder chosen. Sidecars: a folder instead of next to each RAW file. */
    folder: z.string().trim().min(1).max(4096).optional(),
    /** The id job.progress and exports.cancel use; the renderer picks it so it can cancel before the answer. */
    jobId: id.optional(),
    options: z
      .object({
        /** Lightroom filter: full names ("IMG_1.CR3") instead of stems, so IMG_1 does not find IMG_10. */
        withExtension: z.boolean().optional(),
        /** Lightroom smart collection: its title (and file name). */
        title: z.string().trim().max(200).optional(),
        /** List or CSV. */
        format: z.enum(['list', 'csv']).optional(),
        /** Sidecars: each photo's own rating ('photo'), leave it ('keep'), or stars for all. */
        rating: sidecarRatingChoice.optional(),
        /** Sidecars and Capture One: each photo's own label, leave it, or one label for all. */
        label: sidecarLabelChoice.optional(),
        /** Photo Mechanic: the Plus search text, or star-rating sidecars for Photo Mechanic without Plus. */
        mode: z.enum(['text', 'sidecars']).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export type ExportRunInput = z.input<typeof exportRunInput>;

/** A step with its placeholders filled (English `text`; the UI translates `key` with `params`). */
export const filledStepSchema = z.object({ key: z.string(), text: z.string(), params });

export const sidecarStatuses = ['created', 'updated', 'unchanged', 'skipped', 'refused', 'failed', 'not-here', 'cancelled'] as const;
export const copyStatuses = ['copied', 'renamed', 'already-there', 'failed', 'cancelled', 'not-here'] as const;

export const exportResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    target: z.enum(exportTargetIds),
    count: z.number().int(),
    text: z.string(),
    warnings: z.array(prefixWarningSchema),
    remedy: z.object({ key: z.string(), text: z.string() }).nullable(),
    steps: z.array(filledStepSchema),
  }),
  z.object({
    kind: z.literal('file'),
    target: z.enum(exportTargetIds),
    count: z.number().int(),
    /** Where the file was saved (a free name: "name (2).ext" when the first was taken). */
    path: z.string(),
    fileName: z.string(),
    steps: z.array(filledStepSchema),
  }),
  z.object({
    kind: z.literal('sidecars'),
    target: z.enum(exportTargetIds),
    jobId: z.string(),
    cancelled: z.boolean(),
    results: z.array(
      z.object({
        photoId: z.string(),
        name: z.string(),
        path: z.string().nullable(),
        status: z.enum(sidecarStatuses),
        backup: z.string().optional(),
        message: z.string().optional(),
      }),
    ),
    counts: z.record(z.enum(sidecarStatuses), z.number().int()),
    steps: z.array(filledStepSchema),
  }),
  z.object({
    kind: z.literal('copy'),
    target: z.enum(exportTargetIds),
    jobId: z.string(),
    cancelled: z.boolean(),
    folder: z.string(),
    results: z.array(
      z.object({
        photoId: z.string(),
        name: z.string(),
        /** The file's name in the shoot. */
        file: z.string(),
        /** Where it is in the destination now; null when it is not there. */
        target: z.string().nullable(),
        status: z.enum(copyStatuses),
        message: z.string().optional(),
      }),
    ),
    counts: z.record(z.enum(copyStatuses), z.number().int()),
    steps: z.array(filledStepSchema),
  }),
]);
export type ExportResult = z.infer<typeof exportResultSchema>;

export const exportCancelInput = z.object({ jobId: id }).strict();
export const exportCancelOutput = z.object({ cancelled: z.boolean() });
