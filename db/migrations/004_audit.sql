-- The audit log (审计日志): append-only. The triggers make the database itself refuse any change
-- or removal, whatever code asks.
CREATE TABLE audit_log (
  seq     INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,          -- ISO 8601, UTC
  actor   TEXT,                   -- username; null when nobody signed in (e.g. a failed sign-in names no account)
  ip      TEXT,
  action  TEXT NOT NULL,
  target  TEXT,                   -- what it was about: a push id, a username
  details TEXT NOT NULL DEFAULT '{}'  -- JSON
);

CREATE INDEX audit_log_at ON audit_log (at DESC, seq DESC);
CREATE INDEX audit_log_action_at ON audit_log (action, at DESC);
CREATE INDEX audit_log_actor_at ON audit_log (actor, at DESC);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
