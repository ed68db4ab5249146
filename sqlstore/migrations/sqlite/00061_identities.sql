-- Sign-in through OpenID Connect: an account at a provider (issuer and identifying claim)
-- linked to a person.

-- +goose Up
CREATE TABLE identities (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    person_id      INTEGER NOT NULL,
    issuer         TEXT    NOT NULL,
    subject        TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    UNIQUE (institution_id, issuer, subject),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX identities_person ON identities (institution_id, person_id);

-- +goose Down
DROP TABLE identities;
