-- Every hot query of a live session is keyed by the session (or a group of it); the indexes
-- begin there, so its cost follows the session's size and not everything ever stored. The
-- indexes they replace began with institution_id, which those queries do not name, so they
-- were scanned whole. IF [NOT] EXISTS: a table rebuilt by another migration may have dropped
-- or recreated one of them.

-- +goose Up
CREATE INDEX IF NOT EXISTS ipe_groups_by_session ON ipe_groups (session_id, position);
CREATE INDEX IF NOT EXISTS ipe_group_persons_by_group ON ipe_group_persons (group_id, person_id);
CREATE INDEX IF NOT EXISTS ipe_participants_by_session ON ipe_participants (session_id, group_id);
CREATE INDEX IF NOT EXISTS ipe_participants_by_group ON ipe_participants (group_id);
CREATE INDEX IF NOT EXISTS ipe_notes_by_session ON ipe_notes (session_id, id);
CREATE INDEX IF NOT EXISTS ipe_draws_by_session ON ipe_draws (session_id, group_id);
CREATE INDEX IF NOT EXISTS ipe_draws_by_group ON ipe_draws (group_id);
DROP INDEX IF EXISTS ipe_groups_session;
DROP INDEX IF EXISTS ipe_participants_session;
DROP INDEX IF EXISTS ipe_notes_session;
DROP INDEX IF EXISTS ipe_draws_group;

-- +goose Down
CREATE INDEX IF NOT EXISTS ipe_groups_session ON ipe_groups (institution_id, session_id);
CREATE INDEX IF NOT EXISTS ipe_participants_session ON ipe_participants (institution_id, session_id);
CREATE INDEX IF NOT EXISTS ipe_notes_session ON ipe_notes (institution_id, session_id);
CREATE INDEX IF NOT EXISTS ipe_draws_group ON ipe_draws (institution_id, group_id);
DROP INDEX IF EXISTS ipe_draws_by_group;
DROP INDEX IF EXISTS ipe_draws_by_session;
DROP INDEX IF EXISTS ipe_notes_by_session;
DROP INDEX IF EXISTS ipe_participants_by_group;
DROP INDEX IF EXISTS ipe_participants_by_session;
DROP INDEX IF EXISTS ipe_group_persons_by_group;
DROP INDEX IF EXISTS ipe_groups_by_session;
