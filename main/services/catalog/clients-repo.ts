// The studio's clients (table clients, migration 003): the people galleries are published for.
// The summary counts come from the client_* mirror of the change feed, so they are what the
// server last told this computer, offline or not.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { ClientContact } from '../../../shared/schemas/hosted-api';

export interface ClientRow extends ClientContact {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface ClientSummaryRow extends ClientRow {
  galleryCount: number;
  notViewedCount: number;
  orderCount: number;
  basketCount: number;
  lastActivityAt: string | null;
}

export interface ClientsRepo {
  /** Creates the client (new id unless given) or corrects their details; returns the stored row. */
  save(contact: ClientContact & { id?: string }): ClientRow;
  get(id: string): ClientRow | null;
  /** Everyone, by name, with what their galleries show. */
  list(): ClientSummaryRow[];
}

type Row = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  language: 'en' | 'pl';
  created_at: string;
  updated_at: string;
};
const toClient = (r: Row): ClientRow => ({
  id: r.id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  language: r.language,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createClientsRepo(db: Database.Database, now: () => Date): ClientsRepo {
  const upsert = db.prepare<Record<string, unknown>, Row>(
    `INSERT INTO clients (id, name, email, phone, language, created_at, updated_at)
     VALUES (@id, @name, @email, @phone, @language, @now, @now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone,
       language = excluded.language, updated_at = excluded.updated_at
     RETURNING *`,
  );
  const one = db.prepare<[string], Row>('SELECT * FROM clients WHERE id = ?');
  const all = db.prepare<[], Row & Omit<ClientSummaryRow, keyof ClientRow>>(
    `SELECT c.*,
       (SELECT count(*) FROM galleries g WHERE g.client_id = c.id AND g.state <> 'cancelled') AS galleryCount,
       (SELECT count(*) FROM galleries g WHERE g.client_id = c.id AND g.state = 'published'
          AND NOT EXISTS (SELECT 1 FROM client_gallery_views v WHERE v.gallery_id = g.id)) AS notViewedCount,
       (SELECT count(*) FROM client_orders o JOIN galleries g ON g.id = o.gallery_id WHERE g.client_id = c.id) AS orderCount,
       (SELECT count(*) FROM client_basket b JOIN galleries g ON g.id = b.gallery_id WHERE g.client_id = c.id) AS basketCount,
       (SELECT max(a.at) FROM client_activity a JOIN galleries g ON g.id = a.gallery_id WHERE g.client_id = c.id) AS lastActivityAt
     FROM clients c ORDER BY c.name COLLATE NOCASE, c.created_at`,
  );

  return {
    save(contact) {
      const email = contact.email.trim();
      if (!email.includes('@')) throw new AppError('invalid_input', `“${email}” is not an e-mail address. Check the client’s address.`);
      const row = upsert.get({
        id: contact.id ?? randomUUID(),
        name: contact.name.trim(),
        email,
        phone: contact.phone?.trim() || null,
        language: contact.language,
        now: now().toISOString(),
      });
      if (!row) throw new AppError('internal', 'The client was not saved.');
      return toClient(row);
    },
    get: (id) => {
      const row = one.get(id);
      return row ? toClient(row) : null;
    },
    list: () =>
      all.all().map((r) => ({
        ...toClient(r),
        galleryCount: r.galleryCount,
        notViewedCount: r.notViewedCount,
        orderCount: r.orderCount,
        basketCount: r.basketCount,
        lastActivityAt: r.lastActivityAt,
      })),
  };
}
