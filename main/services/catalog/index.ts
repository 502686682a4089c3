export type { ActivityRepo } from './activity-repo';
export {
  type ActivityEntry,
  type ActivityKind,
  type AppliedPage,
  activityKinds,
  type ClientOrder,
  type ClientPhotoMark,
  type FeedChange,
  type GalleryViews,
} from './activity-rows';
export { BACKUPS_FOLDER, BACKUPS_KEPT, backupCatalog, backupsDir, type CatalogBackup, listBackups } from './backup';
export type { ClientRow, ClientSummaryRow, ClientsRepo } from './clients-repo';
export type { DeliveriesRepo, DeliveryFileRow } from './deliveries-repo';
export type { FlagsRepo } from './flags-repo';
export type { GalleriesRepo, GalleryPhotoRow, GalleryRow, NewGallery, PublishCandidate, ServerGalleryState } from './galleries-repo';
export { type Job, type JobState, jobStates } from './job-rows';
export type { EnqueueInput, JobsOptions, JobsRepo } from './jobs-repo';
export type { MetadataRepo, PhotoMetadata } from './metadata-repo';
export { CATALOG_FILE, type Catalog, type CatalogOptions, catalogPath, openCatalog } from './open-catalog';
export type { EnqueueRequest, OutboxRepo, TopicProgress } from './outbox-repo';
export { type OutboxItem, type OutboxMethod, type OutboxState, outboxStates, type UploadBody } from './outbox-rows';
export { MAX_PAGE, type PhotoFilter, type PhotoSort, photoSorts } from './photo-list-query';
export type { NewPhoto, PhotosRepo, Relink } from './photos-repo';
export { type CatalogReader, createCatalogReader, type ReaderOptions } from './reader/reader';
export type { RetouchProblem, RetouchRepo, RetouchVersionRow, ReviewImageRow } from './retouch-repo';
export type { ShootsRepo } from './shoots-repo';
export type { SyncState, SyncStateRepo } from './sync-state-repo';
export * from './types';
export { createUuidV7, type UuidV7 } from './uuidv7';
export type { NewVariant, VariantsRepo } from './variants-repo';
