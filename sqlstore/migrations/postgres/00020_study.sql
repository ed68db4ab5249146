-- The study programme: gatherings, work requirements, submissions and their assessment, exam
-- registrations and admission (formal qualifications and prior-learning assessment).
-- Times are integer Unix milliseconds in UTC; every table carries institution_id.

-- +goose Up
CREATE TABLE gatherings (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    workplace_id   BIGINT  NOT NULL,
    kind           TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    place          TEXT    NOT NULL DEFAULT '',
    starts_at      BIGINT  NOT NULL,
    created_at     BIGINT  NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id)
);
CREATE INDEX gatherings_workplace ON gatherings (institution_id, workplace_id, starts_at);

CREATE TABLE gathering_days (
    institution_id BIGINT  NOT NULL,
    gathering_id   BIGINT  NOT NULL,
    position       BIGINT  NOT NULL,
    start_at       BIGINT  NOT NULL,
    end_at         BIGINT  NOT NULL,
    PRIMARY KEY (gathering_id, position),
    FOREIGN KEY (institution_id, gathering_id) REFERENCES gatherings (institution_id, id) ON DELETE CASCADE
);

-- ipe_session_id and reading_workshop_id are plain ids: those features land separately and
-- will add their foreign keys.
CREATE TABLE agenda_items (
    institution_id      BIGINT  NOT NULL,
    gathering_id        BIGINT  NOT NULL,
    position            BIGINT  NOT NULL,
    start_at            BIGINT  NOT NULL,
    end_at              BIGINT,
    title               TEXT    NOT NULL,
    ipe_session_id      BIGINT,
    reading_workshop_id BIGINT,
    PRIMARY KEY (gathering_id, position),
    FOREIGN KEY (institution_id, gathering_id) REFERENCES gatherings (institution_id, id) ON DELETE CASCADE
);

CREATE TABLE work_requirements (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    programme_id   BIGINT  NOT NULL,
    code           TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    description    TEXT    NOT NULL DEFAULT '',
    mode           TEXT    NOT NULL,
    due_at         BIGINT,
    due_gathering  TEXT    NOT NULL DEFAULT '',
    file_kinds     TEXT    NOT NULL DEFAULT '',
    max_bytes      BIGINT  NOT NULL DEFAULT 0,
    assessors      BIGINT  NOT NULL DEFAULT 1,
    position       BIGINT  NOT NULL DEFAULT 0,
    created_at     BIGINT  NOT NULL,
    UNIQUE (institution_id, id),
    UNIQUE (programme_id, code),
    FOREIGN KEY (institution_id, programme_id) REFERENCES programmes (institution_id, id)
);

CREATE TABLE submissions (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    requirement_id BIGINT  NOT NULL,
    workplace_id   BIGINT  NOT NULL,
    version        BIGINT  NOT NULL,
    author_id      BIGINT  NOT NULL,
    body           TEXT    NOT NULL DEFAULT '',
    status         TEXT    NOT NULL,
    submitted_at   BIGINT,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, requirement_id) REFERENCES work_requirements (institution_id, id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, author_id) REFERENCES persons (institution_id, id)
);
CREATE INDEX submissions_requirement ON submissions (institution_id, requirement_id, workplace_id);

CREATE TABLE submission_members (
    institution_id BIGINT  NOT NULL,
    submission_id  BIGINT  NOT NULL,
    person_id      BIGINT  NOT NULL,
    PRIMARY KEY (submission_id, person_id),
    FOREIGN KEY (institution_id, submission_id) REFERENCES submissions (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id)
);
CREATE INDEX submission_members_person ON submission_members (institution_id, person_id);

CREATE TABLE submission_files (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    submission_id  BIGINT  NOT NULL,
    storage_key    TEXT    NOT NULL UNIQUE,
    name           TEXT    NOT NULL DEFAULT '',
    kind           TEXT    NOT NULL,
    content_type   TEXT    NOT NULL,
    size           BIGINT  NOT NULL,
    created_at     BIGINT  NOT NULL,
    FOREIGN KEY (institution_id, submission_id) REFERENCES submissions (institution_id, id)
);
CREATE INDEX submission_files_submission ON submission_files (institution_id, submission_id);

CREATE TABLE assessments (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    submission_id  BIGINT  NOT NULL,
    assessor_id    BIGINT  NOT NULL,
    verdict        TEXT    NOT NULL,
    feedback       TEXT    NOT NULL DEFAULT '',
    created_at     BIGINT  NOT NULL,
    FOREIGN KEY (institution_id, submission_id) REFERENCES submissions (institution_id, id),
    FOREIGN KEY (institution_id, assessor_id) REFERENCES persons (institution_id, id)
);
CREATE INDEX assessments_submission ON assessments (institution_id, submission_id);

