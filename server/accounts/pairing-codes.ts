// Pairing codes let a new studio laptop join the account: single use, short-lived, and the
// redeeming request is rate-limited by the route. Stored as a sha256 only: a code has ~59
// random bits and dies within minutes, so a slow hash would add cost without adding safety.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/types';
import { ApiError } from '../http/api-error';
import { newHumanCode, normaliseHumanCode } from '../security/human-codes';
import { digestsEqual, formatToken, newSecret, sha256Hex } from '../security/tokens';

export const PAIRING_CODE_TTL_MS = 15 * 60 * 1000;

export interface IssuedPairingCode {
  code: string;
  expiresAt: number;
}

export async function issuePairingCode(db: Db, studioId: string, now: number): Promise<IssuedPairingCode> {
  const code = newHumanCode(3);
  const expiresAt = now + PAIRING_CODE_TTL_MS;
  await db
    .insertInto('pairing_codes')
    .values({
      id: randomUUID(),
      studio_id: studioId,
      code_hash: sha256Hex(normaliseHumanCode(code)),
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { code, expiresAt };
}

export interface PairedDevice {
  token: string;
  device: { id: string; name: string; createdAt: number };
  studio: { id: string; name: string };
}

const newCodeHint =
  'Create a new code on a paired device (Devices → Pair another device) or with `npm run server -- pairing-code --email …`.';

export async function redeemPairingCode(db: Db, code: string, deviceName: string, now: number): Promise<PairedDevice> {
  const codeHash = sha256Hex(normaliseHumanCode(code));
  return db.transaction().execute(async (trx) => {
    // Found by its hash (an attacker cannot steer where a guess's hash lands), then compared
    // again in constant time so the check does not depend on how the index answered.
    const row = await trx
      .selectFrom('pairing_codes')
      .innerJoin('studios', 'studios.id', 'pairing_codes.studio_id')
      .select([
        'pairing_codes.id',
        'pairing_codes.code_hash',
        'pairing_codes.expires_at',
        'pairing_codes.used_at',
        'studios.id as studio_id',
        'studios.name as studio_name',
      ])
      .where('pairing_codes.code_hash', '=', codeHash)
      .executeTakeFirst();
    if (!row || !digestsEqual(row.code_hash, codeHash))
      throw new ApiError('unauthorized', `This pairing code is not valid. Check it for typos. ${newCodeHint}`);
    if (row.used_at !== null)
      throw new ApiError('unauthorized', `This pairing code was already used: each code pairs one device. ${newCodeHint}`);
    if (row.expires_at <= now)
      throw new ApiError(
        'unauthorized',
        `This pairing code has expired (codes last ${PAIRING_CODE_TTL_MS / 60000} minutes). ${newCodeHint}`,
      );

    // Claim the code with a conditional update, so two devices racing with one code cannot both win.
    const claimed = await trx
      .updateTable('pairing_codes')
      .set({ used_at: now })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new ApiError('unauthorized', `This pairing code was already used: each code pairs one device. ${newCodeHint}`);

    const deviceId = randomUUID();
    const secret = newSecret();
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        studio_id: row.studio_id,
        name: deviceName,
        token_hash: sha256Hex(secret),
        created_at: now,
        last_seen_at: now,
        revoked_at: null,
      })
      .execute();
    await trx.updateTable('pairing_codes').set({ used_by_device_id: deviceId }).where('id', '=', row.id).execute();
    return {
      token: formatToken('pdd', deviceId, secret),
      device: { id: deviceId, name: deviceName, createdAt: now },
      studio: { id: row.studio_id, name: row.studio_name },
    };
  });
}
