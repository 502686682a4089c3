// The originals of retouch tasks on this laptop (issue 7 point 3): the laptop that holds a photo
// uploads its original through the outbox when a task about it appears; any other laptop downloads
// it from the hosted storage into a content-addressed cache; the same laptop uses its own file.
// Also: any studio file by SHA-256 (a submitted version), and saving a batch as files or a zip.
import type { RetouchTaskView } from '../../../../shared/schemas/retouch-api';
import type { Catalog } from '../../catalog';
import type { SyncService } from '../../sync';
import { createFileCache } from './file-cache';
import { createOfferer, originalTopic } from './offer';
import { knownOriginalPath, originalSource } from './original-source';
import { createHashMemo } from './own-file';
import { describeMissing, saveBatch } from './save-batch';

export { describeMissing, originalTopic };

export interface Originals {
  /** A task view arrived or was made here: when this laptop holds the photo (catalog.photos.get(view.photo.photoId) and its file on disk) and view.photo.original is null, hash the file and queue its upload + the PUT …/original in the outbox (topic `original:<photoId>`), once (not again while queued or already sent). */
  offer(view: RetouchTaskView): void;
  /** The original as a local file: this laptop's own file (if unchanged on disk), else the downloaded copy in the cache (downloading it now; needs a connection). */
  localFile(view: RetouchTaskView): Promise<{ path: string } | { missing: string }>;
  /** A path known here without fetching (for open in editor / reveal), or null. */
  knownPath(view: RetouchTaskView): string | null;
  /** Any studio file (an edited version) by sha256 into the cache; resolves to its path. */
  fetchFile(sha256: string, name: string): Promise<string>;
  /** Saves the originals of these tasks into `folder`: as files (own files copied, others downloaded; never overwriting: name (2).ext) or as one zip (the server's zip route when online; otherwise a zip written here from the files this laptop has, with a sentence naming the ones missing). */
  saveBatch(
    views: RetouchTaskView[],
    folder: string,
    as: 'folder' | 'zip',
    onProgress: (done: number, total: number) => void,
  ): Promise<{ files: number; path: string; missing: string[] }>;
}

export interface OriginalsOptions {
  catalog: Catalog;
  sync: SyncService;
  /** Downloaded studio files: <cacheDir>/<sha256>/<name>. */
  cacheDir: string;
  /** An original this laptop holds could not be offered (unreadable file…); logged when not given. */
  onProblem?: (photoId: string, message: string) => void;
}

export function createOriginals(options: OriginalsOptions): Originals {
  const { catalog, sync } = options;
  const memo = createHashMemo();
  const cache = createFileCache(options.cacheDir, sync);
  const deps = { catalog, memo, cache };
  const offerer = createOfferer({
    catalog,
    memo,
    onProblem: options.onProblem ?? ((photoId, message) => console.error(`[originals] ${photoId}: ${message}`)),
  });
  return {
    offer: offerer.offer,
    localFile: async (view) => {
      const source = await originalSource(deps, view, true);
      return 'path' in source ? { path: source.path } : { missing: source.missing };
    },
    knownPath: (view) => knownOriginalPath(deps, view),
    fetchFile: (sha256, name) => cache.fetch(sha256, name),
    saveBatch: (views, folder, as, onProgress) =>
      saveBatch({ sync, source: (view, download) => originalSource(deps, view, download) }, views, folder, as, onProgress),
  };
}
