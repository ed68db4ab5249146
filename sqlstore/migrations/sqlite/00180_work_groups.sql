-- Innovation work groups: a workplace's standing groups of people who develop the innovation
-- work together, formed anew as a whole set (typically from shared shifts on the rota). A
-- group may name the workplace's innovation it works on. A person is in at most one group of a
-- workplace. Times are UTC milliseconds.

-- +goose Up
CREATE TABLE work_groups (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    number         INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    innovation_id  INTEGER,
    created_by     INTEGER,
    created_at     INTEGER NOT NULL,
    UNIQUE (institution_id, id),
    UNIQUE (workplace_id, number),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, innovation_id) REFERENCES innovations (institution_id, id)
);

CREATE TABLE work_group_members (
    group_id       INTEGER NOT NULL,
    institution_id INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    person_id      INTEGER NOT NULL,
    PRIMARY KEY (group_id, person_id),
    UNIQUE (workplace_id, person_id),
    FOREIGN KEY (institution_id, group_id) REFERENCES work_groups (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX work_group_members_person ON work_group_members (person_id);

-- +goose Down
DROP TABLE work_group_members;
DROP TABLE work_groups;
