// Per-studio settings of the order desk (GET|PUT /v1/studio/settings): the payment instructions
// clients see while an order awaits payment, where new orders are announced, and whether clients
// may pay by card. A studio that never saved any has the defaults below.
import type { StudioSettings } from '../../shared/schemas/orders-api';
import type { Db } from '../db/types';

export const defaultStudioSettings: StudioSettings = { paymentInstructions: '', notificationEmail: null, cardPayments: false };

export async function getStudioSettings(db: Db, studioId: string): Promise<StudioSettings> {
  const row = await db
    .selectFrom('studio_settings')
    .select(['payment_instructions', 'notification_email', 'card_payments'])
    .where('studio_id', '=', studioId)
    .executeTakeFirst();
  if (!row) return defaultStudioSettings;
  return {
    paymentInstructions: row.payment_instructions,
    notificationEmail: row.notification_email,
    cardPayments: Number(row.card_payments) === 1,
  };
}

export async function putStudioSettings(db: Db, studioId: string, settings: StudioSettings, now: number): Promise<StudioSettings> {
  const values = {
    payment_instructions: settings.paymentInstructions,
    notification_email: settings.notificationEmail,
    card_payments: settings.cardPayments ? 1 : 0,
    updated_at: now,
  };
  await db
    .insertInto('studio_settings')
    .values({ studio_id: studioId, ...values })
    .onConflict((oc) => oc.column('studio_id').doUpdateSet(values))
    .execute();
  return settings;
}

/** Where the studio's order e-mails go: its notification address, else the account's own. */
export async function studioNotificationAddress(db: Db, studioId: string): Promise<{ name: string; address: string }> {
  const studio = await db.selectFrom('studios').select(['name', 'email']).where('id', '=', studioId).executeTakeFirstOrThrow();
  const settings = await getStudioSettings(db, studioId);
  return { name: studio.name, address: settings.notificationEmail ?? studio.email };
}
