// 003: clients and the galleries published from shoots (issue 5 points 3 and 6). The server is
// authoritative for what clients do (client_* tables of 002); these tables hold what the studio
// decided, and what the server confirmed about it (slug, state, the one-time access code).
export default /* sql */ `
-- What an outbox row belongs to (e.g. 'gallery:<id>'), so a gallery's upload can be followed
-- and cancelled as a whole. NULL for rows that belong to nothing in particular.
ALTER TABLE sync_outbox ADD COLUMN topic TEXT;
CREATE INDEX sync_outbox_by_topic ON sync_outbox (topic, state) WHERE topic IS NOT NULL;

CREATE TABLE clients (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  email      TEXT NOT NULL CHECK (instr(email, '@') > 1),
  phone      TEXT,
  language   TEXT NOT NULL CHECK (language IN ('en', 'pl')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX clients_by_name ON clients (name COLLATE NOCASE);

-- settings and delivery_methods are the JSON the server was sent (hosted-api.ts schemas).
-- shoot_id is SET NULL: removing a watched shoot never loses the gallery or its orders.
CREATE TABLE galleries (
  id               TEXT PRIMARY KEY,
  client_id        TEXT NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  shoot_id         TEXT REFERENCES shoots (id) ON DELETE SET NULL,
  title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
  state            TEXT NOT NULL CHECK (state IN ('draft', 'sending', 'published', 'unpublished', 'failed', 'cancelled')),
  problem          TEXT,
  settings         TEXT NOT NULL CHECK (json_valid(settings)),
  delivery_methods TEXT NOT NULL CHECK (json_valid(delivery_methods)),
  watermark_text   TEXT NOT NULL DEFAULT '',
  slug             TEXT,
  access_code      TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  published_at     TEXT
) STRICT;
CREATE INDEX galleries_by_client ON galleries (client_id, created_at);
CREATE INDEX galleries_by_shoot ON galleries (shoot_id) WHERE shoot_id IS NOT NULL;

-- photo_id is the catalog photo id of the computer that published it (the gallery photo id the
-- server and orders use). No foreign key: another studio laptop learns of the gallery through
-- the change feed without holding the photo (then proof_file is '' and proof_bytes 0). The
-- photos repository refuses to delete a photo that is in a gallery.
CREATE TABLE gallery_photos (
  gallery_id   TEXT NOT NULL REFERENCES galleries (id) ON DELETE CASCADE,
  photo_id     TEXT NOT NULL,
  position     INTEGER NOT NULL CHECK (position >= 0),
  name         TEXT NOT NULL,
  proof_sha256 TEXT NOT NULL CHECK (length(proof_sha256) = 64),
  proof_file   TEXT NOT NULL,
  proof_bytes  INTEGER NOT NULL CHECK (proof_bytes >= 0),
  width        INTEGER NOT NULL CHECK (width > 0),
  height       INTEGER NOT NULL CHECK (height > 0),
  PRIMARY KEY (gallery_id, photo_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX gallery_photos_by_photo ON gallery_photos (photo_id);

-- Ratings, picks and labels another studio laptop gave to gallery photos this computer holds no
-- file of (for photos it has, they go to photo_flags): last write wins, as the server decided.
CREATE TABLE remote_photo_flags (
  photo_id    TEXT PRIMARY KEY,
  rating      INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 5),
  pick        TEXT NOT NULL CHECK (pick IN ('none', 'pick', 'reject')),
  color_label TEXT CHECK (color_label IN ('red', 'yellow', 'green', 'blue', 'purple')),
  updated_at  TEXT NOT NULL
) STRICT;

-- This computer's device id on the server, so changes made here are told apart in the feed.
ALTER TABLE sync_state ADD COLUMN device_id TEXT;

-- When the studio was told about a new order (a notification at most once per order).
ALTER TABLE client_orders ADD COLUMN notified_at TEXT;
`;
