// One laptop, no setup: when Proofdesk starts its own hosted service on loopback, the service
// makes sure a studio account exists and leaves a fresh pairing code in a file only this user can
// read (PROOFDESK_LOCAL_PAIRING_FILE), and the app pairs itself with it. The code is single-use
// and expires like any other; a photographer who later moves to a real server pairs by hand.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { issuePairingCode } from '../accounts/pairing-codes';
import { createStudio } from '../accounts/studios';
import type { Db } from '../db/types';

export const LOCAL_STUDIO = { name: 'My studio', email: 'studio@proofdesk.localhost' };

export async function writeLocalPairing(db: Db, file: string, now: number): Promise<void> {
  const oldest = await db.selectFrom('studios').select(['id', 'name']).orderBy('created_at').limit(1).executeTakeFirst();
  const issued = oldest
    ? { studio: oldest, pairing: await issuePairingCode(db, oldest.id, now) }
    : await createStudio(db, LOCAL_STUDIO, now);
  const body = JSON.stringify({
    code: issued.pairing.code,
    expiresAt: new Date(issued.pairing.expiresAt).toISOString(),
    studio: issued.studio.name,
  });
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomUUID()}.tmp`;
  await fs.writeFile(temp, body, { mode: 0o600 });
  await fs.rename(temp, file);
}
