-- Reading workshop: a programme's syllabus, workshops per workplace with groups of four that
-- each read one text, the participants' own answers, and each group's shared presentation with
-- the log of edits that lets concurrent edits be rebased (see package textmerge).

-- +goose Up
CREATE TABLE syllabus_texts (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    programme_id   INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    authors        TEXT    NOT NULL,
    year           INTEGER NOT NULL,
    language       TEXT    NOT NULL,
    pages          INTEGER NOT NULL,
    url            TEXT    NOT NULL DEFAULT '',
    summary        TEXT    NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, programme_id) REFERENCES programmes (institution_id, id)
);
CREATE INDEX syllabus_texts_programme ON syllabus_texts (institution_id, programme_id);

-- gathering_id is a plain nullable id until gatherings exist; the foreign key comes with them.
CREATE TABLE reading_workshops (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    programme_id   INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    gathering_id   INTEGER,
    title          TEXT    NOT NULL,
    grouping       TEXT    NOT NULL,
    phase          TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    phase_at       INTEGER NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id)
);
CREATE INDEX reading_workshops_workplace ON reading_workshops (institution_id, workplace_id);

CREATE TABLE reading_groups (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    workshop_id    INTEGER NOT NULL,
    number         INTEGER NOT NULL,
    text_id        INTEGER,
    presentation   TEXT    NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (institution_id, id),
    UNIQUE (workshop_id, number),
    FOREIGN KEY (institution_id, workshop_id) REFERENCES reading_workshops (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, text_id) REFERENCES syllabus_texts (institution_id, id)
);

-- One group per person and workshop.
CREATE TABLE reading_group_members (
    institution_id INTEGER NOT NULL,
    workshop_id    INTEGER NOT NULL,
    group_id       INTEGER NOT NULL,
    person_id      INTEGER NOT NULL,
    position       INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, person_id),
    FOREIGN KEY (institution_id, workshop_id) REFERENCES reading_workshops (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, group_id) REFERENCES reading_groups (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX reading_group_members_group ON reading_group_members (institution_id, group_id);

CREATE TABLE reading_answers (
    institution_id INTEGER NOT NULL,
    workshop_id    INTEGER NOT NULL,
    person_id      INTEGER NOT NULL,
    interesting    TEXT    NOT NULL DEFAULT '',
    connects       TEXT    NOT NULL DEFAULT '',
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, person_id),
    FOREIGN KEY (institution_id, workshop_id) REFERENCES reading_workshops (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);

-- The span each edit applied: version n of a presentation is made by the row with version n.
-- Who wrote it is not kept: the presentation is the group's.
CREATE TABLE reading_edits (
    institution_id INTEGER NOT NULL,
    group_id       INTEGER NOT NULL,
    version        INTEGER NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    span_text      TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (group_id, version),
    FOREIGN KEY (institution_id, group_id) REFERENCES reading_groups (institution_id, id) ON DELETE CASCADE
);

-- +goose Down
DROP TABLE reading_edits;
DROP TABLE reading_answers;
DROP TABLE reading_group_members;
DROP TABLE reading_groups;
DROP TABLE reading_workshops;
DROP TABLE syllabus_texts;
