// Where a task's original can be had on this laptop, in order: this laptop's own file while it is
// the one the server has (same SHA-256; or the server has none yet), the downloaded copy in the
// cache, a download now. When none works, a sentence says why, naming the photo.
import { AppError } from '../../../../shared/errors';
import type { RetouchTaskView } from '../../../../shared/schemas/retouch-api';
import type { Catalog } from '../../catalog';
import type { FileCache } from './file-cache';
import { type HashMemo, ownOriginal } from './own-file';

/** `offline`: the download found no connection (so others need not try). */
export type Source = { path: string } | { missing: string; offline?: boolean };

export interface SourceDeps {
  catalog: Catalog;
  memo: HashMemo;
  cache: FileCache;
}

/** Own file (checked by hash) or cached copy; `download`: else fetch it now. */
export async function originalSource(deps: SourceDeps, view: RetouchTaskView, download: boolean): Promise<Source> {
  const { original, name } = view.photo;
  const own = ownOriginal(deps.catalog, view);
  if (own && (original === null || (await deps.memo.hash(own))?.sha256 === original.sha256)) return { path: own };
  if (original === null)
    return {
      missing: `${name} is not on this laptop, and the laptop that holds it has not uploaded it yet: it does when it is online with Proofdesk open.`,
    };
  const cached = deps.cache.existing(original.sha256, original.name, original.size);
  if (cached) return { path: cached };
  if (!download) return { missing: `${name} is not on this laptop yet: downloading it needs a connection to the hosted service.` };
  try {
    return { path: await deps.cache.fetch(original.sha256, original.name, original.size) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const missing = error.message.includes(name) ? error.message : `${name} is not on this laptop. ${error.message}`;
    return error.code === 'offline' ? { missing, offline: true } : { missing };
  }
}

/** A path known here without reading or fetching anything: checked own file, cached copy, or the own file as it is. */
export function knownOriginalPath(deps: SourceDeps, view: RetouchTaskView): string | null {
  const { original } = view.photo;
  const own = ownOriginal(deps.catalog, view);
  if (own && (original === null || deps.memo.known(own) === original.sha256)) return own;
  const cached = original ? deps.cache.existing(original.sha256, original.name, original.size) : null;
  // Unchecked (not hashed since the app started, or edited in place) but still the photographer's file: fine to reveal or open.
  return cached ?? own;
}
