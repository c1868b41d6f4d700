-- The console's record of every push it tried to send: the vendor keeps none.
-- Written before the upstream call (status 'pending'), finished with its outcome.
CREATE TABLE pushes (
  seq              INTEGER PRIMARY KEY,            -- insertion order, breaks ties in created_at
  id               TEXT NOT NULL UNIQUE,           -- the console's push id (short, url-safe)
  idempotency_key  TEXT NOT NULL UNIQUE,           -- one key, one attempt: the exactly-once guard
  body_hash        TEXT NOT NULL,                  -- sha256 of the canonical parsed push
  created_at       TEXT NOT NULL,                  -- ISO 8601, UTC
  finished_at      TEXT,
  notify_way       INTEGER NOT NULL,
  name             TEXT NOT NULL,
  chuanbo_group    TEXT NOT NULL,                  -- JSON array of group ids
  body             TEXT NOT NULL,                  -- JSON of the exact parsed push that was sent
  status           TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'unknown')),
  upstream_code    INTEGER,
  upstream_message TEXT,
  request_id       TEXT,
  is_test          INTEGER NOT NULL DEFAULT 0,
  reach            INTEGER,
  reach_incomplete INTEGER NOT NULL DEFAULT 0,
  sent_by          TEXT,
  answer_status    INTEGER,                        -- the HTTP answer given, replayed for the same key
  answer_body      TEXT
);

CREATE INDEX pushes_created ON pushes (created_at DESC, seq DESC);
CREATE INDEX pushes_status_created ON pushes (status, created_at DESC);
CREATE INDEX pushes_notify_way_created ON pushes (notify_way, created_at DESC);
