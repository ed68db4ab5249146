-- A person's private wishes to be in the same group as, or apart from, a named colleague of
-- the same workplace, kept when groups are formed by shared shifts. together is 0 or 1.

-- +goose Up
CREATE TABLE colleague_wishes (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT NOT NULL,
    workplace_id   BIGINT NOT NULL,
    person_id      BIGINT NOT NULL,
    other_id       BIGINT NOT NULL,
    together       INTEGER NOT NULL,
    created_at     BIGINT NOT NULL,
    CHECK (person_id <> other_id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, other_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX colleague_wishes_unique ON colleague_wishes (workplace_id, person_id, other_id);

-- +goose Down
DROP TABLE colleague_wishes;
