// Which of a shoot's photos a gallery gets (all, picks, or a hand-made selection), refused as a
// whole with a sentence when any chosen photo cannot be shown to a client yet: a gallery that
// silently leaves out photos is worse than one that waits for the import to finish.
import { AppError } from '../../../shared/errors';
import type { PhotoSelection } from '../../../shared/schemas/galleries';
import type { PublishCandidate } from '../catalog';

export type ReadyCandidate = PublishCandidate & { webRelPath: string };

export function resolveSelection(candidates: readonly PublishCandidate[], selection: PhotoSelection): ReadyCandidate[] {
  let chosen: PublishCandidate[];
  if (selection.kind === 'all') chosen = candidates.filter((c) => c.status !== 'missing');
  else if (selection.kind === 'picks') {
    chosen = candidates.filter((c) => c.pick === 'pick');
    if (chosen.length === 0)
      throw new AppError(
        'invalid_input',
        'No photo of this shoot is marked as a pick yet. Press P on the photos to pick them, or publish all photos.',
      );
  } else {
    const byId = new Map(candidates.map((c) => [c.photoId, c]));
    const unknown = selection.photoIds.filter((id) => !byId.has(id));
    if (unknown.length > 0)
      throw new AppError(
        'invalid_input',
        `${unknown.length} of the selected photos are not in this shoot any more. Refresh the grid and select again.`,
      );
    chosen = [...new Set(selection.photoIds)].map((id) => byId.get(id) as PublishCandidate);
  }
  if (chosen.length === 0) throw new AppError('invalid_input', 'This shoot has no photos to publish yet. Wait for the import to finish.');
  const notReady = chosen.filter((c) => c.status !== 'ready' || c.webRelPath === null);
  if (notReady.length > 0) {
    const names = notReady
      .slice(0, 3)
      .map((c) => c.name)
      .join(', ');
    throw new AppError(
      'invalid_input',
      `${notReady.length} of the ${chosen.length} photos are not ready for a gallery (${names}${notReady.length > 3 ? ', …' : ''}): they are still importing, missing on disk or need attention. Wait for the import, fix them, or leave them out.`,
    );
  }
  return chosen as ReadyCandidate[];
}
