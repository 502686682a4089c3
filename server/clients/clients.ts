// The studio's clients (name, e-mail, phone, language), upserted by the studio's catalog id.
// The language is the one the gallery page opens in.
import type { ClientContact } from '../../shared/schemas/hosted-api';
import type { Db } from '../db/types';

export interface StoredClient extends ClientContact {
  id: string;
}

export async function upsertClient(db: Db, studioId: string, clientId: string, contact: ClientContact, now: number): Promise<StoredClient> {
  const values = { name: contact.name, email: contact.email, phone: contact.phone, language: contact.language, updated_at: now };
  await db
    .insertInto('clients')
    .values({ studio_id: studioId, id: clientId, created_at: now, ...values })
    .onConflict((oc) => oc.columns(['studio_id', 'id']).doUpdateSet(values))
    .execute();
  return { id: clientId, ...contact };
}

export async function findClient(db: Db, studioId: string, clientId: string) {
  return db
    .selectFrom('clients')
    .select(['id', 'name', 'email', 'phone', 'language'])
    .where('studio_id', '=', studioId)
    .where('id', '=', clientId)
    .executeTakeFirst();
}
