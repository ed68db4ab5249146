-- Times are integer Unix milliseconds in UTC (see sqlstore/time.go). Every table that holds an
-- institution's data carries institution_id, and foreign keys between such tables include it,
-- so that rows of one institution can never point at another's and a later distribution by
-- tenant (Citus) keeps related rows together.

-- +goose Up
CREATE TABLE institutions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE programmes (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL REFERENCES institutions (id),
    name           TEXT    NOT NULL,
    start_year     INTEGER NOT NULL,
    end_year       INTEGER NOT NULL,
    level          TEXT    NOT NULL,
    ects           INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    UNIQUE (institution_id, id)
);

CREATE TABLE workplaces (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    programme_id   INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    municipality   TEXT    NOT NULL,
    service_kind   TEXT    NOT NULL,
    ftes           REAL    NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, programme_id) REFERENCES programmes (institution_id, id)
);
CREATE INDEX workplaces_programme ON workplaces (institution_id, programme_id);

CREATE TABLE projects (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    parent_id      INTEGER,
    title          TEXT    NOT NULL,
    description    TEXT    NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, parent_id) REFERENCES projects (institution_id, id)
);
CREATE INDEX projects_workplace ON projects (institution_id, workplace_id);
CREATE INDEX projects_parent ON projects (institution_id, parent_id);

CREATE TABLE persons (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL REFERENCES institutions (id),
    name           TEXT    NOT NULL,
    email          TEXT    NOT NULL,
    profession     TEXT    NOT NULL DEFAULT '',
    position_pct   INTEGER NOT NULL DEFAULT 0,
    shift_team     TEXT    NOT NULL DEFAULT '',
    locale         TEXT    NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    UNIQUE (institution_id, id),
    UNIQUE (institution_id, email)
);
-- Sign-in looks a person up by e-mail alone.
CREATE INDEX persons_email ON persons (email);

-- Kept apart from persons so that no person query ever reads a hash.
CREATE TABLE password_hashes (
    person_id      INTEGER PRIMARY KEY,
    institution_id INTEGER NOT NULL,
    hash           TEXT    NOT NULL,
    updated_at     INTEGER NOT NULL,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);

-- A workplace membership also records the workplace's programme. NULLs are distinct in a
-- unique constraint, so "one membership per person, role and scope" is one partial unique
-- index per scope.
CREATE TABLE memberships (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    person_id      INTEGER NOT NULL,
    role           TEXT    NOT NULL,
    programme_id   INTEGER,
    workplace_id   INTEGER,
    created_at     INTEGER NOT NULL,
    CHECK (workplace_id IS NULL OR programme_id IS NOT NULL),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, programme_id) REFERENCES programmes (institution_id, id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id)
);
CREATE UNIQUE INDEX memberships_unique_institution ON memberships (institution_id, person_id, role)
    WHERE programme_id IS NULL AND workplace_id IS NULL;
CREATE UNIQUE INDEX memberships_unique_programme ON memberships (institution_id, person_id, role, programme_id)
    WHERE programme_id IS NOT NULL AND workplace_id IS NULL;
CREATE UNIQUE INDEX memberships_unique_workplace ON memberships (institution_id, person_id, role, workplace_id)
    WHERE workplace_id IS NOT NULL;
CREATE INDEX memberships_person ON memberships (institution_id, person_id);
CREATE INDEX memberships_workplace ON memberships (institution_id, workplace_id);
CREATE INDEX memberships_programme ON memberships (institution_id, programme_id);

CREATE TABLE login_sessions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id  INTEGER NOT NULL,
    person_id       INTEGER NOT NULL,
    token_hash      TEXT    NOT NULL UNIQUE,
    shared_device   INTEGER NOT NULL CHECK (shared_device IN (0, 1)),
    idle_timeout_ms INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    last_seen_at    INTEGER NOT NULL,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX login_sessions_person ON login_sessions (institution_id, person_id);

CREATE TABLE invitations (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    role           TEXT    NOT NULL,
    email          TEXT    NOT NULL DEFAULT '',
    token_hash     TEXT    NOT NULL UNIQUE,
    created_by     INTEGER,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    accepted_at    INTEGER,
    accepted_by    INTEGER,
    revoked_at     INTEGER,
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, created_by) REFERENCES persons (institution_id, id),
    FOREIGN KEY (institution_id, accepted_by) REFERENCES persons (institution_id, id)
);
CREATE INDEX invitations_workplace ON invitations (institution_id, workplace_id);

-- +goose Down
DROP TABLE invitations;
DROP TABLE login_sessions;
DROP TABLE memberships;
DROP TABLE password_hashes;
DROP TABLE persons;
DROP TABLE projects;
DROP TABLE workplaces;
DROP TABLE programmes;
DROP TABLE institutions;
