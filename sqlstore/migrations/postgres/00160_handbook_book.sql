-- The handbook as a book: its original language and chapters' versions in the other languages,
-- images with their alt text, snapshots of frozen embeds taken at publication, and the
-- participants named as its authors.

-- +goose Up
ALTER TABLE handbooks ADD COLUMN language TEXT NOT NULL DEFAULT 'nb';

-- A chapter in another language than the handbook's; version counts its saves, so that a save
-- against an older one is refused rather than written over it.
CREATE TABLE handbook_translations (
    institution_id BIGINT  NOT NULL,
    chapter_id     BIGINT  NOT NULL,
    language       TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    body           TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    updated_at     BIGINT  NOT NULL,
    PRIMARY KEY (chapter_id, language),
    FOREIGN KEY (institution_id, chapter_id) REFERENCES handbook_chapters (institution_id, id)
);

-- An uploaded image; file_key names it in the file store. Chapters refer to it as image:ID.
CREATE TABLE handbook_images (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    handbook_id    BIGINT  NOT NULL,
    file_key       TEXT    NOT NULL,
    content_type   TEXT    NOT NULL,
    alt            TEXT    NOT NULL,
    created_at     BIGINT  NOT NULL,
    FOREIGN KEY (institution_id, handbook_id) REFERENCES handbooks (institution_id, id)
);
CREATE INDEX handbook_images_handbook ON handbook_images (handbook_id);

-- A frozen embed's record as it was at publication (JSON of what the embed shows), by the
-- embed's key ("innovation 12", "chart participation").
CREATE TABLE handbook_snapshots (
    institution_id BIGINT  NOT NULL,
    handbook_id    BIGINT  NOT NULL,
    embed          TEXT    NOT NULL,
    data           TEXT    NOT NULL,
    taken_at       BIGINT  NOT NULL,
    PRIMARY KEY (handbook_id, embed),
    FOREIGN KEY (institution_id, handbook_id) REFERENCES handbooks (institution_id, id)
);

-- Participants named by the programme's researchers or leaders as the handbook's authors.
CREATE TABLE handbook_authors (
    institution_id BIGINT  NOT NULL,
    handbook_id    BIGINT  NOT NULL,
    person_id      BIGINT  NOT NULL,
    PRIMARY KEY (handbook_id, person_id),
    FOREIGN KEY (institution_id, handbook_id) REFERENCES handbooks (institution_id, id),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id)
);

-- +goose Down
DROP TABLE handbook_authors;
DROP TABLE handbook_snapshots;
DROP TABLE handbook_images;
DROP TABLE handbook_translations;
ALTER TABLE handbooks DROP COLUMN language;
