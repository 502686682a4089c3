// Download links (design §5: "download links are signed and expire"): a link is
// <public URL>/d/<token>, the token 32 random bytes in base64url (256 bits), and the token itself
// is the client's only credential. The server looks a token up by its sha256 (token_hash, unique),
// so a copy of the database does not hand out working tokens through that column; the page
// address with the token is kept in `url` for the studio's view of the order only (the studio
// copies it into a message when an e-mail went astray), never sent to a client route. A new
// link revokes the order's earlier ones; expired and revoked links answer 410.
import { randomBytes } from 'node:crypto';
import type { Db, DownloadLinksTable, OrdersTable } from '../db/types';
import { uuidv7 } from '../db/uuidv7';
import { ApiError } from '../http/api-error';
import { sha256Hex } from '../security/tokens';

export const DOWNLOAD_LINK_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newDownloadToken(): string {
  return randomBytes(32).toString('base64url');
}

export function downloadPageUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/d/${token}`;
}

/** Revokes the order's links and makes a new one valid for `days`; answers it (the token only lives in its URL). */
export async function createDownloadLink(
  trx: Db,
  input: { orderId: string; publicUrl: string; days?: number; now: number },
): Promise<DownloadLinksTable> {
  const { orderId, now } = input;
  await trx
    .updateTable('download_links')
    .set({ revoked_at: now })
    .where('order_id', '=', orderId)
    .where('revoked_at', 'is', null)
    .execute();
  const token = newDownloadToken();
  const link: DownloadLinksTable = {
    id: uuidv7(now),
    order_id: orderId,
    token_hash: sha256Hex(token),
    url: downloadPageUrl(input.publicUrl, token),
    created_at: now,
    expires_at: now + (input.days ?? DOWNLOAD_LINK_DAYS) * DAY_MS,
    revoked_at: null,
  };
  await trx.insertInto('download_links').values(link).execute();
  return link;
}

export type LinkProblem = 'unknown' | 'expired' | 'revoked';

export class DownloadLinkError extends ApiError {
  constructor(
    readonly problem: LinkProblem,
    /** The order, when the link was real (its client's language words the page). */
    readonly order: OrdersTable | null,
  ) {
    super(
      'not_found',
      problem === 'unknown'
        ? 'There is no download at this address. Check the link in the e-mail from your photographer.'
        : 'This download link has expired. Ask the studio for a new one.',
      problem === 'unknown' ? {} : { status: 410, details: { linkProblem: problem } },
    );
  }
}

export interface ResolvedLink {
  link: DownloadLinksTable;
  order: OrdersTable;
}

/** The link and its order for a token, or a DownloadLinkError (404 unknown, 410 expired or revoked). */
export async function resolveDownloadToken(db: Db, token: string, now: number): Promise<ResolvedLink> {
  // Not the shape of a token: no lookup at all.
  if (!TOKEN_SHAPE.test(token)) throw new DownloadLinkError('unknown', null);
  const link = await db.selectFrom('download_links').selectAll().where('token_hash', '=', sha256Hex(token)).executeTakeFirst();
  if (!link) throw new DownloadLinkError('unknown', null);
  const order = await db.selectFrom('orders').selectAll().where('id', '=', link.order_id).executeTakeFirst();
  if (!order) throw new DownloadLinkError('unknown', null);
  if (link.revoked_at !== null) throw new DownloadLinkError('revoked', order);
  if (Number(link.expires_at) <= now) throw new DownloadLinkError('expired', order);
  return { link, order };
}
