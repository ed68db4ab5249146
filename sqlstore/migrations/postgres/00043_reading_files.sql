-- Uploaded files of the reading workshop, kept in the file store under a key chosen there:
-- a syllabus text's PDF, and the photo of a group's presentation (the flipchart) with the
-- alt text the group writes. Empty keys mean no file.

-- +goose Up
ALTER TABLE syllabus_texts ADD COLUMN file_key TEXT NOT NULL DEFAULT '';
ALTER TABLE syllabus_texts ADD COLUMN file_name TEXT NOT NULL DEFAULT '';
ALTER TABLE syllabus_texts ADD COLUMN file_size BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reading_groups ADD COLUMN photo_key TEXT NOT NULL DEFAULT '';
ALTER TABLE reading_groups ADD COLUMN photo_type TEXT NOT NULL DEFAULT '';
ALTER TABLE reading_groups ADD COLUMN photo_alt TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE reading_groups DROP COLUMN photo_alt;
ALTER TABLE reading_groups DROP COLUMN photo_type;
ALTER TABLE reading_groups DROP COLUMN photo_key;
ALTER TABLE syllabus_texts DROP COLUMN file_size;
ALTER TABLE syllabus_texts DROP COLUMN file_name;
ALTER TABLE syllabus_texts DROP COLUMN file_key;
