// "Download the originals of a batch as a folder or zip" (issue 7 point 3). As files: each
// original copied from where it is on this laptop (own file or cache) or downloaded first. As a
// zip: the server's zip of the batch when it has every original, unless this laptop has them all
// already (then nothing needs the network); otherwise, or offline, a zip written here from what this
// laptop has, the others named as missing. Once a download finds no connection, the rest of the
// batch does not wait for its own attempts to time out.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import type { RetouchTaskView } from '../../../../shared/schemas/retouch-api';
import { type SyncService, writing } from '../../sync';
import { freeName, savableName } from './file-names';
import type { Source } from './original-source';
import { copyInto, zipInto } from './save-files';

export interface SaveResult {
  files: number;
  path: string;
  missing: string[];
}

export interface BatchDeps {
  sync: Pick<SyncService, 'download'>;
  /** Where the view's original is on this laptop; `download`: may fetch it now. */
  source(view: RetouchTaskView, download: boolean): Promise<Source>;
}

/** Longer query strings are refused by servers and proxies (8 KiB is a common limit): then the zip is made here. */
const MAX_ZIP_QUERY = 6000;

/** One view per photo: two tasks on one photo share its original. */
function perPhoto(views: RetouchTaskView[]): RetouchTaskView[] {
  const seen = new Map<string, RetouchTaskView>();
  for (const view of views) if (!seen.has(view.photo.photoId)) seen.set(view.photo.photoId, view);
  return [...seen.values()];
}

/** What the original is saved as: the name it was uploaded under (as in the server's zip), else the photo's. */
const nameOf = (view: RetouchTaskView) => savableName(view.photo.original?.name ?? view.photo.name);

function zipName(views: RetouchTaskView[]): string {
  const orders = new Set(views.map((v) => v.photo.orderNumber));
  const [only] = orders;
  return savableName(orders.size === 1 && only ? `Order ${only} originals.zip` : 'Retouch originals.zip');
}

export async function saveBatch(
  deps: BatchDeps,
  all: RetouchTaskView[],
  folder: string,
  as: 'folder' | 'zip',
  onProgress: (done: number, total: number) => void,
): Promise<SaveResult> {
  const views = perPhoto(all);
  if (views.length === 0) throw new AppError('invalid_input', 'Choose at least one task whose originals to save.');
  await writing(folder, () => fs.mkdir(folder, { recursive: true }));
  const total = views.length;
  let offline = false;
  const sourceOf = async (view: RetouchTaskView, download: boolean) => {
    const source = await deps.source(view, download && !offline);
    if ('missing' in source && source.offline) offline = true;
    return source;
  };
  const taken = new Set<string>();

  if (as === 'folder') {
    let files = 0;
    const missing: string[] = [];
    for (const [i, view] of views.entries()) {
      const source = await sourceOf(view, true);
      if ('missing' in source) missing.push(view.photo.name);
      else {
        await copyInto(source.path, folder, freeName(folder, nameOf(view), taken), taken);
        files += 1;
      }
      onProgress(i + 1, total);
    }
    return { files, path: folder, missing };
  }

  const here = await Promise.all(views.map((v) => sourceOf(v, false)));
  const query = views.map((v) => encodeURIComponent(v.task.id)).join(',');
  const serverHasAll = views.every((v) => v.photo.original !== null);
  const name = freeName(folder, zipName(views), taken);
  if (here.some((s) => 'missing' in s) && serverHasAll && query.length <= MAX_ZIP_QUERY) {
    try {
      await deps.sync.download(`/v1/retouch/originals.zip?tasks=${query}`, path.join(folder, name), {
        label: name,
        onProgress: (received, bytes) => onProgress(bytes ? Math.min(total - 1, Math.floor((received / bytes) * total)) : 0, total),
      });
      onProgress(total, total);
      return { files: total, path: path.join(folder, name), missing: [] };
    } catch (error) {
      // Offline, not paired, or the server would not make it: the zip is made here instead. A full disk is not helped by that.
      if (!(error instanceof AppError) || error.code === 'io_error') throw error;
      if (error.code === 'offline') offline = true;
    }
  }

  // Made here: what this laptop has, plus (when the server is reachable) what it can download.
  const entries: { file: string; name: string }[] = [];
  const missing: string[] = [];
  const inZip = new Set<string>();
  for (const [i, view] of views.entries()) {
    const had = here[i] as Source;
    const source = 'missing' in had ? await sourceOf(view, true) : had;
    if ('missing' in source) missing.push(view.photo.name);
    else entries.push({ file: source.path, name: freeName(null, nameOf(view), inZip) });
  }
  if (entries.length === 0)
    throw new AppError(
      offline ? 'offline' : 'not_found',
      `None of these ${total} originals is on this laptop, and ${offline ? 'there is no connection to the hosted service to download them' : 'the hosted service does not have them yet'}: the zip was not made. Try again ${offline ? 'when online' : 'once the laptop that holds them has been online'}.`,
    );
  let done = 0;
  const zipPath = await zipInto(entries, folder, name, taken, () => {
    done += 1;
    onProgress(done, total);
  });
  onProgress(total, total);
  return { files: entries.length, path: zipPath, missing };
}

/** The sentence for what a save left out, or null when nothing was. */
export function describeMissing(missing: string[]): string | null {
  if (missing.length === 0) return null;
  const names = missing.length > 5 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more` : missing.join(', ');
  return `${missing.length === 1 ? 'One original is' : `${missing.length} originals are`} not in it: ${names}. ${missing.length === 1 ? 'It is' : 'They are'} not on this laptop and could not be downloaded (no connection, or not uploaded yet by the laptop that holds ${missing.length === 1 ? 'it' : 'them'}). Save again later to get ${missing.length === 1 ? 'it' : 'them'}.`;
}
