-- Innovation work and evidence: the innovation registry with its status history and
-- links, participation models, the action-research timeline, the field book and
-- prequalification sign-offs. Links to IPE notes and sessions and the timeline's reference to
-- a gathering are plain ids without foreign keys: those rows belong to other parts of the
-- model and may be stored differently.

-- +goose Up
CREATE TABLE innovations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id  INTEGER NOT NULL,
    workplace_id    INTEGER NOT NULL,
    project_id      INTEGER NOT NULL,
    title           TEXT    NOT NULL,
    description     TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL,
    size            TEXT    NOT NULL,
    revives_failure INTEGER NOT NULL DEFAULT 0 CHECK (revives_failure IN (0, 1)),
    owner_group     TEXT    NOT NULL DEFAULT '',
    created_by      INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, project_id) REFERENCES projects (institution_id, id),
    FOREIGN KEY (institution_id, created_by) REFERENCES persons (institution_id, id)
);
CREATE INDEX innovations_workplace ON innovations (institution_id, workplace_id);

CREATE TABLE innovation_status_changes (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    innovation_id  INTEGER NOT NULL,
    status         TEXT    NOT NULL,
    changed_by     INTEGER,
    changed_at     INTEGER NOT NULL,
    FOREIGN KEY (institution_id, innovation_id) REFERENCES innovations (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, changed_by) REFERENCES persons (institution_id, id)
);
CREATE INDEX innovation_status_changes_innovation ON innovation_status_changes (institution_id, innovation_id);

CREATE TABLE innovation_links (
    institution_id INTEGER NOT NULL,
    innovation_id  INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    ref_id         INTEGER NOT NULL,
    PRIMARY KEY (institution_id, innovation_id, kind, ref_id),
    FOREIGN KEY (institution_id, innovation_id) REFERENCES innovations (institution_id, id) ON DELETE CASCADE
);

CREATE TABLE participation_models (
    institution_id INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    reasons        TEXT    NOT NULL,
    decided_by     INTEGER,
    decided_at     INTEGER NOT NULL,
    PRIMARY KEY (institution_id, workplace_id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, decided_by) REFERENCES persons (institution_id, id)
);

CREATE TABLE timeline_entries (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    cycle          INTEGER NOT NULL DEFAULT 0,
    occurred_at    INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    body           TEXT    NOT NULL DEFAULT '',
    ref_id         INTEGER,
    created_by     INTEGER,
    created_at     INTEGER NOT NULL,
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, created_by) REFERENCES persons (institution_id, id)
);
CREATE INDEX timeline_entries_workplace ON timeline_entries (institution_id, workplace_id, occurred_at);

CREATE TABLE field_book_entries (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    author_id      INTEGER NOT NULL,
    observed_at    INTEGER NOT NULL,
    body           TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, author_id) REFERENCES persons (institution_id, id)
);
CREATE INDEX field_book_entries_workplace ON field_book_entries (institution_id, workplace_id, observed_at);

CREATE TABLE prequal_signoffs (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    criterion      TEXT    NOT NULL,
    met            INTEGER NOT NULL CHECK (met IN (0, 1)),
    note           TEXT    NOT NULL DEFAULT '',
    signed_by      INTEGER NOT NULL,
    signed_at      INTEGER NOT NULL,
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, signed_by) REFERENCES persons (institution_id, id)
);
CREATE INDEX prequal_signoffs_workplace ON prequal_signoffs (institution_id, workplace_id);

-- +goose Down
DROP TABLE prequal_signoffs;
DROP TABLE field_book_entries;
DROP TABLE timeline_entries;
DROP TABLE participation_models;
DROP TABLE innovation_links;
DROP TABLE innovation_status_changes;
DROP TABLE innovations;
