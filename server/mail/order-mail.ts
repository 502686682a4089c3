// Which e-mails an order change sends, to whom and in which language, queued in the caller's
// transaction (server/mail/mail-queue.ts):
// - placement: studio_new_order to the studio (its notification address, else the account's) and
//   client_order_confirmation to the client, which carries the payment instructions itself when
//   the order goes straight to awaiting payment (so the client gets one e-mail, not two);
// - validation that leaves the order awaiting payment: client_awaiting_payment (the instructions);
// - a payment (Mark as paid, a card payment, a free order validated): client_paid;
// - cancellation: client_cancelled.
// Client e-mails are in the gallery client's language, from the studio's name, Reply-To the
// studio; the studio's e-mail is in English (the studio has no language setting yet), Reply-To
// the client.
import type { OrderFlowState, OrderTransition } from '../../shared/orders';
import type { Language } from '../../shared/schemas/prefs';
import { languages } from '../../shared/schemas/prefs';
import { getStudioSettings } from '../accounts/studio-settings';
import type { Db, OrdersTable } from '../db/types';
import { queueEmail } from './mail-queue';
import { type OrderMailFacts, renderOrderEmail, type TemplatedKind } from './templates';

const STUDIO_LANGUAGE: Language = 'en';

interface OrderMailContext {
  facts: OrderMailFacts;
  clientLanguage: Language;
  studioAddress: string;
}

/** https://host/g/<slug> and its order page https://host/g/<slug>#order=<id> (gallery-web route.ts). */
export function orderLinks(publicUrl: string, slug: string, orderId: string): { galleryUrl: string; orderUrl: string } {
  const galleryUrl = `${publicUrl.replace(/\/+$/, '')}/g/${slug}`;
  return { galleryUrl, orderUrl: `${galleryUrl}#order=${encodeURIComponent(orderId)}` };
}

async function mailContext(trx: Db, row: OrdersTable, flow: OrderFlowState, publicUrl: string): Promise<OrderMailContext> {
  const gallery = await trx
    .selectFrom('galleries')
    .select(['slug', 'title', 'client_id'])
    .where('id', '=', row.gallery_id)
    .executeTakeFirstOrThrow();
  const client =
    gallery.client_id === null
      ? undefined
      : await trx
          .selectFrom('clients')
          .select('language')
          .where('studio_id', '=', row.studio_id)
          .where('id', '=', gallery.client_id)
          .executeTakeFirst();
  const studio = await trx.selectFrom('studios').select(['name', 'email']).where('id', '=', row.studio_id).executeTakeFirstOrThrow();
  const settings = await getStudioSettings(trx, row.studio_id);
  const photoIds = JSON.parse(row.photo_ids) as string[];
  const names = await trx
    .selectFrom('gallery_photos')
    .select(['photo_id', 'name'])
    .where('gallery_id', '=', row.gallery_id)
    .where('photo_id', 'in', photoIds)
    .execute();
  const nameOf = new Map(names.map((n) => [n.photo_id, n.name]));
  const contact = JSON.parse(row.contact) as { name: string; email: string; phone: string | null };
  const method = JSON.parse(row.delivery_method) as { label: string };
  const language = (languages as readonly string[]).includes(client?.language ?? '') ? (client?.language as Language) : 'en';
  return {
    clientLanguage: language,
    studioAddress: settings.notificationEmail ?? studio.email,
    facts: {
      number: row.number,
      studioName: studio.name,
      galleryTitle: gallery.title,
      clientName: contact.name,
      clientEmail: contact.email,
      clientPhone: contact.phone,
      note: row.note,
      photoCount: photoIds.length,
      photoNames: photoIds.map((id) => nameOf.get(id) ?? id),
      deliveryLabel: method.label,
      totalMinor: Number(row.total_minor),
      vatMinor: Number(row.vat_minor),
      currency: row.currency,
      state: flow.state,
      paidMethod: flow.paid?.method ?? null,
      paymentInstructions: settings.paymentInstructions,
      cardPayments: settings.cardPayments,
      ...orderLinks(publicUrl, gallery.slug, row.id),
    },
  };
}

async function queueOne(trx: Db, row: OrdersTable, ctx: OrderMailContext, kind: TemplatedKind, now: number): Promise<void> {
  const toStudio = kind === 'studio_new_order';
  const language = toStudio ? STUDIO_LANGUAGE : ctx.clientLanguage;
  const mail = renderOrderEmail(kind, language, ctx.facts);
  await queueEmail(
    trx,
    {
      studioId: row.studio_id,
      orderId: row.id,
      kind,
      to: toStudio ? ctx.studioAddress : ctx.facts.clientEmail,
      fromName: toStudio ? 'Proofdesk' : ctx.facts.studioName,
      replyTo: toStudio ? ctx.facts.clientEmail : ctx.studioAddress,
      subject: mail.subject,
      language,
      text: mail.text,
      html: mail.html,
    },
    now,
  );
}

/** The e-mails of a new order: the studio's announcement and the client's confirmation. */
export async function queuePlacementEmails(trx: Db, row: OrdersTable, flow: OrderFlowState, publicUrl: string, now: number): Promise<void> {
  const ctx = await mailContext(trx, row, flow, publicUrl);
  await queueOne(trx, row, ctx, 'studio_new_order', now);
  await queueOne(trx, row, ctx, 'client_order_confirmation', now);
}

/** The client e-mail a transition calls for, if any (see the header). */
export function emailForTransition(transition: OrderTransition): TemplatedKind | null {
  if (transition.to === 'cancelled' && transition.from !== 'cancelled') return 'client_cancelled';
  const paying = transition.eventType === 'mark_paid' || transition.eventType === 'card_payment_succeeded';
  if (paying || transition.via.includes('paid')) return 'client_paid';
  if (transition.eventType === 'validate' && transition.to === 'awaiting_payment') return 'client_awaiting_payment';
  return null;
}

export async function queueTransitionEmail(
  trx: Db,
  row: OrdersTable,
  flow: OrderFlowState,
  transition: OrderTransition,
  publicUrl: string,
  now: number,
): Promise<boolean> {
  const kind = emailForTransition(transition);
  if (!kind) return false;
  await queueOne(trx, row, await mailContext(trx, row, flow, publicUrl), kind, now);
  return true;
}
