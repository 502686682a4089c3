// 002: offline-first sync with the hosted API (design §4). The outbox holds the studio's
// changes until the server has them; sync_state holds the change-feed cursor; the client_*
// tables mirror what clients did in their galleries (the server is authoritative for them).
export default /* sql */ `
-- seq gives the sending order (strict FIFO); idempotency_key is the UUIDv7 the server dedupes on.
-- 'upload' rows carry {file, sha256, size} in body and remember the server's upload id.
CREATE TABLE sync_outbox (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('request', 'upload')),
  method          TEXT NOT NULL CHECK (method IN ('POST', 'PUT', 'PATCH', 'DELETE')),
  path            TEXT NOT NULL CHECK (substr(path, 1, 1) = '/'),
  body            TEXT CHECK (body IS NULL OR json_valid(body)),
  label           TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'rejected', 'cancelled')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  response        TEXT CHECK (response IS NULL OR json_valid(response)),
  upload_id       TEXT,
  upload_received INTEGER CHECK (upload_received IS NULL OR upload_received >= 0),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX sync_outbox_by_state ON sync_outbox (state, seq);

-- At most one row (id 1), written on first use: a catalog that never synced stays empty
-- here, so the "no rows, nothing to back up" check of backup-on-open still holds for it.
-- server_url is the server the cursor and the client_* mirror belong to.
CREATE TABLE sync_state (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  server_url      TEXT,
  cursor          INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
  last_success_at TEXT,
  last_error      TEXT,
  revoked_at      TEXT
) STRICT;

-- Every applied change-feed entry, keyed by the server's seq: the activity timeline, and
-- the reason applying a page twice changes nothing (INSERT OR IGNORE decides).
CREATE TABLE client_activity (
  seq        INTEGER PRIMARY KEY,
  gallery_id TEXT NOT NULL,
  type       TEXT NOT NULL,
  photo_id   TEXT,
  order_id   TEXT,
  at         TEXT NOT NULL,
  payload    TEXT NOT NULL CHECK (json_valid(payload))
) STRICT;
CREATE INDEX client_activity_by_gallery ON client_activity (gallery_id, at, seq);

CREATE TABLE client_gallery_views (
  gallery_id      TEXT PRIMARY KEY,
  first_viewed_at TEXT NOT NULL,
  last_viewed_at  TEXT NOT NULL,
  view_count      INTEGER NOT NULL CHECK (view_count > 0)
) STRICT;

CREATE TABLE client_favourites (
  gallery_id TEXT NOT NULL,
  photo_id   TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  PRIMARY KEY (gallery_id, photo_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE client_basket (
  gallery_id TEXT NOT NULL,
  photo_id   TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  PRIMARY KEY (gallery_id, photo_id)
) STRICT, WITHOUT ROWID;

-- The order as the server sent it (shared/schemas/hosted-api.ts orderSchema), as JSON.
CREATE TABLE client_orders (
  id         TEXT PRIMARY KEY,
  gallery_id TEXT NOT NULL,
  state      TEXT NOT NULL,
  placed_at  TEXT NOT NULL,
  data       TEXT NOT NULL CHECK (json_valid(data)),
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX client_orders_by_gallery ON client_orders (gallery_id, placed_at);
`;
