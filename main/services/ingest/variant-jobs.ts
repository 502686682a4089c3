// One queue per shoot ("ingest:<shootId>") so a shoot can be paused or cancelled on its own.
import type { Catalog } from '../catalog';

export const VARIANTS_JOB = 'variants';

export function ingestQueue(shootId: string): string {
  return `ingest:${shootId}`;
}

export function shootOfQueue(queue: string): string | null {
  return queue.startsWith('ingest:') ? queue.slice('ingest:'.length) : null;
}

export function enqueueVariants(catalog: Catalog, shootId: string, photoId: string): void {
  catalog.jobs.enqueue({ queue: ingestQueue(shootId), kind: VARIANTS_JOB, payload: { photoId }, dedupeKey: `variants:${photoId}` });
}
