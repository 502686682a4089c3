// Bearer tokens are "<kind>.<row id>.<secret>": the id finds the row, and the secret's
// sha256 is compared with the stored hash in constant time. Only the hash is stored, so a
// database leak does not hand out working tokens; the token is shown to its owner once.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type TokenKind = 'pdd' /* studio device */ | 'pdc'; /* client gallery session */

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time equality of two hex digests (unequal lengths are simply unequal). */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatToken(kind: TokenKind, id: string, secret: string): string {
  return `${kind}.${id}.${secret}`;
}

const TOKEN_SHAPE = /^(pdd|pdc)\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

export function parseToken(kind: TokenKind, token: string): { id: string; secret: string } | null {
  const match = TOKEN_SHAPE.exec(token);
  if (!match || match[1] !== kind || !match[2] || !match[3]) return null;
  return { id: match[2], secret: match[3] };
}

/** The token from "Authorization: Bearer <token>", or null when the header is missing or not Bearer. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
