-- One idea list: the ideas kept from IPE sessions move into the innovation registry. Each kept
-- idea becomes an innovation at the first status, small, in the shared project of its
-- workplace (its first project that is nobody's sub-project), with no creator and no person on
-- its first status, since it holds an anonymous note's text. It is linked to the idea (so that
-- evaluation sessions planned for the idea still show on it) and to the session it was kept
-- from. An idea already linked from an innovation does not become a second one: that
-- innovation gets the session link. An idea of a workplace with no project stays where it is.
-- The ideas rows remain, since evaluation sessions point to them.

-- +goose Up
ALTER TABLE innovations ADD COLUMN moved_idea_id INTEGER;

INSERT INTO innovation_links (institution_id, innovation_id, kind, ref_id)
SELECT DISTINCT l.institution_id, l.innovation_id, 'ipe_session', d.source_session_id
FROM innovation_links l
JOIN ideas d ON d.institution_id = l.institution_id AND d.id = l.ref_id
WHERE l.kind = 'idea' AND d.source_session_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM innovation_links x WHERE x.institution_id = l.institution_id
      AND x.innovation_id = l.innovation_id AND x.kind = 'ipe_session' AND x.ref_id = d.source_session_id);

INSERT INTO innovations (institution_id, workplace_id, project_id, title, description, status, size,
    revives_failure, owner_group, created_by, created_at, updated_at, moved_idea_id)
SELECT d.institution_id, d.workplace_id,
    (SELECT p.id FROM projects p WHERE p.institution_id = d.institution_id AND p.workplace_id = d.workplace_id
     ORDER BY CASE WHEN p.parent_id IS NULL THEN 0 ELSE 1 END, p.id LIMIT 1),
    CASE WHEN length(d.text) > 50 THEN substr(d.text, 1, 49) || '…' ELSE d.text END,
    d.text, 'idea', 'small', 0, '', NULL, d.created_at, d.created_at, d.id
FROM ideas d
WHERE EXISTS (SELECT 1 FROM projects p WHERE p.institution_id = d.institution_id AND p.workplace_id = d.workplace_id)
  AND NOT EXISTS (SELECT 1 FROM innovation_links l WHERE l.institution_id = d.institution_id
      AND l.kind = 'idea' AND l.ref_id = d.id)
ORDER BY d.id;

INSERT INTO innovation_status_changes (institution_id, innovation_id, status, changed_by, changed_at)
SELECT institution_id, id, 'idea', NULL, created_at FROM innovations WHERE moved_idea_id IS NOT NULL;

INSERT INTO innovation_links (institution_id, innovation_id, kind, ref_id)
SELECT institution_id, id, 'idea', moved_idea_id FROM innovations WHERE moved_idea_id IS NOT NULL;

INSERT INTO innovation_links (institution_id, innovation_id, kind, ref_id)
SELECT i.institution_id, i.id, 'ipe_session', d.source_session_id
FROM innovations i JOIN ideas d ON d.institution_id = i.institution_id AND d.id = i.moved_idea_id
WHERE d.source_session_id IS NOT NULL;

ALTER TABLE innovations DROP COLUMN moved_idea_id;

-- +goose Down
-- Nothing to undo: the moved ideas are innovations people may have worked on since, and the
-- ideas rows were never removed. Up again skips every idea already linked from an innovation.
SELECT 1;
