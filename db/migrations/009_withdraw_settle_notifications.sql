-- 撤回, 核实结果不明, 通知: the author may withdraw a push still waiting for approval ('withdrawn');
-- an 'unknown' outcome may be settled by a person (→ 'sent' or 'failed', with who, when and a note);
-- each user's notifications are read up to a moment (notification_seen). SQLite cannot change a
-- CHECK in place: rebuild, as 006 did.
CREATE TABLE pushes_new (
  seq                INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE,
  idempotency_key    TEXT NOT NULL,
  body_hash          TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  finished_at        TEXT,
  notify_way         INTEGER NOT NULL,
  name               TEXT NOT NULL,
  chuanbo_group      TEXT NOT NULL,
  body               TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('pending_approval', 'scheduled', 'pending', 'sent', 'failed', 'unknown',
                       'rejected', 'cancelled', 'expired', 'missed', 'withdrawn')),
  upstream_code      INTEGER,
  upstream_message   TEXT,
  request_id         TEXT,
  is_test            INTEGER NOT NULL DEFAULT 0,
  reach              INTEGER,
  reach_incomplete   INTEGER NOT NULL DEFAULT 0,
  sent_by            TEXT,
  answer_status      INTEGER,
  answer_body        TEXT,
  approved_by        TEXT,
  approved_at        TEXT,
  rejected_by        TEXT,
  rejected_at        TEXT,
  reject_reason      TEXT,
  hold_reasons       TEXT NOT NULL DEFAULT '[]',
  scheduled_at       TEXT,
  send_started_at    TEXT,
  cancelled_by       TEXT,
  cancelled_at       TEXT,
  quiet_hours_reason TEXT,
  withdrawn_at       TEXT,                         -- when its author withdrew it (撤回), before any decision
  settled_by         TEXT,                         -- who settled an unknown outcome after checking with the vendor
  settled_at         TEXT,
  settle_note        TEXT
);

INSERT INTO pushes_new (seq, id, idempotency_key, body_hash, created_at, finished_at, notify_way, name, chuanbo_group, body,
  status, upstream_code, upstream_message, request_id, is_test, reach, reach_incomplete, sent_by, answer_status, answer_body,
  approved_by, approved_at, rejected_by, rejected_at, reject_reason, hold_reasons, scheduled_at, send_started_at, cancelled_by,
  cancelled_at, quiet_hours_reason)
SELECT seq, id, idempotency_key, body_hash, created_at, finished_at, notify_way, name, chuanbo_group, body,
  status, upstream_code, upstream_message, request_id, is_test, reach, reach_incomplete, sent_by, answer_status, answer_body,
  approved_by, approved_at, rejected_by, rejected_at, reject_reason, hold_reasons, scheduled_at, send_started_at, cancelled_by,
  cancelled_at, quiet_hours_reason
FROM pushes;

DROP TABLE pushes;
ALTER TABLE pushes_new RENAME TO pushes;

CREATE UNIQUE INDEX pushes_sender_key ON pushes (ifnull(sent_by, ''), idempotency_key);
CREATE INDEX pushes_created ON pushes (created_at DESC, seq DESC);
CREATE INDEX pushes_status_created ON pushes (status, created_at DESC);
CREATE INDEX pushes_notify_way_created ON pushes (notify_way, created_at DESC);
CREATE INDEX pushes_sent_by_created ON pushes (sent_by, created_at DESC);
CREATE INDEX pushes_status_scheduled ON pushes (status, scheduled_at);
-- An author's notifications: their pushes by when they were decided.
CREATE INDEX pushes_sent_by_finished ON pushes (sent_by, finished_at DESC);

-- Up to when each user has read their notifications (the badge counts what came after).
CREATE TABLE notification_seen (
  username TEXT PRIMARY KEY,
  seen_at  TEXT NOT NULL
);