CREATE TABLE exam_registrations (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    workplace_id   BIGINT  NOT NULL,
    person_id      BIGINT  NOT NULL,
    level          TEXT    NOT NULL,
    result         TEXT    NOT NULL DEFAULT '',
    created_at     BIGINT  NOT NULL,
    UNIQUE (institution_id, person_id, level),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id)
);
CREATE INDEX exam_registrations_workplace ON exam_registrations (institution_id, workplace_id);

CREATE TABLE qualifications (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    person_id      BIGINT  NOT NULL,
    kind           TEXT    NOT NULL,
    recorded_by    BIGINT,
    created_at     BIGINT  NOT NULL,
    UNIQUE (institution_id, person_id, kind),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id),
    FOREIGN KEY (institution_id, recorded_by) REFERENCES persons (institution_id, id)
);

CREATE TABLE admission_rules (
    institution_id                 BIGINT  NOT NULL,
    programme_id                   BIGINT  NOT NULL PRIMARY KEY,
    bachelor_trade_certificate     BOOLEAN NOT NULL,
    bachelor_work_years            DOUBLE PRECISION NOT NULL,
    master_work_years              DOUBLE PRECISION NOT NULL,
    bachelor_exam_qualifies_master BOOLEAN NOT NULL,
    FOREIGN KEY (institution_id, programme_id) REFERENCES programmes (institution_id, id)
);

CREATE TABLE prior_learning_applications (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    programme_id   BIGINT  NOT NULL,
    workplace_id   BIGINT  NOT NULL,
    person_id      BIGINT  NOT NULL,
    level          TEXT    NOT NULL,
    created_by     BIGINT  NOT NULL,
    created_at     BIGINT  NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id),
    FOREIGN KEY (institution_id, created_by) REFERENCES persons (institution_id, id)
);
CREATE INDEX prior_learning_applications_person ON prior_learning_applications (institution_id, person_id);

CREATE TABLE prior_learning_documents (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    application_id BIGINT  NOT NULL,
    kind           TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    issuer         TEXT    NOT NULL DEFAULT '',
    from_date      BIGINT,
    to_date        BIGINT,
    position_pct   DOUBLE PRECISION NOT NULL DEFAULT 0,
    tasks          TEXT    NOT NULL DEFAULT '',
    relevant       BOOLEAN NOT NULL,
    created_at     BIGINT  NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, application_id) REFERENCES prior_learning_applications (institution_id, id)
);
CREATE INDEX prior_learning_documents_application ON prior_learning_documents (institution_id, application_id);

-- What the rules suggested is copied into the decision: rules change, the record must not.
CREATE TABLE prior_learning_decisions (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id          BIGINT  NOT NULL,
    application_id          BIGINT  NOT NULL,
    outcome                 TEXT    NOT NULL,
    rationale               TEXT    NOT NULL,
    decided_by              BIGINT  NOT NULL,
    decided_at              BIGINT  NOT NULL,
    suggested_qualifies     BOOLEAN NOT NULL,
    suggested_discretionary BOOLEAN NOT NULL,
    trade_certificate       BOOLEAN NOT NULL,
    full_time_years         DOUBLE PRECISION NOT NULL,
    required_years          DOUBLE PRECISION NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, application_id) REFERENCES prior_learning_applications (institution_id, id),
    FOREIGN KEY (institution_id, decided_by) REFERENCES persons (institution_id, id)
);
CREATE INDEX prior_learning_decisions_application ON prior_learning_decisions (institution_id, application_id);

CREATE TABLE prior_learning_decision_documents (
    institution_id BIGINT  NOT NULL,
    decision_id    BIGINT  NOT NULL,
    document_id    BIGINT  NOT NULL,
    PRIMARY KEY (decision_id, document_id),
    FOREIGN KEY (institution_id, decision_id) REFERENCES prior_learning_decisions (institution_id, id),
    FOREIGN KEY (institution_id, document_id) REFERENCES prior_learning_documents (institution_id, id)
);

-- A secret calendar address per person; only its hash is kept, and deleting the row revokes it.
CREATE TABLE calendar_feeds (
    person_id      BIGINT  NOT NULL PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    token_hash     TEXT    NOT NULL UNIQUE,
    created_at     BIGINT  NOT NULL,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);

-- +goose Down
DROP TABLE calendar_feeds;
DROP TABLE prior_learning_decision_documents;
DROP TABLE prior_learning_decisions;
DROP TABLE prior_learning_documents;
DROP TABLE prior_learning_applications;
DROP TABLE admission_rules;
DROP TABLE qualifications;
DROP TABLE exam_registrations;
DROP TABLE assessments;
DROP TABLE submission_files;
DROP TABLE submission_members;
DROP TABLE submissions;
DROP TABLE work_requirements;
DROP TABLE agenda_items;
DROP TABLE gathering_days;
DROP TABLE gatherings;
