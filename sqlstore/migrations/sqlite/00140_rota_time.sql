-- Time on the rota: the staff each kind of shift must keep while people meet, the meetings an
-- organiser made from a proposal of the common-time finder (one per repetition, each with its
-- invitees, SEQUENCE counting changes for calendar apps), and a person's own rota subscribed
-- by iCalendar URL: the address, how the last fetch went, and the shifts of the last good copy.
-- Times are UTC milliseconds.

-- +goose Up
CREATE TABLE rota_staffing (
    workplace_id   INTEGER NOT NULL,
    institution_id INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    minimum        INTEGER NOT NULL,
    PRIMARY KEY (workplace_id, kind),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id) ON DELETE CASCADE
);

CREATE TABLE rota_meetings (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL,
    workplace_id   INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    place          TEXT    NOT NULL DEFAULT '',
    starts_at      INTEGER NOT NULL,
    ends_at        INTEGER NOT NULL,
    sequence       INTEGER NOT NULL DEFAULT 0,
    cancelled      INTEGER NOT NULL DEFAULT 0,
    created_by     INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX rota_meetings_workplace ON rota_meetings (workplace_id, starts_at);

CREATE TABLE rota_meeting_invitees (
    meeting_id     INTEGER NOT NULL,
    institution_id INTEGER NOT NULL,
    person_id      INTEGER NOT NULL,
    own_minutes    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, person_id),
    FOREIGN KEY (institution_id, meeting_id) REFERENCES rota_meetings (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX rota_meeting_invitees_person ON rota_meeting_invitees (person_id);

CREATE TABLE rota_feeds (
    person_id      INTEGER NOT NULL PRIMARY KEY,
    institution_id INTEGER NOT NULL,
    url            TEXT    NOT NULL,
    fetched_at     INTEGER,
    checked_at     INTEGER,
    error_code     TEXT    NOT NULL DEFAULT '',
    updated_at     INTEGER NOT NULL,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);

CREATE TABLE rota_feed_shifts (
    institution_id INTEGER NOT NULL,
    person_id      INTEGER NOT NULL,
    starts_at      INTEGER NOT NULL,
    ends_at        INTEGER NOT NULL,
    code           TEXT    NOT NULL DEFAULT '',
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX rota_feed_shifts_person ON rota_feed_shifts (person_id, starts_at);

-- +goose Down
DROP TABLE rota_feed_shifts;
DROP TABLE rota_feeds;
DROP TABLE rota_meeting_invitees;
DROP TABLE rota_meetings;
DROP TABLE rota_staffing;
