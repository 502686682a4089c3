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
  /** JSON of OrderFlowState (shared/orders): the state machine's view; `state` mirrors flow.state. */
  flow: string;
  updated_at: number;
}

/** One row per transition of an order (shared/orders OrderTransition), seq 1, 2, … per order. */
export interface OrderTransitionsTable {
  order_id: string;
  seq: number;
  from_state: string;
  to_state: string;
  /** JSON array of states passed through. */
  via: string;
  event_type: string;
  /** JSON OrderActor. */
  actor: string;
  at: number;
  note: string;
}

export type EmailStatus = 'queued' | 'sent' | 'failed';

/** The e-mail queue and log: rendered when queued, sent by server/mail/mail-sender.ts. */
export interface OrderEmailsTable {
  id: string;
  studio_id: string;
  order_id: string;
  /** One of emailKinds (shared/schemas/orders-api). */
  kind: string;
  to_address: string;
  /** The display name of From (the address is the server's MAIL_FROM). */
  from_name: string;
  reply_to: string | null;
  subject: string;
  language: string;
  body_text: string;
  body_html: string;
  status: EmailStatus;
  /** The SMTP server's last answer or the error. */
  detail: string | null;
  attempts: number;
  /** When the sender may try (again); while one sender holds it, a lease in the future. */
  next_attempt_at: number;
  created_at: number;
  sent_at: number | null;
}

export interface StudioSettingsTable {
  studio_id: string;
  payment_instructions: string;
  notification_email: string | null;
  /** 0 or 1. */
  card_payments: number;
  updated_at: number;
}

export type PaymentState = 'pending' | 'succeeded' | 'declined';

/** One card payment attempt through a provider (server/payments). */
export interface PaymentsTable {
  id: string;
  studio_id: string;
  order_id: string;
  provider: string;
  state: PaymentState;
  amount_minor: number;
  currency: string;
  created_at: number;
  settled_at: number | null;
}

/** One file of an order's delivery set (delivery-api deliveryFileSchema), in storage by sha256. */
export interface DeliveryFilesTable {
  order_id: string;
  /** Derived from the order, set and name (deliveries/delivery-files.ts): stable across PUTs. */
  file_id: string;
  /** 'full' | 'web' (delivery-api deliverySets). */
  delivery_set: string;
  position: number;
  photo_id: string;
  name: string;
  sha256: string;
  size: number;
  width: number;
  height: number;
  created_at: number;
}

/** A client's download link (deliveries/download-links.ts): looked up by the token's sha256. */
export interface DownloadLinksTable {
  id: string;
  order_id: string;
  token_hash: string;
  /** The page address with the token, for the studio's view of the order only. */
  url: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

/** What the client downloaded and when (at most one row per file or zip and minute). */
export interface DeliveryDownloadsTable {
  id: string;
  order_id: string;
  /** A file name, or 'zip:full' / 'zip:web'. */
  what: string;
  at: number;
}

/** A retouch task (server/retouch): the machine's JSON plus the columns the queue filters and orders by. */
export interface RetouchTasksTable {
  studio_id: string;
  /** The laptop's id for a task by hand (uuidv7); the server's for a task from an order. */
  id: string;
  order_id: string | null;
  photo_id: string;
  gallery_id: string | null;
  /** The original's file name as the gallery knows it, e.g. IMG_0412.jpg. */
  photo_name: string;
  /** JSON of RetouchTask (shared/retouch); `state` mirrors task.state. */
  task: string;
  state: string;
  /** One of retouchPriorities (shared/schemas/retouch-api). */
  priority: string;
  due_at: number | null;
  /** 1 when made, +1 with every change of the task's view. */
  revision: number;
  created_at: number;
  updated_at: number;
}

/** One row per transition of a task (shared/retouch TaskTransition), seq 1, 2, … per task. */
export interface RetouchTransitionsTable {
  studio_id: string;
  task_id: string;
  seq: number;
  /** Null for the create transition. */
  from_state: string | null;
  to_state: string;
  event_type: string;
  /** JSON TaskActor. */
  actor: string;
  at: number;
  round: number;
  note: string;
}

/** The version file submitted in a round, in storage by sha256. */
export interface RetouchVersionsTable {
  studio_id: string;
  task_id: string;
  round: number;
  sha256: string;
  name: string;
  size: number;
  width: number;
  height: number;
  created_at: number;
}

/** The reviewer's markups of a rejected round. */
export interface RetouchMarkupsTable {
  studio_id: string;
  task_id: string;
  round: number;
  /** JSON array of Markup (shared/retouch/markup.ts). */
  markups: string;
  created_at: number;
}

/** A photo's original on the hosted storage (uploaded by the laptop that holds it). */
export interface RetouchOriginalsTable {
  studio_id: string;
  photo_id: string;
  sha256: string;
  name: string;
  size: number;
  updated_at: number;
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
  order_transitions: OrderTransitionsTable;
  order_emails: OrderEmailsTable;
  studio_settings: StudioSettingsTable;
  payments: PaymentsTable;
  delivery_files: DeliveryFilesTable;
  download_links: DownloadLinksTable;
  delivery_downloads: DeliveryDownloadsTable;
  changes: ChangesTable;
  studio_counters: StudioCountersTable;
  studio_photo_flags: StudioPhotoFlagsTable;
  retouch_tasks: RetouchTasksTable;
  retouch_transitions: RetouchTransitionsTable;
  retouch_versions: RetouchVersionsTable;
  retouch_markups: RetouchMarkupsTable;
  retouch_originals: RetouchOriginalsTable;
}

export type Db = Kysely<Database>;
