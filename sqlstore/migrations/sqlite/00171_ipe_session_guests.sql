-- Joint IPE sessions: the other workplaces of the institution whose people a host workplace's
-- session also gathers. Only the invitation is stored here; the session stays the host's.

-- +goose Up
CREATE TABLE ipe_session_guests (
    institution_id INTEGER NOT NULL,
    session_id     INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    PRIMARY KEY (session_id, workplace_id),
    FOREIGN KEY (institution_id, session_id) REFERENCES ipe_sessions (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX ipe_session_guests_workplace ON ipe_session_guests (institution_id, workplace_id);

-- +goose Down
DROP TABLE ipe_session_guests;
