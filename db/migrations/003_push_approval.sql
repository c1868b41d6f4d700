-- Approval (审批) and who did what: a push may wait as 'pending_approval', then be approved (and
-- sent, passing through 'pending') or 'rejected'. SQLite cannot change a CHECK in place: rebuild.
CREATE TABLE pushes_new (
  seq              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  idempotency_key  TEXT NOT NULL UNIQUE,
  body_hash        TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  finished_at      TEXT,
  notify_way       INTEGER NOT NULL,
  name             TEXT NOT NULL,
  chuanbo_group    TEXT NOT NULL,
  body             TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('pending_approval', 'pending', 'sent', 'failed', 'unknown', 'rejected')),
  upstream_code    INTEGER,
  upstream_message TEXT,
  request_id       TEXT,
  is_test          INTEGER NOT NULL DEFAULT 0,
  reach            INTEGER,
  reach_incomplete INTEGER NOT NULL DEFAULT 0,
  sent_by          TEXT,                           -- username of the author
  answer_status    INTEGER,
  answer_body      TEXT,
  approved_by      TEXT,                           -- username of the approving supervisor
  approved_at      TEXT,
  rejected_by      TEXT,
  rejected_at      TEXT,
  reject_reason    TEXT
);

INSERT INTO pushes_new (seq, id, idempotency_key, body_hash, created_at, finished_at, notify_way, name, chuanbo_group, body,
  status, upstream_code, upstream_message, request_id, is_test, reach, reach_incomplete, sent_by, answer_status, answer_body)
SELECT seq, id, idempotency_key, body_hash, created_at, finished_at, notify_way, name, chuanbo_group, body,
  status, upstream_code, upstream_message, request_id, is_test, reach, reach_incomplete, sent_by, answer_status, answer_body
FROM pushes;

DROP TABLE pushes;
ALTER TABLE pushes_new RENAME TO pushes;

CREATE INDEX pushes_created ON pushes (created_at DESC, seq DESC);
CREATE INDEX pushes_status_created ON pushes (status, created_at DESC);
CREATE INDEX pushes_notify_way_created ON pushes (notify_way, created_at DESC);
-- The per-user hourly cap counts a user's recent pushes.
CREATE INDEX pushes_sent_by_created ON pushes (sent_by, created_at DESC);
