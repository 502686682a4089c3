// Everything that lives while a studio library is open: its catalog, the worker that
// answers grid queries off the main thread, and the ingest service watching its shoots.
import path from 'node:path';
import type { Library } from '../../shared/schemas/library';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../ipc/types';
import { type Catalog, type CatalogReader, createCatalogReader, openCatalog } from '../services/catalog';
import { createIngestService, type IngestService, imaging } from '../services/ingest';

export interface LibrarySession {
  library: Library;
  catalog: Catalog;
  reader: CatalogReader;
  ingest: IngestService;
  /** Where variant files live; served to the renderer under /media/. */
  mediaDir: string;
  close(): Promise<void>;
}

export interface SessionOptions {
  events: EventHub;
  log: Logger;
  ingest?: { settleMs?: number; concurrency?: number; forcePolling?: boolean };
}

export async function openLibrarySession(library: Library, { events, log, ingest: tuning = {} }: SessionOptions): Promise<LibrarySession> {
  const catalog = openCatalog(library.path, { now: () => new Date() });
  const reader = createCatalogReader(catalog.path);
  const mediaDir = path.join(library.path, 'variants');
  const ingest = createIngestService({
    catalog,
    imaging,
    libraryDir: library.path,
    cacheDir: mediaDir,
    ...tuning,
    events: {
      progress: (progress) => events.emit('shoot.progress', progress),
      photosChanged: (shootId) => events.emit('photos.changed', { shootId }),
      notice: (message, level) => events.emit('notice', { message, level }),
    },
    logError: (message, error) => log.error(message, error),
  });
  await ingest.start();
  return {
    library,
    catalog,
    reader,
    ingest,
    mediaDir,
    async close() {
      await ingest.close();
      await reader.close();
      catalog.close();
    },
  };
}
