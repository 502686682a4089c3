// The studio side of offline-first sync (design §4): pairing, then a loop that drains the
// outbox and pulls the change feed, every `intervalMs` and at once when a change is queued.
// Offline is a normal state: requests fail, `online` turns false, rows stay queued, and the
// loop tries again later. Nothing here throws at the caller except pair().

import { AppError } from '../../../shared/errors';
import type { ActivityKind, Catalog, OutboxItem } from '../catalog';
import type { SecretStore } from '../secrets';
import { REVOKED_MESSAGE, serverMessage } from './answers';
import { createApiClient, type FetchLike } from './api-client';
import { type BackoffOptions, DEFAULT_BACKOFF } from './backoff';
import { type DeviceCredentials, forgetCredentials, normaliseServerUrl, readCredentials, saveCredentials } from './device-credentials';
import { type DownloadOptions, type DownloadResult, downloadFile } from './download-file';
import { pairDevice } from './pair-device';
import { DEFAULT_CHUNK_BYTES } from './send-upload';
import { createSyncLoop } from './sync-loop';
import { outboxCounts, syncRound } from './sync-round';
import { createStatusTracker, type SyncStatus } from './sync-status';

export interface SyncServiceOptions {
  catalog: Catalog;
  secrets: SecretStore;
  /** The server chosen in Settings (or the local one); null: whichever this device is paired with. */
  serverUrl: string | null;
  fetch: FetchLike;
  now: () => Date;
  /** [0, 1), for backoff jitter. */
  random: () => number;
  onStatus?: (status: SyncStatus) => void;
  /** After a change-feed page touched a gallery's client activity (already committed). */
  onChange?: (kind: ActivityKind, galleryId: string) => void;
  /** Another studio device changed something this one shows (already applied): tell the user. */
  onRemark?: (message: string) => void;
  /** Inside the transaction that marks a row delivered, e.g. to keep a gallery's access code. */
  onDelivered?: (item: OutboxItem, response: unknown) => void;
  /** The server refused a change for good: tell the user (the message is the server's). */
  onRejected?: (item: OutboxItem, message: string) => void;
  onUploadProgress?: (seq: number, sentBytes: number, totalBytes: number) => void;
  /**
   * Offers a pairing code when this device is not paired (the hosted service Proofdesk runs on
   * this computer leaves one); each code is tried once. Not used after the device was revoked.
   */
  autoPair?: () => Promise<{ code: string; deviceName: string } | null>;
  /** Default 30 s. */
  intervalMs?: number;
  backoff?: BackoffOptions;
  chunkBytes?: number;
  pageSize?: number;
}

export interface SyncService {
  /** Pairs this device with a code from another device or the server CLI. Throws AppError with a sentence to show. */
  pair(serverUrl: string, code: string, deviceName: string): Promise<{ deviceId: string; studio: { id: string; name: string } }>;
  /** A single-use code for pairing another laptop of the studio (needs the server: no queueing). */
  newPairingCode(): Promise<{ code: string; expiresAt: string }>;
  /** A GET of the hosted API now (not queued): for what is read, not changed. Throws AppError offline. */
  read(path: string): Promise<unknown>;
  /**
   * One request now, not queued, for a change that needs the server's answer at once (a retouch
   * claim: the answer is the lease). Any status is answered for the caller to read (a 409 carries
   * who holds the task); throws AppError 'offline' with `offlineSentence` when there is no answer,
   * and when this computer is not paired or was disconnected.
   */
  send(method: 'POST' | 'PUT' | 'PATCH', path: string, json: unknown, offlineSentence: string): Promise<{ status: number; body: unknown }>;
  /**
   * Downloads a file of the hosted API (GET `path`) to `destFile` now (not queued): streamed to a
   * hidden partial file, resumed after a dropped connection, renamed only once its SHA-256 is right.
   * Throws AppError with a sentence: 'offline', a refusal, a mismatch ('conflict'), a disk problem ('io_error').
   */
  download(path: string, destFile: string, options?: DownloadOptions): Promise<DownloadResult>;
  /** Forgets the device token; queued changes stay and go out after pairing again. */
  unpair(): Promise<void>;
  /** Settings changed the server address. */
  setServerUrl(serverUrl: string | null): void;
  status(): SyncStatus;
  start(): void;
  stop(): Promise<void>;
  /** One send + pull round now (also when not started), e.g. for a "Sync now" button; waiting rows are tried at once. */
  syncNow(): Promise<SyncStatus>;
  /** Run a round soon (when started); every queued outbox row does this by itself. */
  wake(): void;
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { catalog, secrets } = options;
  let serverUrl = options.serverUrl === null ? null : normaliseServerUrl(options.serverUrl);
  let credentials: DeviceCredentials | null | undefined; // undefined: not read yet
  const saved = catalog.syncState.get();
  const tracker = createStatusTracker(
    {
      serverUrl,
      paired: false,
      online: true,
      syncing: false,
      ...outboxCounts(catalog),
      lastSuccessAt: saved.lastSuccessAt,
      lastError: saved.lastError,
      revoked: saved.revokedAt !== null,
      secretsNotice: null,
    },
    options.onStatus,
  );

  async function usableCredentials(): Promise<DeviceCredentials | null> {
    if (credentials === undefined) credentials = await readCredentials(secrets);
    const usable = credentials !== null && (serverUrl === null || credentials.serverUrl === serverUrl) ? credentials : null;
    tracker.update({
      paired: usable !== null,
      serverUrl: serverUrl ?? credentials?.serverUrl ?? null,
      secretsNotice: usable ? secrets.notice : null,
    });
    return usable;
  }

