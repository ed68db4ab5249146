-- Time participants spend on the study and the innovation work, each entry marked as within
-- working hours or in their own time. day is the date as YYYY-MM-DD, so that months group
-- by its first seven characters on both engines; own_time is 0 or 1.

-- +goose Up
CREATE TABLE time_records (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    person_id      INTEGER NOT NULL,
    day            TEXT    NOT NULL,
    minutes        INTEGER NOT NULL,
    activity       TEXT    NOT NULL,
    note           TEXT    NOT NULL DEFAULT '',
    own_time       INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX time_records_person ON time_records (person_id, day);
CREATE INDEX time_records_workplace ON time_records (workplace_id, day);

-- +goose Down
DROP TABLE time_records;
