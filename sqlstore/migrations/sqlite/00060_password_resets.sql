-- Password reset by e-mail: a single-use, short-lived token, of which only the hash is kept.

-- +goose Up
CREATE TABLE password_resets (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    person_id      INTEGER NOT NULL,
    token_hash     TEXT    NOT NULL UNIQUE,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    used_at        INTEGER,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX password_resets_person ON password_resets (institution_id, person_id);

-- +goose Down
DROP TABLE password_resets;
