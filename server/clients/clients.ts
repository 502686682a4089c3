// The studio's clients (name, e-mail, phone, language), upserted by the studio's catalog id.
// The language is the one the gallery page opens in. Every upsert reaches the studio's other
// devices as a client.updated change, recorded in the same transaction.
import type { ChangeActor, ClientContact } from '../../shared/schemas/hosted-api';
import { recordClientUpdated } from '../changes/studio-changes';
import type { Db } from '../db/types';

export interface StoredClient extends ClientContact {
  id: string;
}

export async function upsertClient(
  db: Db,
  input: { studioId: string; clientId: string; contact: ClientContact; by: ChangeActor },
  now: number,
): Promise<StoredClient> {
  const { studioId, clientId, contact } = input;
  const values = { name: contact.name, email: contact.email, phone: contact.phone, language: contact.language, updated_at: now };
  const client: StoredClient = { id: clientId, ...contact };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('clients')
      .values({ studio_id: studioId, id: clientId, created_at: now, ...values })
      .onConflict((oc) => oc.columns(['studio_id', 'id']).doUpdateSet(values))
      .execute();
    await recordClientUpdated(trx, { studioId, client, by: input.by, at: now });
  });
  return client;
}

export async function findClient(db: Db, studioId: string, clientId: string) {
  return db
    .selectFrom('clients')
    .select(['id', 'name', 'email', 'phone', 'language'])
    .where('studio_id', '=', studioId)
    .where('id', '=', clientId)
    .executeTakeFirst();
}
