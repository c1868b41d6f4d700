-- Sign-in attempts still in flight, per username, in the database every console shares: the
-- per-username limit counts them beside the audit log's failures, so parallel guesses split over
-- several consoles cannot all pass the count before their failures are written. A row lives from
-- the limit's check to the attempt's end; one a stopped console left behind counts for a minute.
CREATE TABLE sign_in_attempts (
  id       TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  started  TEXT NOT NULL          -- ISO 8601, UTC
);
CREATE INDEX sign_in_attempts_username ON sign_in_attempts (username);
CREATE INDEX sign_in_attempts_started ON sign_in_attempts (started);
