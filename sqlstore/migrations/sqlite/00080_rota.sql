-- Shift rotas: a workplace's rota for a span of dates is imported as one period and is
-- replaced or rolled back as a whole. A replaced period keeps a link to the one that replaced it, so
-- rolling the newer one back reinstates the older. Leave is told by the shift code. Shift times are UTC milliseconds.

-- +goose Up
CREATE TABLE rota_periods (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    first_day      TEXT    NOT NULL,
    last_day       TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    replaced_by    INTEGER,
    imported_by    INTEGER,
    imported_at    INTEGER NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id)
);
CREATE INDEX rota_periods_workplace ON rota_periods (workplace_id, status);

CREATE TABLE rota_shifts (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    period_id      INTEGER NOT NULL,
    person_id      INTEGER NOT NULL,
    starts_at      INTEGER NOT NULL,
    ends_at        INTEGER NOT NULL,
    code           TEXT    NOT NULL DEFAULT '',
    FOREIGN KEY (institution_id, period_id) REFERENCES rota_periods (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX rota_shifts_period ON rota_shifts (period_id, starts_at);
CREATE INDEX rota_shifts_person ON rota_shifts (person_id, starts_at);

-- +goose Down
DROP TABLE rota_shifts;
DROP TABLE rota_periods;
