// 001: the first catalog schema. Kept as a TS string (not a .sql file) so plain Node,
// vitest and the bundler all load it the same way. Never edit a shipped migration: add 002.
export default /* sql */ `
CREATE TABLE shoots (
  id           TEXT PRIMARY KEY,
  path         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('shoot', 'root')),
  status       TEXT NOT NULL DEFAULT 'online' CHECK (status IN ('online', 'offline')),
  added_at     TEXT NOT NULL,
  last_scan_at TEXT
) STRICT;

-- shoot_id is SET NULL (not CASCADE): removing a shoot deletes its unflagged photos
-- explicitly, and flagged ones survive detached so a re-added folder re-links them.
CREATE TABLE photos (
  id               TEXT PRIMARY KEY,
  shoot_id         TEXT REFERENCES shoots (id) ON DELETE SET NULL,
  folder           TEXT NOT NULL,
  stem             TEXT NOT NULL,
  capture_time     TEXT,
  capture_offset   TEXT,
  fingerprint      TEXT,
  status           TEXT NOT NULL DEFAULT 'importing'
                   CHECK (status IN ('importing', 'ready', 'needs_attention', 'missing')),
  attention_reason TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX photos_by_shoot ON photos (shoot_id, capture_time, stem);
CREATE INDEX photos_by_shoot_name ON photos (shoot_id, stem COLLATE NOCASE);
CREATE INDEX photos_by_folder_stem ON photos (folder, stem);
CREATE INDEX photos_by_fingerprint ON photos (fingerprint) WHERE fingerprint IS NOT NULL;
CREATE INDEX photos_by_status ON photos (status);

CREATE TABLE photo_files (
  photo_id    TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
  path        TEXT NOT NULL UNIQUE,
  role        TEXT NOT NULL CHECK (role IN ('primary', 'raw', 'jpeg', 'sidecar')),
  size        INTEGER NOT NULL CHECK (size >= 0),
  mtime_ms    REAL NOT NULL,
  fingerprint TEXT
) STRICT;
CREATE INDEX photo_files_by_photo ON photo_files (photo_id);
CREATE INDEX photo_files_by_fingerprint ON photo_files (fingerprint) WHERE fingerprint IS NOT NULL;

CREATE TABLE variants (
  photo_id     TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('thumb', 'web')),
  content_hash TEXT NOT NULL,
  rel_path     TEXT NOT NULL,
  width        INTEGER NOT NULL CHECK (width > 0),
  height       INTEGER NOT NULL CHECK (height > 0),
  bytes        INTEGER NOT NULL CHECK (bytes >= 0),
  made_at      TEXT NOT NULL,
  UNIQUE (photo_id, kind)
) STRICT;

CREATE TABLE metadata (
  photo_id        TEXT PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
  camera_make     TEXT,
  camera_model    TEXT,
  lens            TEXT,
  exposure_time   REAL,
  aperture        REAL,
  iso             INTEGER,
  focal_length    REAL,
  gps_lat         REAL CHECK (gps_lat BETWEEN -90 AND 90),
  gps_lon         REAL CHECK (gps_lon BETWEEN -180 AND 180),
  copyright       TEXT,
  creator         TEXT,
  keywords        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords) AND json_type(keywords) = 'array'),
  embedded_rating INTEGER,
  embedded_label  TEXT
) STRICT;

-- RESTRICT: the database itself refuses to delete a photo the user has flagged.
CREATE TABLE photo_flags (
  photo_id    TEXT PRIMARY KEY REFERENCES photos (id) ON DELETE RESTRICT,
  rating      INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
  pick        TEXT NOT NULL DEFAULT 'none' CHECK (pick IN ('none', 'pick', 'reject')),
  color_label TEXT CHECK (color_label IN ('red', 'yellow', 'green', 'blue', 'purple')),
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE jobs (
  id           TEXT PRIMARY KEY,
  queue        TEXT NOT NULL,
  kind         TEXT NOT NULL,
  payload      TEXT NOT NULL CHECK (json_valid(payload)),
  dedupe_key   TEXT,
  state        TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
  run_after    TEXT NOT NULL,
  lease_until  TEXT,
  last_error   TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
-- Only one waiting job per key. A running job does not block a new one: the work it does
-- may already be stale (the file changed while it ran), and its runner checks for that.
CREATE UNIQUE INDEX jobs_live_dedupe ON jobs (dedupe_key) WHERE dedupe_key IS NOT NULL AND state = 'queued';
CREATE INDEX jobs_due ON jobs (queue, run_after) WHERE state = 'queued';
CREATE INDEX jobs_leases ON jobs (lease_until) WHERE state = 'running';
CREATE INDEX jobs_by_state ON jobs (queue, state);
`;
