-- 定时发送 and 免打扰: a push may wait for its time ('scheduled'), be cancelled before it, expire
-- (approved too late) or be missed (due while the console was down, beyond the grace period).
-- SQLite cannot change a CHECK in place: rebuild.
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
                       'rejected', 'cancelled', 'expired', 'missed')),
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
  scheduled_at       TEXT,                         -- ISO 8601, UTC: when it is to be sent; null: at once
  send_started_at    TEXT,                         -- when the scheduler claimed it (the sweep's clock for it)
  cancelled_by       TEXT,
  cancelled_at       TEXT,
  quiet_hours_reason TEXT                          -- why it was sent inside 免打扰 anyway
);

INSERT INTO pushes_new (seq, id, idempotency_key, body_hash, created_at, finished_at, notify_way, name, chuanbo_group, body,
  status, upstream_code, upstream_message, request_id, is_test, reach, reach_incomplete, sent_by, answer_status, answer_body,
  approved_by, approved_at, rejected_by, rejected_at, reject_reason, hold_reasons)
SELECT seq, id, idempotency_key, body_hash, created_at, finished_at, notify_way, name, chuanbo_group, body,
  status, upstream_code, upstream_message, request_id, is_test, reach, reach_incomplete, sent_by, answer_status, answer_body,
  approved_by, approved_at, rejected_by, rejected_at, reject_reason, hold_reasons
FROM pushes;

DROP TABLE pushes;
ALTER TABLE pushes_new RENAME TO pushes;

CREATE UNIQUE INDEX pushes_sender_key ON pushes (ifnull(sent_by, ''), idempotency_key);
CREATE INDEX pushes_created ON pushes (created_at DESC, seq DESC);
CREATE INDEX pushes_status_created ON pushes (status, created_at DESC);
CREATE INDEX pushes_notify_way_created ON pushes (notify_way, created_at DESC);
CREATE INDEX pushes_sent_by_created ON pushes (sent_by, created_at DESC);
-- The scheduler's claim: due records by time.
CREATE INDEX pushes_status_scheduled ON pushes (status, scheduled_at);
