-- Sharing between the workplaces of an institution: a copy of what a workplace's leader chose
-- to show the others (an innovation, a handbook chapter, an IPE question with its prioritised
-- notes), the questions and comments on it, and the innovations adopted from it. Who shared,
-- commented or adopted is kept for the record and never shown; pages name workplaces only.
-- ref_id is a plain id without a foreign key: it points into the registry, the handbook or the
-- IPE tool according to kind.

-- +goose Up
CREATE TABLE workplace_shares (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('innovation', 'chapter', 'ipe_question')),
    ref_id         INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    status         TEXT    NOT NULL DEFAULT '',
    body           TEXT    NOT NULL DEFAULT '',
    items          TEXT    NOT NULL DEFAULT '[]',
    shared_by      INTEGER,
    shared_at      INTEGER NOT NULL,
    withdrawn_at   INTEGER,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, shared_by) REFERENCES persons (institution_id, id)
);
-- One offer of a record at a time; a withdrawn one may be shared again.
CREATE UNIQUE INDEX workplace_shares_active ON workplace_shares (institution_id, kind, ref_id)
    WHERE withdrawn_at IS NULL;
CREATE INDEX workplace_shares_workplace ON workplace_shares (institution_id, workplace_id);

CREATE TABLE workplace_share_comments (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    share_id       INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    author_id      INTEGER,
    body           TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    FOREIGN KEY (institution_id, share_id) REFERENCES workplace_shares (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, author_id) REFERENCES persons (institution_id, id)
);
CREATE INDEX workplace_share_comments_share ON workplace_share_comments (institution_id, share_id);

CREATE TABLE innovation_adoptions (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id       INTEGER NOT NULL,
    share_id             INTEGER NOT NULL,
    origin_innovation_id INTEGER NOT NULL,
    origin_workplace_id  INTEGER NOT NULL,
    innovation_id        INTEGER NOT NULL,
    workplace_id         INTEGER NOT NULL,
    adopted_by           INTEGER,
    adopted_at           INTEGER NOT NULL,
    UNIQUE (institution_id, innovation_id),
    FOREIGN KEY (institution_id, share_id) REFERENCES workplace_shares (institution_id, id),
    FOREIGN KEY (institution_id, origin_innovation_id) REFERENCES innovations (institution_id, id),
    FOREIGN KEY (institution_id, innovation_id) REFERENCES innovations (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, adopted_by) REFERENCES persons (institution_id, id)
);
CREATE INDEX innovation_adoptions_origin ON innovation_adoptions (institution_id, origin_innovation_id);

-- +goose Down
DROP TABLE innovation_adoptions;
DROP TABLE workplace_share_comments;
DROP TABLE workplace_shares;
