-- The hat's counts live with the session, kept up to date by the transactions that change
-- them (notes into the pool, writers' marks, joins into a group), so that reading them, after
-- every note and for every stream, costs one row instead of counting the session's rows.

-- +goose Up
ALTER TABLE ipe_sessions ADD COLUMN hat_notes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ipe_sessions ADD COLUMN hat_writers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ipe_sessions ADD COLUMN hat_participants INTEGER NOT NULL DEFAULT 0;
UPDATE ipe_sessions SET
    hat_notes = (SELECT COUNT(*) FROM ipe_notes n WHERE n.session_id = ipe_sessions.id)
        + (SELECT COUNT(*) FROM ipe_note_pool p WHERE p.session_id = ipe_sessions.id),
    hat_writers = (SELECT COUNT(*) FROM ipe_writers w WHERE w.session_id = ipe_sessions.id),
    hat_participants = (SELECT COUNT(*) FROM ipe_participants p
        WHERE p.session_id = ipe_sessions.id AND p.group_id IS NOT NULL);

-- +goose Down
ALTER TABLE ipe_sessions DROP COLUMN hat_participants;
ALTER TABLE ipe_sessions DROP COLUMN hat_writers;
ALTER TABLE ipe_sessions DROP COLUMN hat_notes;
