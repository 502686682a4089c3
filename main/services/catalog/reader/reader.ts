// Runs heavy read queries (the photo grid) on a worker thread with its own read-only
// connection, so scrolling a 5,000-photo shoot never stalls the main event loop.
// WAL lets this connection read while the main connection writes.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors';
import { countParams, type GridRow, listParams, type PhotoFilter, type PhotoSort, toGridItem } from '../photo-list-query';
import type { Page, PhotoGridItem } from '../types';
import { CLOSE_MESSAGE, type ReaderInit, type ReaderQuery, type ReaderResponse, readerQueries } from './protocol';
import { READER_WORKER_SOURCE } from './worker-source';

export interface CatalogReader {
  listPhotos(shootId: string, page: Page, filter?: PhotoFilter, sort?: PhotoSort): Promise<PhotoGridItem[]>;
  /** One page plus the number of photos that match the filter, for the grid's scroll height. */
  queryPhotos(shootId: string, page: Page, filter?: PhotoFilter, sort?: PhotoSort): Promise<{ items: PhotoGridItem[]; total: number }>;
  /** Closes the worker's connection and waits for the thread to end. */
  close(): Promise<void>;
}

export interface ReaderOptions {
  /** Where better-sqlite3 lives, if not next to this module (e.g. unpacked from an asar). */
  driverPath?: string;
}

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (error: AppError) => void;
}

export function createCatalogReader(dbPath: string, options: ReaderOptions = {}): CatalogReader {
  const driverPath = options.driverPath ?? createRequire(import.meta.url).resolve('better-sqlite3');
  const workerData: ReaderInit = { dbPath, driverPath, queries: readerQueries };
  const worker = new Worker(READER_WORKER_SOURCE, { eval: true, workerData });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: AppError | null = null;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // An idle reader must not keep the process alive; a pending request must.
  worker.unref();

  function settle(id: number): Pending | undefined {
    const entry = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    return entry;
  }

  function stop(error: AppError): void {
    stopped ??= error;
    for (const id of [...pending.keys()]) settle(id)?.reject(error);
  }

  worker.on('message', (response: ReaderResponse) => {
    const entry = settle(response.id);
    if (!entry) return;
    if (response.ok) entry.resolve(response.rows);
    else if (response.fatal)
      entry.reject(new AppError('io_error', `The catalog ${dbPath} cannot be read (${response.message}). Reopen the library.`));
    else
      entry.reject(
        new AppError('internal', `Reading the catalog failed (${response.message}). Try again; if it keeps failing, restart Proofdesk.`),
      );
  });
  worker.on('error', (error) => stop(new AppError('internal', `The catalog reader stopped (${error.message}). Restart Proofdesk.`)));
  worker.on('exit', () => stop(new AppError('internal', 'The catalog reader is closed. Reopen the library to read it again.')));

  function request(query: ReaderQuery, params: Record<string, unknown>): Promise<unknown[]> {
    if (stopped) return Promise.reject(stopped);
    return new Promise((resolve, reject) => {
      const id = nextId++;
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, query, params });
    });
  }

  return {
    async listPhotos(shootId, page, filter = {}, sort = 'capture') {
      const params = listParams(shootId, page, filter);
      const rows = await request(sort === 'name' ? 'listPhotosByName' : 'listPhotos', { ...params });
      return (rows as GridRow[]).map(toGridItem);
    },
    async queryPhotos(shootId, page, filter = {}, sort = 'capture') {
      const params = listParams(shootId, page, filter);
      const [rows, count] = await Promise.all([
        request(sort === 'name' ? 'listPhotosByName' : 'listPhotos', { ...params }),
        request('countPhotos', countParams(params)),
      ]);
      return { items: (rows as GridRow[]).map(toGridItem), total: (count[0] as { total: number }).total };
    },
    async close() {
      if (!stopped) {
        stop(new AppError('internal', 'The catalog reader is closed. Reopen the library to read it again.'));
        // Hold the process open until the worker has closed its connection and ended.
        worker.ref();
        worker.postMessage(CLOSE_MESSAGE);
      }
      await exited;
    },
  };
}
