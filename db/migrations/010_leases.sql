-- A lease per shared chore (the group index's crawl): whoever holds an unexpired lease does it, the
-- other processes on this database read its result. Taken and renewed by one conditional upsert.
CREATE TABLE leases (
  name   TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  until  TEXT NOT NULL           -- ISO 8601, UTC
);
