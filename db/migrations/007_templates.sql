-- 常用模板: named, reusable contents of one channel, shared by the team.
-- body: the template's parsed fields as JSON (name, notify_way and that channel's content);
-- search_text: its name and content, lower-cased, for GET /api/templates?q=.
CREATE TABLE templates (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  notify_way   INTEGER NOT NULL CHECK (notify_way IN (1, 2, 3)),
  body         TEXT NOT NULL,
  search_text  TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

CREATE INDEX templates_updated ON templates (updated_at DESC, seq DESC);
CREATE INDEX templates_notify_way_updated ON templates (notify_way, updated_at DESC);
