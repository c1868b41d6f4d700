-- The console's schema on PostgreSQL: the same tables and columns as the SQLite migrations
-- (db/migrations, 001–010) reach, written once. The console's own columns keep SQLite's types
-- (ISO 8601 text for times, 0/1 integers, JSON as text) so one query layer reads both; better-auth's
-- tables are as its own generator writes them for PostgreSQL (timestamptz, boolean).

CREATE TABLE pushes (
  seq                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id                 text NOT NULL UNIQUE,
  idempotency_key    text NOT NULL,
  body_hash          text NOT NULL,
  created_at         text NOT NULL,
  finished_at        text,
  notify_way         integer NOT NULL,
  name               text NOT NULL,
  chuanbo_group      text NOT NULL,
  body               text NOT NULL,
  status             text NOT NULL CHECK (status IN ('pending_approval', 'scheduled', 'pending', 'sent', 'failed', 'unknown',
                       'rejected', 'cancelled', 'expired', 'missed', 'withdrawn')),
  upstream_code      integer,
  upstream_message   text,
  request_id         text,
  is_test            integer NOT NULL DEFAULT 0,
  reach              integer,
  reach_incomplete   integer NOT NULL DEFAULT 0,
  sent_by            text,
  answer_status      integer,
  answer_body        text,
  approved_by        text,
  approved_at        text,
  rejected_by        text,
  rejected_at        text,
  reject_reason      text,
  hold_reasons       text NOT NULL DEFAULT '[]',
  scheduled_at       text,
  send_started_at    text,
  cancelled_by       text,
  cancelled_at       text,
  quiet_hours_reason text,
  withdrawn_at       text,
  settled_by         text,
  settled_at         text,
  settle_note        text
);

CREATE UNIQUE INDEX pushes_sender_key ON pushes (coalesce(sent_by, ''), idempotency_key);
CREATE INDEX pushes_created ON pushes (created_at DESC, seq DESC);
CREATE INDEX pushes_status_created ON pushes (status, created_at DESC);
CREATE INDEX pushes_notify_way_created ON pushes (notify_way, created_at DESC);
CREATE INDEX pushes_sent_by_created ON pushes (sent_by, created_at DESC);
CREATE INDEX pushes_status_scheduled ON pushes (status, scheduled_at);
CREATE INDEX pushes_sent_by_finished ON pushes (sent_by, finished_at DESC);

create table "user" ("id" text not null primary key, "name" text not null, "email" text not null unique, "emailVerified" boolean not null, "image" text, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz default CURRENT_TIMESTAMP not null, "username" text unique, "displayUsername" text, "role" text, "banned" boolean, "banReason" text, "banExpires" timestamptz);
create table "session" ("id" text not null primary key, "expiresAt" timestamptz not null, "token" text not null unique, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz not null, "ipAddress" text, "userAgent" text, "userId" text not null references "user" ("id") on delete cascade, "impersonatedBy" text);
create table "account" ("id" text not null primary key, "accountId" text not null, "providerId" text not null, "userId" text not null references "user" ("id") on delete cascade, "accessToken" text, "refreshToken" text, "idToken" text, "accessTokenExpiresAt" timestamptz, "refreshTokenExpiresAt" timestamptz, "scope" text, "password" text, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz not null);
create table "verification" ("id" text not null primary key, "identifier" text not null, "value" text not null, "expiresAt" timestamptz not null, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz default CURRENT_TIMESTAMP not null);
create table "rateLimit" ("id" text not null primary key, "key" text not null unique, "count" integer not null, "lastRequest" bigint not null);
create index "session_userId_idx" on "session" ("userId");
create index "account_userId_idx" on "account" ("userId");
create index "verification_identifier_idx" on "verification" ("identifier");

CREATE TABLE audit_log (
  seq     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at      text NOT NULL,
  actor   text,
  ip      text,
  action  text NOT NULL,
  target  text,
  details text NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_at ON audit_log (at DESC, seq DESC);
CREATE INDEX audit_log_action_at ON audit_log (action, at DESC);
CREATE INDEX audit_log_actor_at ON audit_log (actor, at DESC);

-- Append-only, twice over: a trigger refuses UPDATE, DELETE and TRUNCATE whoever asks, and the role
-- that runs the console (which owns the table, having migrated it) holds no UPDATE, DELETE or
-- TRUNCATE privilege on it. A deployment that migrates as another role grants the console's role
-- SELECT and INSERT only (README, "PostgreSQL").
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC, CURRENT_USER;

CREATE TABLE templates (
  seq          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id           text NOT NULL UNIQUE,
  name         text NOT NULL,
  notify_way   integer NOT NULL CHECK (notify_way IN (1, 2, 3)),
  body         text NOT NULL,
  search_text  text NOT NULL,
  created_by   text NOT NULL,
  created_at   text NOT NULL,
  updated_by   text NOT NULL,
  updated_at   text NOT NULL
);

CREATE INDEX templates_updated ON templates (updated_at DESC, seq DESC);
CREATE INDEX templates_notify_way_updated ON templates (notify_way, updated_at DESC);

CREATE TABLE group_index (
  id         integer PRIMARY KEY CHECK (id = 1),
  upstream   text NOT NULL,
  fetched_at text NOT NULL,
  groups     text NOT NULL
);

CREATE TABLE notification_seen (
  username text PRIMARY KEY,
  seen_at  text NOT NULL
);

CREATE TABLE leases (
  name   text PRIMARY KEY,
  holder text NOT NULL,
  until  text NOT NULL
);
