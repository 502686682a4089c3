// The client_download_links e-mail: "your photos are ready", the download page's link, until when
// it works and how many files each set holds, in the gallery client's language, from the studio's
// name with Reply-To the studio (as the other client e-mails, server/mail/order-mail.ts). Queued
// through the e-mail queue in the caller's transaction. It always carries the order's current
// link: a resend renders it afresh (never a copy of an older e-mail with a revoked link), and a
// new link re-renders the download e-mails still waiting in the queue.
import type { DeliverySet } from '../../shared/schemas/delivery-api';
import { type Language, languages } from '../../shared/schemas/prefs';
import { studioNotificationAddress } from '../accounts/studio-settings';
import type { Db, DownloadLinksTable, OrdersTable } from '../db/types';
import { ApiError } from '../http/api-error';
import { queueEmail } from '../mail/mail-queue';
import { type MailContent, type RenderedMail, render } from '../mail/templates/blocks';
import { currentLink, listDeliveryFiles } from './delivery-state';
import { fileCount, formatBytes, formatExpiry, setLabels } from './delivery-words';

export interface DownloadMailFacts {
  studioName: string;
  galleryTitle: string;
  number: string;
  clientName: string;
  url: string;
  expiresAt: number;
  sets: { set: DeliverySet; count: number; bytes: number }[];
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

function content(language: Language, f: DownloadMailFacts): MailContent {
  const sets = f.sets.map((s): [string, string] => [
    setLabels[language][s.set],
    `${fileCount(s.count, language)}, ${formatBytes(s.bytes, language)}`,
  ]);
  const until = formatExpiry(f.expiresAt, language);
  if (language === 'pl') {
    return {
      subject: `Twoje zdjęcia są gotowe do pobrania (zamówienie ${f.number})`,
      greeting: 'Dzień dobry,',
      blocks: [
        { kind: 'p', text: `zdjęcia z galerii „${f.galleryTitle}” są gotowe do pobrania – pojedynczo albo wszystkie naraz w pliku zip.` },
        { kind: 'facts', rows: [['Zamówienie', f.number], ...sets, ['Link ważny do', until]] },
        { kind: 'link', label: 'Pobierz zdjęcia', url: f.url },
        {
          kind: 'p',
          text: `Po tym terminie link przestanie działać. Jeśli potrzebujesz nowego, odpowiedz na tę wiadomość – ${f.studioName} go prześle.`,
        },
      ],
      signature: f.studioName,
    };
  }
  return {
    subject: `Your photos are ready to download (order ${f.number})`,
    greeting: `Hello ${firstName(f.clientName)},`,
    blocks: [
      { kind: 'p', text: `Your photos from the gallery “${f.galleryTitle}” are ready: download them one by one or all at once as a zip.` },
      { kind: 'facts', rows: [['Order', f.number], ...sets, ['Link works until', until]] },
      { kind: 'link', label: 'Download your photos', url: f.url },
      {
        kind: 'p',
        text: `The link stops working after that. If you need a new one, reply to this e-mail and ${f.studioName} will send it.`,
      },
    ],
    signature: f.studioName,
  };
}

export function renderDownloadLinksEmail(language: Language, facts: DownloadMailFacts): RenderedMail {
  return render(content(language, facts), language);
}

export interface DeliveryAudience {
  language: Language;
  studioName: string;
  studioAddress: string;
  galleryTitle: string;
  clientName: string;
  clientEmail: string;
}

/** Who the order's client is and which language they read (the gallery client's, else English). */
export async function deliveryAudience(db: Db, row: OrdersTable): Promise<DeliveryAudience> {
  const gallery = await db
    .selectFrom('galleries')
    .select(['title', 'client_id'])
    .where('id', '=', row.gallery_id)
    .executeTakeFirstOrThrow();
  const client =
    gallery.client_id === null
      ? undefined
      : await db
          .selectFrom('clients')
          .select('language')
          .where('studio_id', '=', row.studio_id)
          .where('id', '=', gallery.client_id)
          .executeTakeFirst();
  const studio = await studioNotificationAddress(db, row.studio_id);
  const contact = JSON.parse(row.contact) as { name: string; email: string };
  const language = (languages as readonly string[]).includes(client?.language ?? '') ? (client?.language as Language) : 'en';
  return {
    language,
    studioName: studio.name,
    studioAddress: studio.address,
    galleryTitle: gallery.title,
    clientName: contact.name,
    clientEmail: contact.email,
  };
}

async function renderFor(db: Db, row: OrdersTable, link: DownloadLinksTable) {
  const audience = await deliveryAudience(db, row);
  const sets = new Map<DeliverySet, { set: DeliverySet; count: number; bytes: number }>();
  for (const file of await listDeliveryFiles(db, row.id)) {
    const entry = sets.get(file.set) ?? { set: file.set, count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += file.size;
    sets.set(file.set, entry);
  }
  const facts: DownloadMailFacts = {
    studioName: audience.studioName,
    galleryTitle: audience.galleryTitle,
    number: row.number,
    clientName: audience.clientName,
    url: link.url,
    expiresAt: Number(link.expires_at),
    sets: [...sets.values()],
  };
  return { audience, mail: renderDownloadLinksEmail(audience.language, facts) };
}

/** Queues the download e-mail with `link` to the order's client (or `to`, a resend's address). */
export async function queueDownloadLinksEmail(
  trx: Db,
  row: OrdersTable,
  input: { link: DownloadLinksTable; to?: string; now: number },
): Promise<string> {
  const { audience, mail } = await renderFor(trx, row, input.link);
  return queueEmail(
    trx,
    {
      studioId: row.studio_id,
      orderId: row.id,
      kind: 'client_download_links',
      to: input.to ?? audience.clientEmail,
      fromName: audience.studioName,
      replyTo: audience.studioAddress,
      subject: mail.subject,
      language: audience.language,
      text: mail.text,
      html: mail.html,
    },
    input.now,
  );
}

/** "Resend download links": a new e-mail with the order's current link, refused when there is no working one. */
export async function resendDownloadLinksEmail(trx: Db, row: OrdersTable, to: string, now: number): Promise<string> {
  const link = await currentLink(trx, row.id);
  if (!link) {
    throw new ApiError('conflict', `Order ${row.number} has no download link yet: deliver it first, which e-mails the link.`);
  }
  if (Number(link.expires_at) <= now) {
    throw new ApiError(
      'conflict',
      `The download link of order ${row.number} expired on ${new Date(Number(link.expires_at)).toISOString().slice(0, 10)}. Make a new link first, then resend it.`,
    );
  }
  return queueDownloadLinksEmail(trx, row, { link, to, now });
}

/** After a new link: download e-mails still waiting to be sent carry the new link instead of the revoked one. */
export async function refreshQueuedDownloadEmails(trx: Db, row: OrdersTable, link: DownloadLinksTable): Promise<number> {
  const queued = await trx
    .selectFrom('order_emails')
    .select('id')
    .where('order_id', '=', row.id)
    .where('kind', '=', 'client_download_links')
    .where('status', '=', 'queued')
    .execute();
  if (queued.length === 0) return 0;
  const { audience, mail } = await renderFor(trx, row, link);
  await trx
    .updateTable('order_emails')
    .set({ subject: mail.subject, language: audience.language, body_text: mail.text, body_html: mail.html })
    .where(
      'id',
      'in',
      queued.map((q) => q.id),
    )
    .execute();
  return queued.length;
}
