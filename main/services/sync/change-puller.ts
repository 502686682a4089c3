// Pulls the change feed (GET /v1/changes?after=cursor) page by page. Each page is applied
// together with its cursor in one catalog transaction (catalog.activity.applyPage), so a crash
// or a dropped connection between pages loses nothing and applies nothing twice.
import { z } from 'zod';
import { changeSchema } from '../../../shared/schemas/hosted-api';
import type { ActivityKind, Catalog } from '../catalog';
import type { ApiClient } from './api-client';
import { attempt, failureOf, type SendOutcome } from './send-outcome';

// A change type this version does not know must not stop the feed: it is stored and skipped.
const pageSchema = z.object({
  changes: z.array(changeSchema.extend({ type: z.string().min(1) })),
  cursor: z.number().int().nonnegative(),
  more: z.boolean(),
});

export type PullResult = { kind: 'ok'; applied: number } | Exclude<SendOutcome, { kind: 'done' | 'cancelled' }>;

export interface PullOptions {
  catalog: Catalog;
  api: ApiClient;
  token: string;
  pageSize: number;
  /** Pages per pull at most, so one pull cannot starve the sender. */
  maxPages: number;
  onChange?: (kind: ActivityKind, galleryId: string) => void;
  /** What another studio device changed, in a sentence for the user. */
  onRemark?: (message: string) => void;
  onAnswer?: () => void;
}

export async function pullChanges(options: PullOptions): Promise<PullResult> {
  const { catalog, api, token } = options;
  let applied = 0;
  for (let page = 0; page < options.maxPages; page += 1) {
    const after = catalog.syncState.get().cursor;
    const answer = await attempt(() => api.request('GET', `/v1/changes?after=${after}&limit=${options.pageSize}`, { token }));
    if ('kind' in answer) return answer as PullResult;
    options.onAnswer?.();
    const failure = failureOf(answer);
    if (failure) return failure as PullResult;
    const parsed = pageSchema.safeParse(answer.body);
    if (!parsed.success) {
      return {
        kind: 'retry',
        message: 'The server sent a change feed this version does not understand. Update Proofdesk.',
        retryAfterMs: null,
        offline: false,
      };
    }
    const result = catalog.activity.applyPage(parsed.data.changes, parsed.data.cursor);
    applied += result.applied;
    for (const { kind, galleryId } of result.touched) options.onChange?.(kind, galleryId);
    for (const remark of result.remarks) options.onRemark?.(remark);
    if (!parsed.data.more || parsed.data.changes.length === 0) break;
  }
  return { kind: 'ok', applied };
}
