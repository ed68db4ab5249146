-- The hat must not remember who wrote what, even to someone who reads a dump with its system
-- columns (see docs/anonymity.md):
--   * a participant row names nobody: person_id goes, and so does the "wrote" flag, which was
--     set in the same transaction as the writer's first note;
--   * distinct writers are counted in ipe_writers as keyed hashes of participant tokens, which
--     no participant row can be matched to without the token (never stored);
--   * notes written while the hat is open wait in ipe_note_pool and move to ipe_notes in random
--     order, in one transaction, when writing ends.

-- +goose Up
CREATE TABLE ipe_writers (
    institution_id BIGINT NOT NULL,
    session_id     BIGINT NOT NULL,
    mark           TEXT   NOT NULL,
    PRIMARY KEY (session_id, mark),
    FOREIGN KEY (institution_id, session_id) REFERENCES ipe_sessions (institution_id, id)
);
INSERT INTO ipe_writers (institution_id, session_id, mark)
    SELECT institution_id, session_id, md5(random()::text || id::text) FROM ipe_participants WHERE wrote;

ALTER TABLE ipe_participants DROP COLUMN person_id;
ALTER TABLE ipe_participants DROP COLUMN wrote;

ALTER TABLE ipe_sessions ADD COLUMN writer_key TEXT NOT NULL DEFAULT '';
UPDATE ipe_sessions SET writer_key = md5(random()::text || id::text) || md5(random()::text || clock_timestamp()::text);

CREATE TABLE ipe_note_pool (
    id             TEXT    NOT NULL PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    session_id     BIGINT  NOT NULL,
    text           TEXT    NOT NULL,
    phase          TEXT    NOT NULL,
    redacted       BOOLEAN NOT NULL DEFAULT FALSE,
    FOREIGN KEY (institution_id, session_id) REFERENCES ipe_sessions (institution_id, id)
);
CREATE INDEX ipe_note_pool_session ON ipe_note_pool (session_id);

-- +goose Down
DROP TABLE ipe_note_pool;
DROP TABLE ipe_writers;
ALTER TABLE ipe_sessions DROP COLUMN writer_key;
ALTER TABLE ipe_participants ADD COLUMN person_id BIGINT;
ALTER TABLE ipe_participants ADD COLUMN wrote BOOLEAN NOT NULL DEFAULT FALSE;
