// Paired studio devices: token check on every studio request, listing, and revocation.

import type { AuthenticatedDevice } from '../context';
import type { Db } from '../db/types';
import { ApiError } from '../http/api-error';
import { bearerToken, digestsEqual, parseToken, sha256Hex } from '../security/tokens';

const LAST_SEEN_RESOLUTION_MS = 60_000;
const bearerChallenge = { 'www-authenticate': 'Bearer realm="proofdesk-studio"' };

function unauthorized(message: string): ApiError {
  return new ApiError('unauthorized', message, { headers: bearerChallenge });
}

export async function authenticateDevice(db: Db, authorization: string | undefined, now: number): Promise<AuthenticatedDevice> {
  const token = bearerToken(authorization);
  if (!token) {
    throw unauthorized(
      'This request needs a studio device token (Authorization: Bearer …). Pair this device with the studio account first.',
    );
  }
  const parsed = parseToken('pdd', token);
  const row = parsed
    ? await db
        .selectFrom('devices')
        .select(['id', 'name', 'studio_id', 'token_hash', 'revoked_at', 'last_seen_at'])
        .where('id', '=', parsed.id)
        .executeTakeFirst()
    : undefined;
  if (!parsed || !row || !digestsEqual(row.token_hash, sha256Hex(parsed.secret))) {
    throw unauthorized('This device token is not valid for this server. Pair this device again with a new pairing code.');
  }
  if (row.revoked_at !== null) {
    throw unauthorized(
      `This device was disconnected from the studio account on ${new Date(row.revoked_at).toISOString()}. Pair it again with a new pairing code from another studio device.`,
    );
  }
  // Written at most once a minute: "last seen" is for people, not worth a write per request.
  if (row.last_seen_at === null || now - row.last_seen_at >= LAST_SEEN_RESOLUTION_MS) {
    await db.updateTable('devices').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  return { deviceId: row.id, deviceName: row.name, studioId: row.studio_id };
}

export interface DeviceSummary {
  id: string;
  name: string;
  createdAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
}

export async function listDevices(db: Db, studioId: string): Promise<DeviceSummary[]> {
  const rows = await db
    .selectFrom('devices')
    .select(['id', 'name', 'created_at', 'last_seen_at', 'revoked_at'])
    .where('studio_id', '=', studioId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastSeenAt: r.last_seen_at, revokedAt: r.revoked_at }));
}

/** Revoking twice keeps the first time. A device of another studio is "not found", not "forbidden": no existence leak. */
export async function revokeDevice(db: Db, studioId: string, deviceId: string, now: number): Promise<DeviceSummary> {
  await db
    .updateTable('devices')
    .set({ revoked_at: now })
    .where('id', '=', deviceId)
    .where('studio_id', '=', studioId)
    .where('revoked_at', 'is', null)
    .execute();
  const device = (await listDevices(db, studioId)).find((d) => d.id === deviceId);
  if (!device) throw new ApiError('not_found', 'There is no such device in this studio account. Refresh the device list.');
  return device;
}
