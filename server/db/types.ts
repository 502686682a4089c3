// The tables as Kysely sees them. Times are UTC epoch milliseconds in bigint columns: the
// same type and ordering on SQLite and PostgreSQL (ISO text would sort by the database's
// collation on PostgreSQL), and the pg driver is told to read bigint back as a number.
import type { Kysely } from 'kysely';

export interface StudiosTable {
  id: string;
  name: string;
  email: string;
  created_at: number;
}

export interface DevicesTable {
  id: string;
  studio_id: string;
  name: string;
  /** sha256 of the token's secret part; the token itself is shown once and never stored. */
  token_hash: string;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}

export interface PairingCodesTable {
  id: string;
  studio_id: string;
  code_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by_device_id: string | null;
}

export interface GalleriesTable {
  id: string;
  studio_id: string;
  slug: string;
  title: string;
  /** scrypt with a per-gallery salt: access codes are short enough to guess offline from a bare hash. */
  access_code_hash: string;
  created_at: number;
}

export interface ClientSessionsTable {
  id: string;
  gallery_id: string;
  token_hash: string;
  created_at: number;
  expires_at: number;
}

export interface IdempotencyKeysTable {
  device_id: string;
  key: string;
  request_hash: string;
  state: 'pending' | 'done';
  status_code: number | null;
  response_body: string | null;
  created_at: number;
}

export interface RateLimitsTable {
  key: string;
  window_started_at: number;
  hits: number;
}

export interface Database {
  studios: StudiosTable;
  devices: DevicesTable;
  pairing_codes: PairingCodesTable;
  galleries: GalleriesTable;
  client_sessions: ClientSessionsTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
}

export type Db = Kysely<Database>;
