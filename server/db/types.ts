// The tables as Kysely sees them. Times are UTC epoch milliseconds in bigint columns: the
// same type and ordering on SQLite and PostgreSQL (ISO text would sort by the database's
// collation on PostgreSQL), and the pg driver is told to read bigint back as a number.
import type { Generated, Kysely } from 'kysely';

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

export interface ClientsTable {
  studio_id: string;
  /** The studio catalog's client id. */
  id: string;
  name: string;
  email: string;
  phone: string | null;
  language: string;
  created_at: number;
  updated_at: number;
}

export type GalleryStatus = 'draft' | 'published' | 'unpublished';

export interface GalleriesTable {
  /** The studio catalog's gallery id (one namespace for all studios: see galleries/gallery-store). */
  id: string;
  studio_id: string;
  slug: string;
  title: string;
  /** scrypt with a per-gallery salt: access codes are short enough to guess offline from a bare hash. */
  access_code_hash: string;
  created_at: number;
  client_id: string | null;
  status: Generated<GalleryStatus>;
  /** JSON of GallerySettings (shared/schemas/hosted-api). */
  settings: Generated<string>;
  /** JSON array of DeliveryMethod. */
  delivery_methods: Generated<string>;
  /** settings.expiresAt as epoch ms, so expiry is checked without parsing JSON. */
  expires_at: number | null;
  updated_at: number | null;
}

export interface GalleryPhotosTable {
  gallery_id: string;
  photo_id: string;
  position: number;
  name: string;
  proof_sha256: string;
  width: number;
  height: number;
}

export interface UploadsTable {
  id: string;
  studio_id: string;
  sha256: string;
  size: number;
  /** Bytes written and fsynced to the partial file: the offset the next chunk must start at. */
  received: number;
  state: 'receiving' | 'complete';
  created_at: number;
  updated_at: number;
}

export type SelectionList = 'favourite' | 'basket';

export interface SelectionsTable {
  gallery_id: string;
  list: SelectionList;
  photo_id: string;
  created_at: number;
}

export interface OrdersTable {
  id: string;
  studio_id: string;
  gallery_id: string;
  session_id: string | null;
  /** Per studio and year, e.g. 2026-0001. */
  number: string;
  state: string;
  placed_at: number;
  /** JSON snapshot of the DeliveryMethod as it was when ordered. */
  delivery_method: string;
  /** JSON array of photo ids. */
  photo_ids: string;
  /** JSON { name, email, phone }. */
  contact: string;
  note: string;
  total_minor: number;
  vat_minor: number;
  currency: string;
}

export interface ChangesTable {
  studio_id: string;
  seq: number;
  type: string;
  gallery_id: string;
  at: number;
  /** JSON object. */
  payload: string;
}

export interface StudioPhotoFlagsTable {
  studio_id: string;
  /** The catalog photo id: flags belong to the photo, whichever gallery they were set through. */
  photo_id: string;
  /** The gallery of the last PUT …/photos/:photoId/flags. */
  gallery_id: string;
  /** 0–5 stars. */
  rating: number;
  pick: 'none' | 'pick' | 'reject';
  color_label: 'red' | 'yellow' | 'green' | 'blue' | 'purple' | null;
  updated_at: number;
  /** The device that set them last. */
  device_id: string;
}

export interface StudioCountersTable {
  studio_id: string;
  name: string;
  value: number;
}

export interface ClientSessionsTable {
  id: string;
  gallery_id: string;
  token_hash: string;
  created_at: number;
  expires_at: number;
}

export interface IdempotencyRecordsTable {
  /** "device:<device id>" for studio requests, "gallery:<gallery id>" for client requests. */
  owner: string;
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
  idempotency_records: IdempotencyRecordsTable;
  rate_limits: RateLimitsTable;
  clients: ClientsTable;
  gallery_photos: GalleryPhotosTable;
  uploads: UploadsTable;
  selections: SelectionsTable;
  orders: OrdersTable;
  changes: ChangesTable;
  studio_counters: StudioCountersTable;
  studio_photo_flags: StudioPhotoFlagsTable;
}

export type Db = Kysely<Database>;
