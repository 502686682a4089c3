// GET /v1/retouch/originals.zip?tasks=…: the originals of a batch of tasks for an assistant on
// another laptop (issue 7 point 3), one STOREd zip streamed with an exact length (delivery-zip.ts).
// A photo is in it once however many of the tasks are about it; two photos with one name (from two
// shoots) get "name (2).ext", compared as Windows and macOS compare names (case and Unicode form).
import type { Db, RetouchTasksTable } from '../db/types';
import type { ZipEntry } from '../deliveries/delivery-zip';
import { ApiError } from '../http/api-error';
import { unsavable } from '../http/stored-file';

const listed = (names: string[]) => {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
};

const fold = (name: string) => name.normalize('NFC').toLowerCase();

/** "IMG_1.jpg", "IMG_1 (2).jpg", …: each name unique in the zip. */
export function uniqueZipNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    const name = unsavable(raw) || 'original';
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(fold(candidate)); n += 1) candidate = `${stem} (${n})${ext}`;
    taken.add(fold(candidate));
    return candidate;
  });
}

/** The zip's entries for these tasks of the studio: 404 naming unknown tasks, 409 naming those whose original is not uploaded. */
export async function originalsZipEntries(db: Db, studioId: string, taskIds: readonly string[]): Promise<ZipEntry[]> {
  const wanted = [...new Set(taskIds)];
  const rows: RetouchTasksTable[] = [];
  for (let i = 0; i < wanted.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('retouch_tasks')
        .selectAll()
        .where('studio_id', '=', studioId)
        .where('id', 'in', wanted.slice(i, i + 500))
        .execute()),
    );
  }
  const known = new Set(rows.map((r) => r.id));
  const unknown = wanted.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ApiError(
      'not_found',
      `${unknown.length === 1 ? 'This task is' : `${unknown.length} of these tasks are`} not in this studio's retouch queue (${listed(unknown)}). Reload the queue and choose again.`,
      { details: { unknownTasks: unknown } },
    );
  }
  // The batch in the order asked for, one entry per photo.
  const byId = new Map(rows.map((r) => [r.id, r]));
  const photos = new Map<string, RetouchTasksTable>();
  for (const id of wanted) {
    const row = byId.get(id) as RetouchTasksTable;
    if (!photos.has(row.photo_id)) photos.set(row.photo_id, row);
  }
  const originals = new Map<string, { sha256: string; name: string; size: number }>();
  const photoIds = [...photos.keys()];
  for (let i = 0; i < photoIds.length; i += 500) {
    const found = await db
      .selectFrom('retouch_originals')
      .select(['photo_id', 'sha256', 'name', 'size'])
      .where('studio_id', '=', studioId)
      .where('photo_id', 'in', photoIds.slice(i, i + 500))
      .execute();
    for (const o of found) originals.set(o.photo_id, { sha256: o.sha256, name: o.name, size: Number(o.size) });
  }
  const waiting = [...photos.values()].filter((r) => !originals.has(r.photo_id));
  if (waiting.length > 0) {
    const one = waiting.length === 1;
    throw new ApiError(
      'conflict',
      `${one ? 'The original of 1 photo has' : `The originals of ${waiting.length} photos have`} not been uploaded yet (${listed(waiting.map((r) => r.photo_name))}). The laptop that holds ${one ? 'it uploads it' : 'them uploads them'} when it is online; try again then, or leave ${one ? 'that photo' : 'those photos'} out of the batch.`,
      { details: { tasksWithoutOriginal: waiting.map((r) => r.id) } },
    );
  }
  const files = photoIds.map((id) => originals.get(id) as { sha256: string; name: string; size: number });
  const names = uniqueZipNames(files.map((f) => f.name));
  return files.map((f, i) => ({ path: names[i] as string, sha256: f.sha256, size: f.size }));
}
