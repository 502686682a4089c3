// What every route can reach: the database, file storage, the clock (injected so tests can
// move time past an expiry) and the config. Also types the per-request auth results.
import type { ServerConfig } from './config';
import type { Db } from './db/types';
import type { PaymentProvider } from './payments/payment-provider';
import type { BlobStorage } from './storage/blob-storage';

export interface ServerContext {
  db: Db;
  storage: BlobStorage;
  /** Milliseconds since the epoch, UTC. */
  now: () => number;
  config: ServerConfig;
  /** Every route as registered (method + URL pattern): the authorisation test walks this list. */
  routes: { method: string; url: string }[];
  /** The address clients reach this server at, without a trailing slash: config.publicUrl, else where it listens. */
  publicUrl: () => string;
  /** The e-mail sender (server/mail/mail-sender.ts): kick() after a commit that queued an e-mail. */
  mail: { kick: () => void };
  /** The card payment provider (config.cardProvider), or null: studios cannot turn card payments on. */
  payments: PaymentProvider | null;
}

export interface AuthenticatedDevice {
  deviceId: string;
  deviceName: string;
  studioId: string;
}

export interface AuthenticatedClient {
  sessionId: string;
  galleryId: string;
  /** The gallery's studio: client activity is recorded in that studio's change feed. */
  studioId: string;
}

export interface IdempotencyState {
  /** "device:<id>" or "gallery:<id>". */
  owner: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    proofdesk: ServerContext;
  }
  interface FastifyRequest {
    /** Set by requireDevice on studio routes. */
    device: AuthenticatedDevice | null;
    /** Set by requireClient on client-gallery routes. */
    client: AuthenticatedClient | null;
    /** Set when this request's answer must be stored under its Idempotency-Key. */
    idempotency: IdempotencyState | null;
  }
}
