// Everything that lives while a studio library is open: its catalog, the worker that
// answers grid queries off the main thread, and the ingest service watching its shoots.
import os from 'node:os';
import path from 'node:path';
import type { Library } from '../../shared/schemas/library';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../ipc/types';
import { type Catalog, type CatalogReader, createCatalogReader, openCatalog } from '../services/catalog';
import { createDeliveryService, type DeliveryService } from '../services/delivery';
import { createIngestService, type IngestService, imaging } from '../services/ingest';
import { createExportRunner, createOrdersService, createStudioSettings, type ExportRunner, type OrdersService } from '../services/orders';
import { createPublishingService, createServerAnswers, type PublishingService } from '../services/publishing';
import { createRetouchService, type RetouchService } from '../services/retouch';
import { createDiffer, prepareReviewImage } from '../services/retouch/diff';
import { createOriginals } from '../services/retouch/originals';
import type { SecretStore } from '../services/secrets';
import { createSyncService, type SyncService } from '../services/sync';
import { LOCAL_SERVER_PORT, readLocalPairing } from './local-server';

export interface LibrarySession {
  library: Library;
  catalog: Catalog;
  reader: CatalogReader;
  ingest: IngestService;
  sync: SyncService;
  publishing: PublishingService;
  orders: OrdersService;
  delivery: DeliveryService;
  studioSettings: ReturnType<typeof createStudioSettings>;
  /** Export of a client's selection for the photographer's editor. */
  exports: ExportRunner;
  /** The retouch queue: claims, drop-back, review, difference overlay. */
  retouch: RetouchService;
  /** Where variant files live; served to the renderer under /media/. */
  mediaDir: string;
  close(): Promise<void>;
}

export interface SessionOptions {
  events: EventHub;
  log: Logger;
  ingest?: { settleMs?: number; concurrency?: number; forcePolling?: boolean };
  secrets: SecretStore;
  /** The hosted service from Settings; null means the one Proofdesk runs on this computer. */
  serverUrl: string | null;
  /** The local service's pairing code file: with serverUrl null, the app pairs itself with it. */
  localPairingFile?: string;
  /** Settings › Your name (null: the computer's user name); who claims and reviews retouch tasks. */
  personName?: () => string | null;
}

/** The computer's user name, or its host name where there is none (a service account). */
function computerPersonName(): string {
  try {
    const name = os.userInfo().username.trim();
    if (name) return name;
  } catch {
    // No user entry (some containers): the host name names this computer instead.
  }
  return os.hostname() || 'This computer';
}

export async function openLibrarySession(
  library: Library,
  { events, log, ingest: tuning = {}, secrets, serverUrl, localPairingFile, personName }: SessionOptions,
): Promise<LibrarySession> {
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
  const answers = createServerAnswers(catalog, {
    galleryChanged: (galleryId, clientId, kind) => events.emit('gallery.changed', { galleryId, clientId, kind }),
    notice: (message, level) => events.emit('notice', { message, level }),
  });
  const orders = createOrdersService({ catalog, deviceName: () => os.hostname() || 'This computer' });
  // The retouch service needs the sync service, whose callbacks need it: bound once both exist.
  const late: { retouch?: RetouchService } = {};
  // The outbox lives in the catalog, so sync runs per open library; offline it simply waits.
  const sync = createSyncService({
    catalog,
    secrets,
    serverUrl: serverUrl ?? `http://127.0.0.1:${process.env.PROOFDESK_SERVER_PORT ?? LOCAL_SERVER_PORT}`,
    fetch: (url, init) => fetch(url, init),
    now: () => new Date(),
    random: Math.random,
    onStatus: (status) => events.emit('sync.status', status),
    ...(serverUrl === null && localPairingFile ? { autoPair: () => readLocalPairing(localPairingFile) } : {}),
    onChange: (kind, galleryId) => (kind === 'retouch' ? late.retouch?.feedApplied() : answers.activity(kind, galleryId)),
    onRemark: (message) => events.emit('notice', { message, level: 'info' }),
    onDelivered: (item, response) => {
      answers.delivered(item, response);
      orders.delivered(item, response);
      late.retouch?.delivered(item, response);
    },
    onRejected: (item, message) => {
      answers.rejected(item, message);
      late.retouch?.rejected(item, message);
    },
    onUploadProgress: answers.uploadProgress,
  });
  const delivery = createDeliveryService({
    catalog,
    orders,
    storeDir: path.join(library.path, 'deliveries'),
    events: {
      job: (progress) => events.emit('job.progress', progress),
      changed: (orderId) => {
        const galleryId = catalog.activity.order(orderId)?.galleryId;
        if (galleryId)
          events.emit('gallery.changed', { galleryId, clientId: catalog.galleries.get(galleryId)?.clientId ?? null, kind: 'orders' });
      },
    },
  });
  const exports = createExportRunner({ catalog, events: { job: (progress) => events.emit('job.progress', progress) } });
  const publishing = createPublishingService({
    catalog,
    mediaDir,
    proofsDir: path.join(library.path, 'proofs'),
    serverUrl: () => sync.status().serverUrl,
    now: () => new Date(),
    events: {
      job: (progress) => events.emit('job.progress', progress),
      galleryChanged: (galleryId, clientId, kind) => events.emit('gallery.changed', { galleryId, clientId, kind }),
    },
  });
  const retouch = createRetouchService({
    catalog,
    sync,
    originals: createOriginals({
      catalog,
      sync,
      cacheDir: path.join(library.path, 'retouch', 'files'),
      onProblem: (photoId, message) => log.warn(`retouch original of ${photoId}: ${message}`),
    }),
    prepareReviewImage,
    createDiffer,
    me: () => ({
      deviceId: catalog.syncState.get().deviceId ?? 'this-computer',
      name: personName?.()?.trim() || computerPersonName(),
      deviceName: os.hostname() || 'This computer',
    }),
    now: () => new Date(),
    mediaDir,
    versionsDir: path.join(library.path, 'retouch', 'versions'),
    events: {
      job: (progress) => events.emit('job.progress', progress),
      changed: (taskIds) => events.emit('retouch.changed', { taskIds }),
    },
  });
  late.retouch = retouch;
  sync.start();
  retouch.start();
  return {
    library,
    catalog,
    reader,
    ingest,
    sync,
    publishing,
    orders,
    delivery,
    studioSettings: createStudioSettings(catalog, (p) => sync.read(p)),
    exports,
    retouch,
    mediaDir,
    async close() {
      await retouch.close();
      await sync.stop();
      await ingest.close();
      await reader.close();
      catalog.close();
    },
  };
}
