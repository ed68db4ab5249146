-- A programme's handbook: chapters in Markdown, each saved version kept so that a version can
-- be compared with the one before it, and a late save can be merged over the versions it missed.

-- +goose Up
CREATE TABLE handbooks (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    programme_id   INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    UNIQUE (institution_id, id),
    UNIQUE (programme_id),
    FOREIGN KEY (institution_id, programme_id) REFERENCES programmes (institution_id, id)
);

CREATE TABLE handbook_chapters (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    handbook_id    INTEGER NOT NULL,
    position       INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    body           TEXT    NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 0,
    updated_at     INTEGER NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, handbook_id) REFERENCES handbooks (institution_id, id)
);
CREATE INDEX handbook_chapters_handbook ON handbook_chapters (institution_id, handbook_id, position);

-- Every saved version of a chapter; author_id is who saved it (authors are named, never anonymous).
CREATE TABLE handbook_versions (
    institution_id INTEGER NOT NULL,
    chapter_id     INTEGER NOT NULL,
    version        INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    body           TEXT    NOT NULL,
    author_id      INTEGER NOT NULL,
    saved_at       INTEGER NOT NULL,
    PRIMARY KEY (chapter_id, version),
    FOREIGN KEY (institution_id, chapter_id) REFERENCES handbook_chapters (institution_id, id),
    FOREIGN KEY (institution_id, author_id) REFERENCES persons (institution_id, id)
);

-- +goose Down
DROP TABLE handbook_versions;
DROP TABLE handbook_chapters;
DROP TABLE handbooks;
