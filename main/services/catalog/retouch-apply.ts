// Applies `retouch.task.updated` from the change feed: the whole task view, kept when its
// revision is higher than the one this laptop has (retouch-repo). Runs inside the feed page's
// transaction, so the view and the cursor move together. A payload this version cannot read is
// kept in the timeline only (a newer server); the task's next change carries the whole view again.
import { retouchChangeType, retouchTaskUpdatedPayload } from '../../../shared/schemas/retouch-api';
import type { FeedChange } from './activity-rows';
import type { RetouchRepo } from './retouch-repo';
import type { StudioApplyResult } from './studio-apply';

export function createRetouchApply(retouch: RetouchRepo) {
  return (change: FeedChange): StudioApplyResult | null => {
    if (change.type !== retouchChangeType) return null;
    const parsed = retouchTaskUpdatedPayload.safeParse(change.payload);
    if (!parsed.success) return { kind: 'other', remark: null };
    retouch.putView(parsed.data.view);
    return { kind: 'retouch', remark: null };
  };
}
