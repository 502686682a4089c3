// A client who entered the right access code gets a session token bound to that one gallery:
// every client route reads the gallery from the session, never from the request, so a
// client of gallery A cannot ask for gallery B. Short-lived; the code can be entered again.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/types';
import { ApiError } from '../http/api-error';
import { bearerToken, digestsEqual, formatToken, newSecret, parseToken, sha256Hex } from '../security/tokens';

export const CLIENT_SESSION_TTL_MS = 4 * 60 * 60 * 1000;
const bearerChallenge = { 'www-authenticate': 'Bearer realm="proofdesk-gallery"' };

export async function createClientSession(db: Db, galleryId: string, now: number): Promise<{ token: string; expiresAt: number }> {
  const id = randomUUID();
  const secret = newSecret();
  const expiresAt = now + CLIENT_SESSION_TTL_MS;
  await db
    .insertInto('client_sessions')
    .values({ id, gallery_id: galleryId, token_hash: sha256Hex(secret), created_at: now, expires_at: expiresAt })
    .execute();
  return { token: formatToken('pdc', id, secret), expiresAt };
}

export interface ClientCredentials {
  authorization: string | undefined;
  /** The pd_client cookie, for requests a page cannot add a header to (<img src>). */
  cookie: string | null;
}

export interface ClientSession {
  sessionId: string;
  galleryId: string;
}

export async function authenticateClient(db: Db, credentials: ClientCredentials, now: number): Promise<ClientSession> {
  // An Authorization header wins and is never second-guessed by the cookie: a wrong header is a 401.
  const token = credentials.authorization !== undefined ? bearerToken(credentials.authorization) : credentials.cookie;
  if (!token) throw new ApiError('unauthorized', 'Enter the gallery access code first.', { headers: bearerChallenge });
  const parsed = parseToken('pdc', token);
  const row = parsed
    ? await db
        .selectFrom('client_sessions')
        .select(['id', 'gallery_id', 'token_hash', 'expires_at'])
        .where('id', '=', parsed.id)
        .executeTakeFirst()
    : undefined;
  if (!parsed || !row || !digestsEqual(row.token_hash, sha256Hex(parsed.secret))) {
    throw new ApiError('unauthorized', 'This gallery session is not valid. Open the gallery link again and enter the access code.', {
      headers: bearerChallenge,
    });
  }
  if (row.expires_at <= now) {
    throw new ApiError('unauthorized', 'Your gallery session has expired. Enter the access code again to continue.', {
      headers: bearerChallenge,
    });
  }
  return { sessionId: row.id, galleryId: row.gallery_id };
}
