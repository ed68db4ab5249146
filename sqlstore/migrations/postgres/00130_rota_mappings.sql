-- The columns a workplace's rota files use, chosen on the import screen and remembered for the
-- next import from the same rota system.

-- +goose Up
CREATE TABLE rota_mappings (
    workplace_id   BIGINT  PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    person_col     TEXT    NOT NULL DEFAULT '',
    date_col       TEXT    NOT NULL DEFAULT '',
    start_col      TEXT    NOT NULL DEFAULT '',
    end_col        TEXT    NOT NULL DEFAULT '',
    code_col       TEXT    NOT NULL DEFAULT '',
    updated_at     BIGINT  NOT NULL,
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id) ON DELETE CASCADE
);

-- +goose Down
DROP TABLE rota_mappings;
