// What the retouch service is given (constructed with explicit dependencies): the originals
// transfer (./originals), the review-image and difference-overlay makers (./diff), and who this
// person is on this computer. Declared here as the service uses them, so the service and its tests
// depend on these shapes only.

import type { TaskActor } from '../../../shared/retouch';
import type { RetouchTaskView } from '../../../shared/schemas/retouch-api';
import type { DiffOutput } from '../../../shared/schemas/retouch-desk';

/** prepareReviewImage(sourceFile, outDir): a screen-size and a full-size JPEG of one image. */
export interface PreparedImage {
  sha256: string;
  screenFile: string;
  fullFile: string;
  width: number;
  height: number;
}
export type PrepareReviewImage = (sourceFile: string, outDir: string) => Promise<PreparedImage>;

/** The difference overlay's answer; its `file` is an absolute path (made relative to /media/ here). */
export type DiffResult =
  | (Omit<Extract<DiffOutput, { kind: 'overlay' }>, 'overlay'> & { file: string })
  | Extract<DiffOutput, { kind: 'cropped' }>;

export interface Differ {
  diff(input: { before: string; after: string; threshold: number; outDir: string }): Promise<DiffResult>;
  close(): Promise<void> | void;
}

export type SaveProgress = (done: number, total: number) => void;

export interface OriginalsPort {
  /** Uploads the original when this laptop holds the photo and the server has none. */
  offer(view: RetouchTaskView): void;
  /** This laptop's own file, or one downloaded from the server; `missing` says why not. */
  localFile(view: RetouchTaskView): Promise<{ path: string } | { missing: string }>;
  /** Where the original is on this laptop now (no download), or null. */
  knownPath(view: RetouchTaskView): string | null;
  /** Any file of the studio (an original or a version) by sha256, into the cache: its path. */
  fetchFile(sha256: string, name: string): Promise<string>;
  saveBatch(views: RetouchTaskView[], folder: string, as: 'folder' | 'zip', onProgress: SaveProgress): Promise<unknown>;
}

/** This person on this computer, as the task machine and the server name them. */
export type Me = () => TaskActor;
