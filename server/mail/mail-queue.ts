// The e-mail queue and log (table order_emails): a row is written, already rendered, in the
// transaction that made the e-mail necessary (an order placed, a payment…), so an e-mail is
// never lost to a crash nor sent for a change that rolled back. server/mail/mail-sender.ts
// sends it later; the row keeps its status, attempts and the server's last answer for the studio.
import type { EmailKind, OrderEmail } from '../../shared/schemas/orders-api';
import type { Language } from '../../shared/schemas/prefs';
import type { Db } from '../db/types';
import { uuidv7 } from '../db/uuidv7';

export interface NewEmail {
  studioId: string;
  orderId: string;
  kind: EmailKind;
  to: string;
  fromName: string;
  replyTo: string | null;
  subject: string;
  language: Language;
  text: string;
  html: string;
}

export async function queueEmail(trx: Db, email: NewEmail, now: number): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('order_emails')
    .values({
      id,
      studio_id: email.studioId,
      order_id: email.orderId,
      kind: email.kind,
      to_address: email.to,
      from_name: email.fromName,
      reply_to: email.replyTo,
      subject: email.subject,
      language: email.language,
      body_text: email.text,
      body_html: email.html,
      status: 'queued',
      detail: null,
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
      sent_at: null,
    })
    .execute();
  return id;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export async function listOrderEmails(db: Db, orderId: string): Promise<OrderEmail[]> {
  const rows = await db
    .selectFrom('order_emails')
    .select(['id', 'kind', 'to_address', 'subject', 'language', 'status', 'detail', 'attempts', 'created_at', 'sent_at'])
    .where('order_id', '=', orderId)
    // Ids are UUIDv7: within one millisecond they keep the order the e-mails were queued in.
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as EmailKind,
    to: r.to_address,
    subject: r.subject,
    language: r.language as Language,
    status: r.status,
    detail: r.detail,
    attempts: Number(r.attempts),
    createdAt: iso(r.created_at) as string,
    sentAt: iso(r.sent_at),
  }));
}

/** A copy of a queued or sent e-mail, to the address given (the order's corrected contact). */
export async function queueCopy(trx: Db, input: { orderId: string; emailId: string; to: string }, now: number): Promise<string | null> {
  const original = await trx
    .selectFrom('order_emails')
    .selectAll()
    .where('id', '=', input.emailId)
    .where('order_id', '=', input.orderId)
    .executeTakeFirst();
  if (!original) return null;
  return queueEmail(
    trx,
    {
      studioId: original.studio_id,
      orderId: original.order_id,
      kind: original.kind as EmailKind,
      to: input.to,
      fromName: original.from_name,
      replyTo: original.reply_to,
      subject: original.subject,
      language: original.language as Language,
      text: original.body_text,
      html: original.body_html,
    },
    now,
  );
}
