// The difference overlay of two images of a task (issue 7 point 4): round 0 is the original. Both
// must be prepared (full-size review images); the overlay is computed by ./diff off the main
// thread into <mediaDir>/retouch/diff, and named relative to the media folder (/media/<rel>).
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { RetouchTaskView } from '../../../shared/schemas/retouch-api';
import type { DiffOutput, ImageSlot } from '../../../shared/schemas/retouch-desk';
import type { ImagePreparer } from './image-preparer';
import type { Differ } from './ports';

export interface DiffRequest {
  view: RetouchTaskView;
  preparer: ImagePreparer;
  differ: Differ;
  mediaDir: string;
  before: number;
  after: number;
  threshold: number;
}

function slotOf(view: RetouchTaskView, preparer: ImagePreparer, round: number): ImageSlot {
  if (round === 0) return preparer.original(view);
  const version = view.versions.find((v) => v.round === round);
  if (!version) throw new AppError('not_found', `${view.photo.name} has no round ${round}. Choose a round that was submitted.`);
  return preparer.version(view, version);
}

export async function runDiff(request: DiffRequest): Promise<DiffOutput> {
  const { view, preparer, mediaDir } = request;
  if (request.before >= request.after)
    throw new AppError('invalid_input', 'Compare an earlier image with a later one (the original is round 0).');
  const files = [request.before, request.after].map((round) => {
    const slot = slotOf(view, preparer, round);
    if (slot.status !== 'ready') throw new AppError(slot.status === 'missing' ? 'not_found' : 'conflict', slot.message);
    return path.join(mediaDir, ...slot.image.full.split('/'));
  });
  const result = await request.differ.diff({
    before: files[0] as string,
    after: files[1] as string,
    threshold: request.threshold,
    outDir: path.join(mediaDir, 'retouch', 'diff'),
  });
  if (result.kind === 'cropped') return result;
  const { file, ...rest } = result;
  return { ...rest, overlay: path.relative(mediaDir, file).split(path.sep).join('/') };
}
