// The one sync_state row: which server this catalog syncs with, the change-feed cursor, and
// what the offline indicator shows (last success, last error, device revoked).
import type Database from 'better-sqlite3';

export interface SyncState {
  serverUrl: string | null;
  /** Last change-feed seq applied; advanced only together with the changes (activity-repo). */
  cursor: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** Set when the server answered 401: the device was disconnected or never paired. */
  revokedAt: string | null;
  /** This computer's device id on the server (from pairing). */
  deviceId: string | null;
}

export interface SyncStateRepo {
  get(): SyncState;
  /**
   * Binds the catalog to a server. A different server starts its feed from 0, and the
   * client_* mirror is cleared: it described the old server's galleries (which stay there).
   */
  bindServer(serverUrl: string, deviceId?: string): void;
  recordSuccess(): void;
  recordError(message: string): void;
  setRevoked(revoked: boolean): void;
}

interface Row {
  server_url: string | null;
  cursor: number;
  last_success_at: string | null;
  last_error: string | null;
  revoked_at: string | null;
  device_id: string | null;
}

const MIRROR_TABLES = [
  'client_activity',
  'client_gallery_views',
  'client_favourites',
  'client_basket',
  'client_orders',
  'remote_photo_flags',
  // The old server's retouch tasks (the versions dropped here and their images are local files: kept).
  'retouch_tasks',
  'retouch_problems',
];

export function createSyncStateRepo(db: Database.Database, now: () => Date): SyncStateRepo {
  const select = db.prepare<[], Row>(
    'SELECT server_url, cursor, last_success_at, last_error, revoked_at, device_id FROM sync_state WHERE id = 1',
  );
  // Every write goes through ensureRow first: the row only exists once sync was used.
  const ensureRow = db.prepare('INSERT INTO sync_state (id) VALUES (1) ON CONFLICT (id) DO NOTHING');
  const bind = db.prepare<[string]>(
    'UPDATE sync_state SET server_url = ?, cursor = 0, last_success_at = NULL, last_error = NULL, revoked_at = NULL WHERE id = 1',
  );
  const success = db.prepare<[string]>('UPDATE sync_state SET last_success_at = ?, last_error = NULL, revoked_at = NULL WHERE id = 1');
  const failure = db.prepare<[string]>('UPDATE sync_state SET last_error = ? WHERE id = 1');
  const revoke = db.prepare<[string | null]>('UPDATE sync_state SET revoked_at = ? WHERE id = 1');
  const setDevice = db.prepare<[string]>('UPDATE sync_state SET device_id = ? WHERE id = 1');
  const write = <A extends unknown[]>(statement: { run: (...args: A) => unknown }) =>
    db.transaction((...args: A) => {
      ensureRow.run();
      statement.run(...args);
    });
  const setSuccess = write(success);
  const setFailure = write(failure);
  const setRevoked = write(revoke);
  const clearMirror = MIRROR_TABLES.map((table) => db.prepare(`DELETE FROM ${table}`));

  const get = (): SyncState => {
    const row = select.get() ?? { server_url: null, cursor: 0, last_success_at: null, last_error: null, revoked_at: null, device_id: null };
    return {
      serverUrl: row.server_url,
      cursor: row.cursor,
      lastSuccessAt: row.last_success_at,
      lastError: row.last_error,
      revokedAt: row.revoked_at,
      deviceId: row.device_id,
    };
  };
  const bindServer = db.transaction((serverUrl: string, deviceId?: string) => {
    ensureRow.run();
    if (deviceId) setDevice.run(deviceId);
    if (get().serverUrl === serverUrl) {
      revoke.run(null);
      return;
    }
    bind.run(serverUrl);
    for (const statement of clearMirror) statement.run();
  });
  return {
    get,
    bindServer: (serverUrl, deviceId) => bindServer(serverUrl, deviceId),
    recordSuccess: () => setSuccess(now().toISOString()),
    recordError: (message) => setFailure(message),
    setRevoked: (revoked) => setRevoked(revoked ? now().toISOString() : null),
  };
}
