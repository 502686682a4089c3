// The client session cookie `pd_client`: set by POST /v1/galleries/:slug/access so <img> tags
// can load proofs (they cannot send an Authorization header). HttpOnly so page scripts never
// see it, SameSite=Strict so other sites cannot ride on it, Secure whenever the request came
// over https (directly or via a trusted proxy), and scoped to the client API path.
export const CLIENT_COOKIE = 'pd_client';
const CLIENT_COOKIE_PATH = '/v1/client';

export function clientSessionCookie(token: string, maxAgeMs: number, secure: boolean): string {
  const parts = [
    `${CLIENT_COOKIE}=${token}`,
    `Path=${CLIENT_COOKIE_PATH}`,
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The value of one cookie from a Cookie header, or null. Values we issue are token characters only. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim() || null;
  }
  return null;
}
