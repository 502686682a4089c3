// Headers on every response, errors and 404s included. The API only ever returns JSON, so
// the CSP forbids everything; the client gallery page (later) sets its own, looser policy.
import type { FastifyInstance } from 'fastify';

const headers: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  // Browsers ignore HSTS over plain http, so it is harmless on loopback and right behind TLS.
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  // Tokens and access codes travel in these responses: never let a cache keep them.
  'cache-control': 'no-store',
};

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(headers)) {
      if (!reply.hasHeader(name)) reply.header(name, value);
    }
    return payload;
  });
}
