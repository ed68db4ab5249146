-- Reading workshop on the live machinery: a per-workshop event log with a gap-free sequence
-- (phase changes, applied edits of the shared texts, answers revealed), the same shape as
-- ipe_events, so that screens resume with Last-Event-ID.
--
-- The workshop's gathering gets its foreign key here (SQLite cannot add one without a rebuild;
-- the store checks it on both engines).

-- +goose Up
ALTER TABLE reading_workshops ADD COLUMN event_seq BIGINT NOT NULL DEFAULT 0;

CREATE TABLE reading_events (
    institution_id BIGINT NOT NULL,
    workshop_id    BIGINT NOT NULL,
    seq            BIGINT NOT NULL,
    kind           TEXT    NOT NULL,
    data           TEXT    NOT NULL,
    PRIMARY KEY (workshop_id, seq),
    FOREIGN KEY (institution_id, workshop_id) REFERENCES reading_workshops (institution_id, id) ON DELETE CASCADE
);

UPDATE reading_workshops SET gathering_id = NULL
    WHERE gathering_id IS NOT NULL AND gathering_id NOT IN (SELECT id FROM gatherings);
ALTER TABLE reading_workshops ADD CONSTRAINT reading_workshops_gathering
    FOREIGN KEY (institution_id, gathering_id) REFERENCES gatherings (institution_id, id);

-- +goose Down
ALTER TABLE reading_workshops DROP CONSTRAINT reading_workshops_gathering;
DROP TABLE reading_events;
ALTER TABLE reading_workshops DROP COLUMN event_seq;
