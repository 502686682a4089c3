// Uploading an original that only this laptop holds (issue 7 point 3): the file goes through the
// outbox as a chunked, resumable upload deduplicated by SHA-256, followed by the PUT that tells the
// server which photo it is the original of, both under the topic `original:<photoId>`. The outbox
// is the bookkeeping: a topic with a row still queued, or whose PUT was delivered, is not offered
// again — also after a restart. Hashing runs one file at a time, off the caller's turn.
import path from 'node:path';
import type { RetouchTaskView } from '../../../../shared/schemas/retouch-api';
import type { Catalog } from '../../catalog';
import { type HashMemo, ownOriginal } from './own-file';

export const originalTopic = (photoId: string) => `original:${photoId}`;

export interface OfferOptions {
  catalog: Catalog;
  memo: HashMemo;
  /** A file this laptop holds could not be offered (unreadable, the library closed): tell someone. */
  onProblem: (photoId: string, message: string) => void;
}

export function createOfferer(options: OfferOptions) {
  const { catalog, memo } = options;
  const hashing = new Set<string>();
  let queue: Promise<void> = Promise.resolve();

  /** Queued or already sent: a rejected or cancelled upload may be offered again. */
  function offered(photoId: string): boolean {
    const topic = originalTopic(photoId);
    return catalog.outbox.byTopic(topic, 'pending').length > 0 || catalog.outbox.byTopic(topic, 'done').some((r) => r.kind === 'request');
  }

  async function upload(photoId: string, file: string): Promise<void> {
    const hashed = await memo.hash(file);
    // Gone between the look and the read: this laptop does not hold it after all.
    if (!hashed) return;
    const name = path.basename(file);
    const topic = originalTopic(photoId);
    catalog.transaction(() => {
      if (offered(photoId)) return;
      catalog.outbox.enqueueUpload({ file, sha256: hashed.sha256, size: hashed.size, label: `Original ${name} (for retouching)`, topic });
      catalog.outbox.enqueue({
        method: 'PUT',
        path: `/v1/retouch/photos/${encodeURIComponent(photoId)}/original`,
        body: { sha256: hashed.sha256, name, size: hashed.size },
        label: `Original of ${name} for retouching`,
        topic,
      });
    });
  }

  /** Whether an upload is being prepared (hashing) for the photo now. */
  const busy = (photoId: string) => hashing.has(photoId);

  function offer(view: RetouchTaskView): void {
    const { photoId } = view.photo;
    if (view.photo.original !== null || hashing.has(photoId) || offered(photoId)) return;
    const file = ownOriginal(catalog, view);
    if (!file) return;
    hashing.add(photoId);
    queue = queue
      .then(() => upload(photoId, file))
      .catch((error: unknown) =>
        options.onProblem(
          photoId,
          `The original ${path.basename(file)} could not be prepared for upload (${(error as Error).message}). Check the file, then open the task again.`,
        ),
      )
      .finally(() => hashing.delete(photoId));
  }

  /** Resolves once every offer made so far is queued (or given up). */
  const settled = () => queue;

  return { offer, busy, settled };
}
