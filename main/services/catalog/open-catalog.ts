// Opens (creating if needed) a library's catalog.sqlite, migrates it and wires the repositories.
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { type ActivityRepo, createActivityRepo } from './activity-repo';
import { backupOnOpen } from './backup-on-open';
import { type ClientsRepo, createClientsRepo } from './clients-repo';
import { configureConnection } from './connection';
import { createDeliveriesRepo, type DeliveriesRepo } from './deliveries-repo';
import { createFlagsRepo, type FlagsRepo } from './flags-repo';
import { createGalleriesRepo, type GalleriesRepo } from './galleries-repo';
import { createJobsRepo, type JobsOptions, type JobsRepo } from './jobs-repo';
import { createMetadataRepo, type MetadataRepo } from './metadata-repo';
import { assertNotNewer, migrate } from './migrate';
import { LATEST_VERSION } from './migrations';
import { createOutboxRepo, type OutboxRepo } from './outbox-repo';
import { createPhotosRepo, type PhotosRepo } from './photos-repo';
import { createRetouchRepo, type RetouchRepo } from './retouch-repo';
import { createSettingsCacheRepo, type SettingsCacheRepo } from './settings-cache-repo';
import { createShootsRepo, type ShootsRepo } from './shoots-repo';
import { createSyncStateRepo, type SyncStateRepo } from './sync-state-repo';
import { createUuidV7 } from './uuidv7';
import { createVariantsRepo, type VariantsRepo } from './variants-repo';

export const CATALOG_FILE = 'catalog.sqlite';

export interface CatalogOptions {
  now: () => Date;
  jobs?: JobsOptions;
}

export interface Catalog {
  /** Absolute path of catalog.sqlite, e.g. for createCatalogReader. */
  readonly path: string;
  readonly shoots: ShootsRepo;
  readonly photos: PhotosRepo;
  readonly variants: VariantsRepo;
  readonly metadata: MetadataRepo;
  readonly flags: FlagsRepo;
  readonly jobs: JobsRepo;
  /** Changes waiting for the hosted API; enqueue inside the transaction of the local change. */
  readonly outbox: OutboxRepo;
  readonly syncState: SyncStateRepo;
  /** Client activity mirrored from the server's change feed. */
  readonly activity: ActivityRepo;
  readonly clients: ClientsRepo;
  /** Galleries published from shoots, and what the server confirmed about them. */
  readonly galleries: GalleriesRepo;
  /** Files prepared for orders' deliveries. */
  readonly deliveries: DeliveriesRepo;
  /** The studio's settings (payment instructions…) as the hosted service last said them. */
  readonly studioSettings: SettingsCacheRepo;
  /** The retouch queue's task views, versions dropped here, review images and refusals. */
  readonly retouch: RetouchRepo;
  /** Runs fn in one transaction (nested calls become savepoints): all of its writes or none. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export function catalogPath(libraryDir: string): string {
  return path.join(path.resolve(libraryDir), CATALOG_FILE);
}

export function openCatalog(libraryDir: string, options: CatalogOptions): Catalog {
  const file = catalogPath(libraryDir);
  if (!existsSync(path.dirname(file))) {
    throw new AppError('not_found', `The library folder ${path.dirname(file)} does not exist. Open or create the library again.`);
  }
  const db = openDatabase(file);
  try {
    // Checked before any pragma that writes (journal_mode=WAL rewrites the header), so a
    // catalog from a newer Proofdesk is left byte for byte as it was.
    assertNotNewer(db, LATEST_VERSION);
    configureConnection(db);
    backupOnOpen(db, file, { now: options.now() });
    migrate(db);
  } catch (error) {
    db.close();
    if (error instanceof Database.SqliteError && (error.code === 'SQLITE_NOTADB' || error.code === 'SQLITE_CORRUPT')) {
      throw new AppError('io_error', `${file} is damaged or is not a Proofdesk catalog. Restore it from a backup; it was not changed.`);
    }
    throw error;
  }
  const { now } = options;
  const jobs = createJobsRepo(db, now, options.jobs);
  // Jobs left 'running' by a crash would otherwise wait forever; doing it here means no caller can forget.
  jobs.recoverExpiredLeases();
  const retouch = createRetouchRepo(db, now);
  return {
    path: file,
    shoots: createShootsRepo(db, now),
    photos: createPhotosRepo(db, now),
    variants: createVariantsRepo(db, now),
    metadata: createMetadataRepo(db),
    flags: createFlagsRepo(db, now),
    jobs,
    outbox: createOutboxRepo(
      db,
      now,
      createUuidV7(() => now().getTime()),
    ),
    syncState: createSyncStateRepo(db, now),
    activity: createActivityRepo(db, now, retouch),
    clients: createClientsRepo(db, now),
    galleries: createGalleriesRepo(db, now),
    deliveries: createDeliveriesRepo(db, now),
    studioSettings: createSettingsCacheRepo(db, now),
    retouch,
    transaction: (fn) => db.transaction(fn)(),
    close: () => db.close(),
  };
}

function openDatabase(file: string): Database.Database {
  try {
    return new Database(file, { timeout: 5000 });
  } catch (error) {
    throw new AppError(
      'io_error',
      `The catalog ${file} cannot be opened (${(error as Error).message}). Check that the library folder is writable.`,
    );
  }
}
