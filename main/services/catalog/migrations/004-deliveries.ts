// 004: the files the studio delivers for an order (issue 6 point 5): per ordered photo and set
// ('full' resolution, 'web' version), the file made from the editor's export and sent to the
// hosted service. Rewritten as a whole when a delivery is prepared again.
export default /* sql */ `
CREATE TABLE delivery_files (
  order_id    TEXT NOT NULL,
  photo_id    TEXT NOT NULL,
  set_name    TEXT NOT NULL CHECK (set_name IN ('full', 'web')),
  name        TEXT NOT NULL CHECK (length(name) > 0 AND instr(name, '/') = 0 AND instr(name, '\\') = 0),
  source_path TEXT NOT NULL,
  file        TEXT NOT NULL,
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  size        INTEGER NOT NULL CHECK (size > 0),
  width       INTEGER NOT NULL CHECK (width > 0),
  height      INTEGER NOT NULL CHECK (height > 0),
  made_at     TEXT NOT NULL,
  PRIMARY KEY (order_id, set_name, photo_id),
  UNIQUE (order_id, set_name, name)
) STRICT;
`;
