-- IPE sessions (note in a hat). Anonymity by construction (see ipe_note.go): ipe_notes has no
-- column that names a writer, no time, and a random text id; no table joins notes to
-- participants. ipe_participants.wrote counts distinct writers without saying what they wrote.
-- ipe_draws and ipe_reflections name the group, never the person who drew.

-- +goose Up
CREATE TABLE ipe_sessions (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id       BIGINT NOT NULL,
    workplace_id         BIGINT NOT NULL,
    gathering_id         BIGINT,
    kind                 TEXT    NOT NULL,
    evaluates_session_id BIGINT,
    evaluates_idea_id    BIGINT,
    question             TEXT    NOT NULL,
    grouping             TEXT    NOT NULL,
    phase                TEXT    NOT NULL,
    k                    INTEGER NOT NULL,
    vote_budget          INTEGER NOT NULL,
    phase_minutes        INTEGER NOT NULL DEFAULT 0,
    phase_started_at     BIGINT,
    join_code            TEXT    NOT NULL UNIQUE,
    event_seq            BIGINT NOT NULL DEFAULT 0,
    created_by           BIGINT,
    created_at           BIGINT NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, created_by) REFERENCES persons (institution_id, id),
    FOREIGN KEY (institution_id, evaluates_session_id) REFERENCES ipe_sessions (institution_id, id)
);
CREATE INDEX ipe_sessions_workplace ON ipe_sessions (institution_id, workplace_id);

CREATE TABLE ipe_groups (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT NOT NULL,
    session_id     BIGINT NOT NULL,
    name           TEXT    NOT NULL,
    position       INTEGER NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, session_id) REFERENCES ipe_sessions (institution_id, id)
);
CREATE INDEX ipe_groups_session ON ipe_groups (institution_id, session_id);

-- Persons placed in a group in advance (random or by shift team); anonymous joiners are placed
-- when they join.
CREATE TABLE ipe_group_persons (
    institution_id BIGINT NOT NULL,
    group_id       BIGINT NOT NULL,
    person_id      BIGINT NOT NULL,
    PRIMARY KEY (institution_id, group_id, person_id),
    FOREIGN KEY (institution_id, group_id) REFERENCES ipe_groups (institution_id, id),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id)
);

CREATE TABLE ipe_participants (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT NOT NULL,
    session_id     BIGINT NOT NULL,
    group_id       BIGINT,
    person_id      BIGINT,
    token_hash     TEXT    NOT NULL UNIQUE,
    wrote          BOOLEAN NOT NULL DEFAULT FALSE,
    spent          INTEGER NOT NULL DEFAULT 0,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, session_id) REFERENCES ipe_sessions (institution_id, id),
    FOREIGN KEY (institution_id, group_id) REFERENCES ipe_groups (institution_id, id),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id)
);
CREATE INDEX ipe_participants_session ON ipe_participants (institution_id, session_id);

CREATE TABLE ipe_notes (
    id             TEXT    NOT NULL PRIMARY KEY,
    institution_id BIGINT NOT NULL,
    session_id     BIGINT NOT NULL,
    text           TEXT    NOT NULL,
    phase          TEXT    NOT NULL,
    redacted       BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, session_id) REFERENCES ipe_sessions (institution_id, id)
);
CREATE INDEX ipe_notes_session ON ipe_notes (institution_id, session_id);

CREATE TABLE ipe_draws (
    institution_id BIGINT NOT NULL,
    session_id     BIGINT NOT NULL,
    note_id        TEXT    NOT NULL PRIMARY KEY,
    group_id       BIGINT NOT NULL,
    turn           INTEGER NOT NULL,
    reflection     TEXT    NOT NULL DEFAULT '',
    votes          INTEGER NOT NULL DEFAULT 0,
    FOREIGN KEY (institution_id, note_id) REFERENCES ipe_notes (institution_id, id),
    FOREIGN KEY (institution_id, group_id) REFERENCES ipe_groups (institution_id, id),
    FOREIGN KEY (institution_id, session_id) REFERENCES ipe_sessions (institution_id, id)
);
CREATE INDEX ipe_draws_group ON ipe_draws (institution_id, group_id);

CREATE TABLE ipe_events (
    institution_id BIGINT NOT NULL,
    session_id     BIGINT NOT NULL,
    seq            BIGINT NOT NULL,
    kind           TEXT    NOT NULL,
    data           TEXT    NOT NULL,
    PRIMARY KEY (session_id, seq),
    FOREIGN KEY (institution_id, session_id) REFERENCES ipe_sessions (institution_id, id)
);

-- The workplace's idea list; the innovation registry builds on it.
CREATE TABLE ideas (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id    BIGINT NOT NULL,
    workplace_id      BIGINT NOT NULL,
    source_session_id BIGINT,
    text              TEXT    NOT NULL,
    created_by        BIGINT,
    created_at        BIGINT NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, source_session_id) REFERENCES ipe_sessions (institution_id, id),
    FOREIGN KEY (institution_id, created_by) REFERENCES persons (institution_id, id)
);
CREATE INDEX ideas_workplace ON ideas (institution_id, workplace_id);

-- Personal API tokens ("laeringsliv token create"); only the hash is kept.
CREATE TABLE api_tokens (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT NOT NULL,
    person_id      BIGINT NOT NULL,
    token_hash     TEXT    NOT NULL UNIQUE,
    created_at     BIGINT NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id)
);

-- +goose Down
DROP TABLE api_tokens;
DROP TABLE ideas;
DROP TABLE ipe_events;
DROP TABLE ipe_draws;
DROP TABLE ipe_notes;
DROP TABLE ipe_participants;
DROP TABLE ipe_group_persons;
DROP TABLE ipe_groups;
DROP TABLE ipe_sessions;
