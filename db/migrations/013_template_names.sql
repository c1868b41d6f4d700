-- One template per name: two with one name cannot be told apart in the list, in the composer's
-- picker or in 删除模板「…」？. name_key is the name of every template written from now on, under a
-- unique index, so a name is checked and taken in one step, even by two saves at the same moment.
-- Templates that already share a name keep it: the oldest of them holds the name's key, the others
-- none (NULL, which a unique index allows many times) until they are saved again, when the console
-- asks for another name.
ALTER TABLE templates ADD COLUMN name_key TEXT;
UPDATE templates SET name_key = name WHERE seq = (SELECT MIN(t.seq) FROM templates t WHERE t.name = templates.name);
CREATE UNIQUE INDEX templates_name_key ON templates (name_key);
