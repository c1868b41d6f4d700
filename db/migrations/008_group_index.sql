-- The last whole group list (lib/server/group-index.ts), so a restarted console searches at once
-- instead of crawling first. One row; `upstream` names the vendor it came from (base URL and
-- connectNo), so a console pointed elsewhere never serves another vendor's groups.
CREATE TABLE group_index (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  upstream TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  groups TEXT NOT NULL
);
