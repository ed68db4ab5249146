-- Jobs: the queue itself is River's (its tables, river_*, come from River's own migrations,
-- run after these); job_runs keeps what a job's page shows: who started it, how far it has
-- come and the file it left. An invitation remembers the mail job that carries it.

-- +goose Up
CREATE TABLE job_runs (
    job_id         BIGINT  PRIMARY KEY,
    institution_id BIGINT  NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
    person_id      BIGINT,
    kind           TEXT    NOT NULL,
    progress       INTEGER NOT NULL DEFAULT 0,
    result_key     TEXT    NOT NULL DEFAULT '',
    result_name    TEXT    NOT NULL DEFAULT '',
    result_size    BIGINT  NOT NULL DEFAULT 0,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX job_runs_kind ON job_runs (institution_id, kind, job_id);
ALTER TABLE invitations ADD COLUMN mail_job_id BIGINT;
ALTER TABLE invitations ADD COLUMN mail_sent_at BIGINT;

-- +goose Down
ALTER TABLE invitations DROP COLUMN mail_sent_at;
ALTER TABLE invitations DROP COLUMN mail_job_id;
DROP TABLE job_runs;