  const triedCodes = new Set<string>();
  async function tryAutoPair(): Promise<DeviceCredentials | null> {
    const offer = await options.autoPair?.();
    if (!offer || triedCodes.has(offer.code) || !serverUrl || tracker.get().revoked) return null;
    triedCodes.add(offer.code);
    try {
      await service.pair(serverUrl, offer.code, offer.deviceName);
      return usableCredentials();
    } catch {
      // Used elsewhere or expired: the Settings card still offers pairing by hand.
      return null;
    }
  }

  const round = async (): Promise<number | null> => {
    const device = (await usableCredentials()) ?? (await tryAutoPair());
    tracker.update(outboxCounts(catalog));
    if (!device || tracker.get().revoked) return null;
    tracker.update({ syncing: true });
    try {
      return await syncRound(
        {
          catalog,
          tracker,
          now: options.now,
          random: options.random,
          backoff: options.backoff ?? DEFAULT_BACKOFF,
          chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
          pageSize: options.pageSize ?? 200,
          onChange: options.onChange,
          onRemark: options.onRemark,
          onDelivered: options.onDelivered,
          onRejected: options.onRejected,
          onUploadProgress: options.onUploadProgress,
        },
        createApiClient(options.fetch, device.serverUrl),
        device.token,
      );
    } finally {
      tracker.update({ syncing: false });
    }
  };
  const loop = createSyncLoop(round, options.intervalMs ?? 30_000, (error) => {
    // A bug or a disk problem, not the network: show it and keep the loop alive.
    const message = error instanceof Error ? error.message : String(error);
    catalog.syncState.recordError(message);
    tracker.update({ lastError: message });
  });
  // Runs inside the enqueuing transaction; a microtask runs after it committed or rolled back
  // (better-sqlite3 transactions are synchronous), so the count it reads is the real one.
  catalog.outbox.onEnqueue(() =>
    queueMicrotask(() => {
      loop.wake();
      try {
        tracker.update(outboxCounts(catalog));
      } catch {
        // The catalog was closed meanwhile (library switched): nothing left to count.
      }
    }),
  );

  /** One request now, for what cannot wait in the outbox: the answer, whatever its status. */
  async function request(method: string, path: string, offline: () => AppError, json?: unknown) {
    const device = await usableCredentials();
    if (!device) throw new AppError('conflict', 'Pair this computer with the hosted service first (Settings › Hosted service).');
    const api = createApiClient(options.fetch, device.serverUrl);
    try {
      return await api.request(method, path, {
        token: device.token,
        ...(json !== undefined ? { json, idempotencyKey: crypto.randomUUID() } : {}),
      });
    } catch {
      throw offline();
    }
  }

  /** One request now that must answer `expect`; every failure is a sentence to show. */
  async function online(method: string, path: string, expect: number, offlineSentence: string, json?: unknown): Promise<unknown> {
    const offline = () => new AppError('io_error', `The hosted service cannot be reached. ${offlineSentence}; try again when online.`);
    const answer = await request(method, path, offline, json);
    if (answer.status !== expect) {
      throw new AppError(
        answer.status === 401 ? 'unauthorized' : 'io_error',
        answer.status === 401 ? REVOKED_MESSAGE : serverMessage(answer),
      );
    }
    return answer.body;
  }

  const service: SyncService = {
    async pair(url, code, deviceName) {
      const paired = await pairDevice(options.fetch, normaliseServerUrl(url), code, deviceName);
      await saveCredentials(secrets, paired);
      credentials = paired;
      serverUrl = paired.serverUrl;
      catalog.syncState.bindServer(paired.serverUrl, paired.deviceId);
      tracker.update({ revoked: false, lastError: null, serverUrl, paired: true, secretsNotice: secrets.notice });
      loop.wake();
      return { deviceId: paired.deviceId, studio: paired.studio };
    },
    async newPairingCode() {
      const body = (await online('POST', '/v1/pairing-codes', 201, 'A pairing code needs a connection', {})) as {
        code?: unknown;
        expiresAt?: unknown;
      } | null;
      if (typeof body?.code !== 'string' || typeof body.expiresAt !== 'string')
        throw new AppError('io_error', 'The hosted service sent no pairing code. Try again.');
      return { code: body.code, expiresAt: body.expiresAt };
    },
    read: (path) => online('GET', path, 200, 'Reading this needs a connection'),
    async send(method, path, json, offlineSentence) {
      const answer = await request(method, path, () => new AppError('offline', offlineSentence), json);
      if (answer.status === 401) throw new AppError('unauthorized', REVOKED_MESSAGE);
      tracker.update({ online: true });
      return { status: answer.status, body: answer.body };
    },
    async download(path, destFile, downloadOptions) {
      const device = await usableCredentials();
      if (!device) throw new AppError('conflict', 'Pair this computer with the hosted service first (Settings › Hosted service).');
      return downloadFile({ fetch: options.fetch, baseUrl: device.serverUrl, token: device.token }, path, destFile, downloadOptions);
    },
    async unpair() {
      await forgetCredentials(secrets);
      credentials = null;
      tracker.update({ paired: false, secretsNotice: null });
    },
    setServerUrl(url) {
      serverUrl = url === null ? null : normaliseServerUrl(url);
      loop.wake();
    },
    status: () => tracker.get(),
    start: () => loop.start(),
    stop: () => loop.stop(),
    async syncNow() {
      // A person pressed "Sync now": don't make them wait out a backoff of minutes.
      catalog.outbox.dueNow();
      await loop.runNow();
      return tracker.get();
    },
    wake: () => loop.wake(),
  };
  return service;
}
