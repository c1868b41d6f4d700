-- One template per name (as db/migrations/013): the oldest of templates that already share a name
-- holds its key, the others none until they are saved again.
ALTER TABLE templates ADD COLUMN name_key text;
UPDATE templates SET name_key = name WHERE seq = (SELECT MIN(t.seq) FROM templates t WHERE t.name = templates.name);
CREATE UNIQUE INDEX templates_name_key ON templates (name_key);
