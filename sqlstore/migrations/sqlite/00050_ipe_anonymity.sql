-- The hat must not remember who wrote what, even to someone who reads the database file and its
-- write-ahead log (see docs/anonymity.md):
--   * a participant row names nobody: person_id goes, and so does the "wrote" flag, which was
--     set in the same transaction as the writer's first note;
--   * distinct writers are counted in ipe_writers as keyed hashes of participant tokens, which
--     no participant row can be matched to without the token (never stored);
--   * notes written while the hat is open wait in ipe_note_pool and move to ipe_notes in random
--     order, in one transaction, when writing ends.

-- +goose Up
CREATE TABLE ipe_participants_new (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    session_id     INTEGER NOT NULL,
    group_id       INTEGER,
    token_hash     TEXT    NOT NULL UNIQUE,
    spent          INTEGER NOT NULL DEFAULT 0,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, session_id) REFERENCES ipe_sessions (institution_id, id),
    FOREIGN KEY (institution_id, group_id) REFERENCES ipe_groups (institution_id, id)
);
INSERT INTO ipe_participants_new (id, institution_id, session_id, group_id, token_hash, spent)
    SELECT id, institution_id, session_id, group_id, token_hash, spent FROM ipe_participants;

CREATE TABLE ipe_writers (
    institution_id INTEGER NOT NULL,
    session_id     INTEGER NOT NULL,
    mark           TEXT    NOT NULL,
    PRIMARY KEY (session_id, mark),
    FOREIGN KEY (institution_id, session_id) REFERENCES ipe_sessions (institution_id, id)
) WITHOUT ROWID;
INSERT INTO ipe_writers (institution_id, session_id, mark)
    SELECT institution_id, session_id, lower(hex(randomblob(16))) FROM ipe_participants WHERE wrote = 1;

DROP TABLE ipe_participants;
ALTER TABLE ipe_participants_new RENAME TO ipe_participants;
CREATE INDEX ipe_participants_session ON ipe_participants (institution_id, session_id);

ALTER TABLE ipe_sessions ADD COLUMN writer_key TEXT NOT NULL DEFAULT '';
UPDATE ipe_sessions SET writer_key = lower(hex(randomblob(32)));

CREATE TABLE ipe_note_pool (
    id             TEXT    NOT NULL PRIMARY KEY,
    institution_id INTEGER NOT NULL,
    session_id     INTEGER NOT NULL,
    text           TEXT    NOT NULL,
    phase          TEXT    NOT NULL,
    redacted       INTEGER NOT NULL DEFAULT 0,
    FOREIGN KEY (institution_id, session_id) REFERENCES ipe_sessions (institution_id, id)
) WITHOUT ROWID;
CREATE INDEX ipe_note_pool_session ON ipe_note_pool (session_id);

-- +goose Down
DROP TABLE ipe_note_pool;
DROP TABLE ipe_writers;
ALTER TABLE ipe_sessions DROP COLUMN writer_key;
ALTER TABLE ipe_participants ADD COLUMN person_id INTEGER;
ALTER TABLE ipe_participants ADD COLUMN wrote INTEGER NOT NULL DEFAULT 0;
