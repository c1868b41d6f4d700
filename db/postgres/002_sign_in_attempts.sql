-- Sign-in attempts still in flight, per username, across every console (as db/migrations/012).
CREATE TABLE sign_in_attempts (
  id       text PRIMARY KEY,
  username text NOT NULL,
  started  text NOT NULL
);
CREATE INDEX sign_in_attempts_username ON sign_in_attempts (username);
CREATE INDEX sign_in_attempts_started ON sign_in_attempts (started);
