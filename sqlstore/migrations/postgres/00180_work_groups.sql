-- Innovation work groups: a workplace's standing groups of people who develop the innovation
-- work together, formed anew as a whole set (typically from shared shifts on the rota). A
-- group may name the workplace's innovation it works on. A person is in at most one group of a
-- workplace. Times are UTC milliseconds.

-- +goose Up
CREATE TABLE work_groups (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    workplace_id   BIGINT  NOT NULL,
    number         BIGINT  NOT NULL,
    name           TEXT    NOT NULL,
    innovation_id  BIGINT,
    created_by     BIGINT,
    created_at     BIGINT  NOT NULL,
    UNIQUE (institution_id, id),
    UNIQUE (workplace_id, number),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, innovation_id) REFERENCES innovations (institution_id, id)
);

CREATE TABLE work_group_members (
    group_id       BIGINT  NOT NULL,
    institution_id BIGINT  NOT NULL,
    workplace_id   BIGINT  NOT NULL,
    person_id      BIGINT  NOT NULL,
    PRIMARY KEY (group_id, person_id),
    UNIQUE (workplace_id, person_id),
    FOREIGN KEY (institution_id, group_id) REFERENCES work_groups (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX work_group_members_person ON work_group_members (person_id);

-- +goose Down
DROP TABLE work_group_members;
DROP TABLE work_groups;
