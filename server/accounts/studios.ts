// The studio account: one per photographer's business, shared by all its paired laptops.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/types';
import { ApiError } from '../http/api-error';
import { type IssuedPairingCode, issuePairingCode } from './pairing-codes';

export interface CreatedStudio {
  studio: { id: string; name: string; email: string };
  pairing: IssuedPairingCode;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates the account and the pairing code for its first device, in one transaction. */
export async function createStudio(db: Db, input: { name: string; email: string }, now: number): Promise<CreatedStudio> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('studios').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) {
      throw new ApiError(
        'conflict',
        `A studio with the e-mail ${email} already exists. To pair another device, run \`npm run server -- pairing-code --email ${email}\`.`,
      );
    }
    const id = randomUUID();
    await trx.insertInto('studios').values({ id, name, email, created_at: now }).execute();
    const pairing = await issuePairingCode(trx, id, now);
    return { studio: { id, name, email }, pairing };
  });
}

export async function findStudioByEmail(db: Db, email: string): Promise<{ id: string; name: string; email: string } | undefined> {
  return db.selectFrom('studios').select(['id', 'name', 'email']).where('email', '=', normaliseEmail(email)).executeTakeFirst();
}
