// The message protocol between the main thread and the catalog reader worker. The worker
// only ever runs the named, read-only statements below, prepared once at start.
import { COUNT_PHOTOS_SQL, LIST_PHOTOS_BY_NAME_SQL, LIST_PHOTOS_SQL } from '../photo-list-query';

export const readerQueries = {
  listPhotos: LIST_PHOTOS_SQL,
  listPhotosByName: LIST_PHOTOS_BY_NAME_SQL,
  countPhotos: COUNT_PHOTOS_SQL,
} as const;
export type ReaderQuery = keyof typeof readerQueries;

export interface ReaderInit {
  dbPath: string;
  /** Absolute path of better-sqlite3's entry: an eval'd worker has no module folder of its own. */
  driverPath: string;
  queries: Record<ReaderQuery, string>;
}

export interface ReaderRequest {
  id: number;
  query: ReaderQuery;
  params: Record<string, unknown>;
}

export type ReaderResponse =
  | { id: number; ok: true; rows: unknown[] }
  /** fatal: the worker could not open the catalog, so every request will fail the same way. */
  | { id: number; ok: false; fatal: boolean; message: string };

export const CLOSE_MESSAGE = 'close';
