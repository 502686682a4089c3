// The delivery panel's pure logic: the preview the service made, with the user's answers applied
// (a photo for each ambiguous file, or "don't send"; an extra file sent as the photo its
// "did you mean" hint names), the pairs that go to delivery.prepare, what still blocks sending,
// and where a running delivery is (files being made, then uploaded).

import type { z } from 'zod';
import {
  type AmbiguousRow,
  type DeliveryMatch,
  deliveryText,
  type ExtraRow,
  type MatchedRow,
  type MissingRow,
  resolveAmbiguity,
} from '../../../../shared/delivery';
import type { DeliverySet } from '../../../../shared/schemas/delivery-api';
import type { deliveryPreviewSchema, deliveryProgressSchema } from '../../../../shared/schemas/delivery-desk';
import type { JobProgress } from '../../../../shared/schemas/jobs';

export type DeliveryPreview = z.infer<typeof deliveryPreviewSchema>;
export type DeliveryProgress = z.infer<typeof deliveryProgressSchema>;

export interface PlanChoices {
  /** Files of ambiguous rows: path → the photo it is, or null for "don't send". */
  readonly ambiguous: Readonly<Record<string, string | null>>;
  /** Extra files sent as the photo their hint names: path → photoId. */
  readonly hinted: Readonly<Record<string, string>>;
}

export const noChoices: PlanChoices = { ambiguous: {}, hinted: {} };

export interface DeliveryPlan {
  matched: MatchedRow[];
  extra: ExtraRow[];
  missing: MissingRow[];
  /** The groups as the service found them (the user answers them file by file). */
  ambiguous: AmbiguousRow[];
  /** Files of ambiguous groups with no answer yet. */
  unanswered: number;
  /** Ordered photos chosen for more than one file (by name): only one file each may be sent. */
  chosenTwice: string[];
  /** What delivery.prepare gets, in row order. */
  pairs: { photoId: string; path: string }[];
  summary: { matched: number; extra: number; missing: number; ambiguous: number; ignored: number };
}

/**
 * The preview as the service sent it is a DeliveryMatch (the contract's schema mirrors it; its
 * keys and params are plain strings and numbers there): resolveAmbiguity runs on it as is.
 */
const asMatch = (preview: DeliveryPreview) => preview as unknown as DeliveryMatch;

/** The preview with the user's answers applied. */
export function planDelivery(preview: DeliveryPreview, choices: PlanChoices): DeliveryPlan {
  const ambiguous = asMatch(preview).rows.filter((r): r is AmbiguousRow => r.kind === 'ambiguous');
  const answers = Object.entries(choices.ambiguous).map(([path, photoId]) => ({ path, photoId }));
  const resolved = resolveAmbiguity(asMatch(preview), answers);
  const matched: MatchedRow[] = [];
  const extra: ExtraRow[] = [];
  let missing: MissingRow[] = [];
  for (const row of resolved.rows) {
    if (row.kind === 'matched') matched.push(row);
    else if (row.kind === 'extra') extra.push(row);
    else if (row.kind === 'missing') missing.push(row);
  }
  // An extra file sent as its hint's photo: only while that photo is still missing.
  const leftExtra: ExtraRow[] = [];
  for (const row of extra) {
    const photoId = choices.hinted[row.file.path];
    const gap = photoId && row.hint?.photoId === photoId ? missing.find((m) => m.photo.photoId === photoId) : undefined;
    if (!gap) {
      leftExtra.push(row);
      continue;
    }
    missing = missing.filter((m) => m !== gap);
    const params = { photo: gap.photo.name };
    matched.push({
      kind: 'matched',
      photo: gap.photo,
      file: row.file,
      via: 'chosen',
      suffix: '',
      key: 'delivery.match.matched.chosen',
      params,
      reason: deliveryText('delivery.match.matched.chosen', params),
    });
  }
  matched.sort((a, b) => a.photo.position - b.photo.position);
  const unanswered = ambiguous.reduce((n, row) => n + row.files.filter((f) => !(f.file.path in choices.ambiguous)).length, 0);
  const count = new Map<string, number>();
  for (const row of matched) count.set(row.photo.photoId, (count.get(row.photo.photoId) ?? 0) + 1);
  const chosenTwice = [...new Set(matched.filter((r) => (count.get(r.photo.photoId) ?? 0) > 1).map((r) => r.photo.name))];
  return {
    matched,
    extra: leftExtra,
    missing,
    ambiguous,
    unanswered,
    chosenTwice,
    pairs: matched.map((r) => ({ photoId: r.photo.photoId, path: r.file.path })),
    summary: {
      matched: matched.length,
      extra: leftExtra.length,
      missing: missing.length,
      ambiguous: ambiguous.filter((row) => row.files.some((f) => !(f.file.path in choices.ambiguous))).length,
      ignored: preview.ignored.length,
    },
  };
}

export type SetChoice = Readonly<Record<DeliverySet, boolean>>;

export const chosenSets = (sets: SetChoice): DeliverySet[] => (['full', 'web'] as const).filter((s) => sets[s]);

/** Why "Send" is not possible yet (a translation key under delivery.send.blocked), or null. */
export function sendBlocker(plan: DeliveryPlan, sets: SetChoice): 'noSet' | 'unanswered' | 'chosenTwice' | 'nothing' | null {
  if (plan.unanswered > 0) return 'unanswered';
  if (plan.chosenTwice.length > 0) return 'chosenTwice';
  if (plan.pairs.length === 0) return 'nothing';
  if (chosenSets(sets).length === 0) return 'noSet';
  return null;
}

export type SendPhase = 'making' | 'uploading' | 'uploaded' | 'failed' | 'cancelled' | 'idle';

/**
 * Where an order's delivery files are: being made (the job runs), uploading (queued rows of the
 * order's delivery left), uploaded, or nothing to show. `progress` is delivery.progress.
 */
export function sendPhase(input: {
  job: JobProgress | null;
  started: boolean;
  progress: DeliveryProgress | null;
  cancelled: boolean;
}): SendPhase {
  const { job, started, progress, cancelled } = input;
  if (job?.state === 'failed') return 'failed';
  if (cancelled || job?.state === 'cancelled') return 'cancelled';
  if (started && job?.state !== 'done') return 'making';
  if (!progress || progress.files === 0) return started ? 'making' : 'idle';
  return progress.pendingChanges > 0 ? 'uploading' : 'uploaded';
}
