-- Research export: each person's consent to the research of a programme, and the
-- programme's secret key for stable pseudonyms. A row in research_consents is the consent;
-- withdrawing it deletes the row.

-- +goose Up
CREATE TABLE research_consents (
    institution_id INTEGER NOT NULL,
    programme_id   INTEGER NOT NULL,
    person_id      INTEGER NOT NULL,
    consented_at   INTEGER NOT NULL,
    PRIMARY KEY (programme_id, person_id),
    FOREIGN KEY (institution_id, programme_id) REFERENCES programmes (institution_id, id),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);

CREATE TABLE research_keys (
    institution_id INTEGER NOT NULL,
    programme_id   INTEGER NOT NULL PRIMARY KEY,
    secret         TEXT    NOT NULL,
    FOREIGN KEY (institution_id, programme_id) REFERENCES programmes (institution_id, id)
);

-- +goose Down
DROP TABLE research_keys;
DROP TABLE research_consents;
