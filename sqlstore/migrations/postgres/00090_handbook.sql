-- A programme's handbook: chapters in Markdown, each saved version kept so that a version can
-- be compared with the one before it, and a late save can be merged over the versions it missed.

-- +goose Up
CREATE TABLE handbooks (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT NOT NULL,
    programme_id   BIGINT NOT NULL,
    title          TEXT    NOT NULL,
    created_at     BIGINT NOT NULL,
    UNIQUE (institution_id, id),
    UNIQUE (programme_id),
    FOREIGN KEY (institution_id, programme_id) REFERENCES programmes (institution_id, id)
);

CREATE TABLE handbook_chapters (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT NOT NULL,
    handbook_id    BIGINT NOT NULL,
    position       INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    body           TEXT    NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 0,
    updated_at     BIGINT NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, handbook_id) REFERENCES handbooks (institution_id, id)
);
CREATE INDEX handbook_chapters_handbook ON handbook_chapters (institution_id, handbook_id, position);

-- Every saved version of a chapter; author_id is who saved it (authors are named, never anonymous).
CREATE TABLE handbook_versions (
    institution_id BIGINT NOT NULL,
    chapter_id     BIGINT NOT NULL,
    version        INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    body           TEXT    NOT NULL,
    author_id      BIGINT NOT NULL,
    saved_at       BIGINT NOT NULL,
    PRIMARY KEY (chapter_id, version),
    FOREIGN KEY (institution_id, chapter_id) REFERENCES handbook_chapters (institution_id, id),
    FOREIGN KEY (institution_id, author_id) REFERENCES persons (institution_id, id)
);

-- +goose Down
DROP TABLE handbook_versions;
DROP TABLE handbook_chapters;
DROP TABLE handbooks;
