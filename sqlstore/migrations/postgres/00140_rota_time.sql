-- Time on the rota: the staff each kind of shift must keep while people meet, the meetings an
-- organiser made from a proposal of the common-time finder (one per repetition, each with its
-- invitees, SEQUENCE counting changes for calendar apps), and a person's own rota subscribed
-- by iCalendar URL: the address, how the last fetch went, and the shifts of the last good copy.
-- Times are UTC milliseconds.

-- +goose Up
CREATE TABLE rota_staffing (
    workplace_id   BIGINT  NOT NULL,
    institution_id BIGINT  NOT NULL,
    kind           TEXT    NOT NULL,
    minimum        BIGINT  NOT NULL,
    PRIMARY KEY (workplace_id, kind),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id) ON DELETE CASCADE
);

CREATE TABLE rota_meetings (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    workplace_id   BIGINT  NOT NULL,
    kind           TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    place          TEXT    NOT NULL DEFAULT '',
    starts_at      BIGINT  NOT NULL,
    ends_at        BIGINT  NOT NULL,
    sequence       BIGINT  NOT NULL DEFAULT 0,
    cancelled      BIGINT  NOT NULL DEFAULT 0,
    created_by     BIGINT ,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL,
    UNIQUE (institution_id, id),
    FOREIGN KEY (institution_id, workplace_id) REFERENCES workplaces (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX rota_meetings_workplace ON rota_meetings (workplace_id, starts_at);

CREATE TABLE rota_meeting_invitees (
    meeting_id     BIGINT  NOT NULL,
    institution_id BIGINT  NOT NULL,
    person_id      BIGINT  NOT NULL,
    own_minutes    BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, person_id),
    FOREIGN KEY (institution_id, meeting_id) REFERENCES rota_meetings (institution_id, id) ON DELETE CASCADE,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);
CREATE INDEX rota_meeting_invitees_person ON rota_meeting_invitees (person_id);

CREATE TABLE rota_feeds (
    person_id      BIGINT  NOT NULL PRIMARY KEY,
    institution_id BIGINT  NOT NULL,
    url            TEXT    NOT NULL,
    fetched_at     BIGINT ,
    checked_at     BIGINT ,
    error_code     TEXT    NOT NULL DEFAULT '',
    updated_at     BIGINT  NOT NULL,
    FOREIGN KEY (institution_id, person_id) REFERENCES persons (institution_id, id) ON DELETE CASCADE
);

CREATE TABLE rota_feed_shifts (
    institution_id BIGINT  NOT NULL,
    person_id      BIGINT  NOT NULL,
    starts_at      BIGINT  NOT NULL,
    ends_at        BIGINT  NOT NULL,
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
