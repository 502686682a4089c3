// 005: the studio's own settings as the hosted service last said them (payment instructions,
// where new orders are announced, card payments), so Settings shows them offline too.
export default /* sql */ `
CREATE TABLE studio_settings (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  data       TEXT NOT NULL CHECK (json_valid(data)),
  updated_at TEXT NOT NULL
) STRICT;
`;
