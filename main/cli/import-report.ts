// What one run did to the folder's photos, for the summary line. A photo counts as "already in
// the catalog" when it was finished before this run and this run did not touch it (its row
// is unchanged); one that needs attention is always reported as such, so a re-run still lists
// what to fix; everything else that is ready now was imported by this run.
import type { Catalog, PhotoStatus } from '../services/catalog';
import { photoStatusesIn } from './folder-photos';
import type { Summary } from './progress-format';

export type Snapshot = Map<string, { status: PhotoStatus; updatedAt: string }>;

export function takeSnapshot(catalog: Catalog, folder: string): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const id of photoStatusesIn(catalog, folder).keys()) {
    const photo = catalog.photos.get(id);
    if (photo) snapshot.set(id, { status: photo.status, updatedAt: photo.updatedAt });
  }
  return snapshot;
}

export interface Report extends Summary {
  /** Still waiting to be processed (paused because the disk is full, or stopped early). */
  unfinished: number;
  missing: number;
}

export function compareWithSnapshot(catalog: Catalog, folder: string, before: Snapshot): Report {
  const report: Report = { imported: 0, needsAttention: 0, already: 0, unfinished: 0, missing: 0 };
  for (const [id, status] of photoStatusesIn(catalog, folder)) {
    if (status === 'needs_attention') report.needsAttention++;
    else if (status === 'importing') report.unfinished++;
    else if (status === 'missing') report.missing++;
    else {
      const was = before.get(id);
      const untouched = was?.status === 'ready' && was.updatedAt === catalog.photos.get(id)?.updatedAt;
      if (untouched) report.already++;
      else report.imported++;
    }
  }
  return report;
}
