-- Reading workshop on the live machinery: a per-workshop event log with a gap-free sequence
-- (phase changes, applied edits of the shared texts, answers revealed), the same shape as
-- ipe_events, so that screens resume with Last-Event-ID.
--
-- gathering_id keeps no foreign key on SQLite: adding one needs a rebuild of reading_workshops,
-- which three tables reference. The store checks that the gathering is the workplace's on both
-- engines; PostgreSQL also gets the constraint.

-- +goose Up
ALTER TABLE reading_workshops ADD COLUMN event_seq INTEGER NOT NULL DEFAULT 0;

CREATE TABLE reading_events (
    institution_id INTEGER NOT NULL,
    workshop_id    INTEGER NOT NULL,
    seq            INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    data           TEXT    NOT NULL,
    PRIMARY KEY (workshop_id, seq),
    FOREIGN KEY (institution_id, workshop_id) REFERENCES reading_workshops (institution_id, id) ON DELETE CASCADE
);

-- +goose Down
DROP TABLE reading_events;
ALTER TABLE reading_workshops DROP COLUMN event_seq;
