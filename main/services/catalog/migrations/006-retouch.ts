// 006: the retouch queue on this laptop (issue 7). The server owns the tasks; this laptop keeps
// the last view of each (so the queue works offline), the version files dropped here (so they
// can be opened and reviewed without a download), the review images made from originals and
// versions (content-addressed by the source file's sha256), and the sentence of a queued change
// the server refused, per task, until the user dismisses it.
export default /* sql */ `
CREATE TABLE retouch_tasks (
  id         TEXT PRIMARY KEY CHECK (length(id) > 0),
  view       TEXT NOT NULL CHECK (json_valid(view)),
  -- The server's revision of the view; 0 for a task made here that the server has not confirmed.
  revision   INTEGER NOT NULL CHECK (revision >= 0),
  state      TEXT NOT NULL CHECK (state IN ('to_do', 'in_progress', 'in_review', 'approved', 'rejected')),
  order_id   TEXT,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX retouch_tasks_order ON retouch_tasks (order_id) WHERE order_id IS NOT NULL;

CREATE TABLE retouch_versions (
  task_id     TEXT NOT NULL,
  round       INTEGER NOT NULL CHECK (round > 0),
  -- Where the retoucher dropped it from, and the copy kept in the library (uploaded from there).
  path        TEXT NOT NULL CHECK (length(path) > 0),
  file        TEXT NOT NULL CHECK (length(file) > 0),
  name        TEXT NOT NULL CHECK (length(name) > 0 AND instr(name, '/') = 0 AND instr(name, '\\') = 0),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  size        INTEGER NOT NULL CHECK (size > 0),
  width       INTEGER NOT NULL CHECK (width > 0),
  height      INTEGER NOT NULL CHECK (height > 0),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (task_id, round)
) STRICT;
CREATE INDEX retouch_versions_sha ON retouch_versions (sha256);

CREATE TABLE retouch_images (
  sha256  TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  -- The local file it was made from (an original found by path before the server knows its hash).
  source  TEXT,
  -- Relative to the library's media folder (served under /media/).
  screen  TEXT NOT NULL CHECK (length(screen) > 0 AND substr(screen, 1, 1) <> '/' AND instr(screen, '..') = 0),
  full    TEXT NOT NULL CHECK (length(full) > 0 AND substr(full, 1, 1) <> '/' AND instr(full, '..') = 0),
  width   INTEGER NOT NULL CHECK (width > 0),
  height  INTEGER NOT NULL CHECK (height > 0),
  made_at TEXT NOT NULL
) STRICT;
CREATE INDEX retouch_images_source ON retouch_images (source) WHERE source IS NOT NULL;

CREATE TABLE retouch_problems (
  task_id    TEXT PRIMARY KEY,
  message    TEXT NOT NULL CHECK (length(message) > 0),
  -- The refused outbox row, dismissed with the problem.
  outbox_seq INTEGER,
  at         TEXT NOT NULL
) STRICT;
`;
