-- Members-only IPE sessions: each member of the workplace gets one anonymous credential per
-- session by an RSA blind signature (see docs/anonymity.md). ipe_credentials records that a
-- member got one (never what was signed, never when); ipe_spent holds a hash of each redeemed
-- message, so that a credential joins once. Nothing relates a row of one to a row of the other.

-- +goose Up
ALTER TABLE ipe_sessions ADD COLUMN join_mode TEXT NOT NULL DEFAULT 'open';
ALTER TABLE ipe_sessions ADD COLUMN credential_key TEXT NOT NULL DEFAULT '';

CREATE TABLE ipe_credentials (
    institution_id BIGINT  NOT NULL,
    session_id     BIGINT  NOT NULL,
    person_id      BIGINT  NOT NULL,
    issued         INTEGER NOT NULL DEFAULT 0,
    allowed        INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (session_id, person_id),
    FOREIGN KEY (institution_id, session_id) REFERENCES ipe_sessions (institution_id, id),
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id)
);

CREATE TABLE ipe_spent (
    institution_id BIGINT NOT NULL,
    session_id     BIGINT NOT NULL,
    hash           TEXT   NOT NULL,
    PRIMARY KEY (session_id, hash),
    FOREIGN KEY (institution_id, session_id) REFERENCES ipe_sessions (institution_id, id)
);

-- +goose Down
DROP TABLE ipe_spent;
DROP TABLE ipe_credentials;
ALTER TABLE ipe_sessions DROP COLUMN credential_key;
ALTER TABLE ipe_sessions DROP COLUMN join_mode;
