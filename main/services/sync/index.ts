// Offline-first sync with the hosted API (design §4). Construct with explicit dependencies:
// createSyncService({ catalog, secrets, serverUrl, fetch, now, random, onStatus, onChange }).

export { REVOKED_MESSAGE } from './answers';
export { type ApiClient, createApiClient, type FetchLike, NetworkError } from './api-client';
export { type BackoffOptions, backoffDelayMs, DEFAULT_BACKOFF } from './backoff';
export { type PullResult, pullChanges } from './change-puller';
export { DEVICE_SECRET, type DeviceCredentials } from './device-credentials';
export { diskProblem, writing } from './disk-problems';
export { type DownloadOptions, type DownloadResult, type DownloadTarget, downloadFile, hashOf } from './download-file';
export { type DrainResult, drainOutbox } from './outbox-sender';
export { pairDevice } from './pair-device';
export { DEFAULT_CHUNK_BYTES } from './send-upload';
export { createSyncService, type SyncService, type SyncServiceOptions } from './sync-service';
export type { SyncStatus } from './sync-status';
