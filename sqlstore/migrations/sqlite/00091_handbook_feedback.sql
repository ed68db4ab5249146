-- Feedback on a handbook draft: readers mark a passage as useful, to remove, unclear or missing
-- something. With the same guarantees as an anonymous IPE note: an anonymous mark has no
-- person_id, no mark has a time, and its id is random (no order of writing can be read back;
-- on SQLite the table has no rowid either).

-- +goose Up
ALTER TABLE handbooks ADD COLUMN feedback_open INTEGER NOT NULL DEFAULT 0;

CREATE TABLE handbook_marks (
    id             TEXT    NOT NULL PRIMARY KEY,
    institution_id INTEGER NOT NULL,
    chapter_id     INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    passage        TEXT    NOT NULL,
    comment        TEXT    NOT NULL DEFAULT '',
    person_id      INTEGER,
    resolved       INTEGER NOT NULL DEFAULT 0,
    FOREIGN KEY (institution_id, chapter_id) REFERENCES handbook_chapters (institution_id, id),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id)
) WITHOUT ROWID;
CREATE INDEX handbook_marks_chapter ON handbook_marks (chapter_id);

-- +goose Down
DROP TABLE handbook_marks;
ALTER TABLE handbooks DROP COLUMN feedback_open;
