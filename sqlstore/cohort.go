package sqlstore

import (
	"context"

	"laeringsliv"
)

var _ laeringsliv.CohortStore = (*DB)(nil)

// CreateCohort stores a new programme made from a template, with all its parts, in one
// transaction: a failure of any part saves nothing. Chapters' first versions and IPE sessions
// are recorded as c.TeacherID's, who must be set when there are chapters.
func (db *DB) CreateCohort(ctx context.Context, c *laeringsliv.Cohort) error {
	if err := c.Programme.Validate(); err != nil {
		return err
	}
	if len(c.Chapters) > 0 && c.TeacherID == 0 {
		return invalid("cohort.error.author_required")
	}
	return db.update(ctx, "create cohort", func(tx *Tx) error {
		p := &c.Programme
		if err := createProgramme(ctx, tx, p); err != nil {
			return err
		}
		if c.MakeTeacher {
			m := &laeringsliv.Membership{PersonID: c.TeacherID, Role: laeringsliv.RoleTeacher, ProgrammeID: p.ID}
			if err := createMembership(ctx, tx, m); err != nil {
				return err
			}
		}
		textIDs, err := createCohortStudy(ctx, tx, c)
		if err != nil {
			return err
		}
		for _, w := range c.Workplaces {
			if err := createCohortWorkplace(ctx, tx, c, w, textIDs); err != nil {
				return err
			}
		}
		return createCohortHandbook(ctx, tx, c)
	})
}

// createCohortStudy stores the syllabus and requirements and returns the texts' ids by position.
func createCohortStudy(ctx context.Context, tx *Tx, c *laeringsliv.Cohort) ([]int64, error) {
	var textIDs []int64
	for _, s := range c.Syllabus {
		s.ProgrammeID = c.Programme.ID
		if err := createSyllabusText(ctx, tx, s); err != nil {
			return nil, err
		}
		textIDs = append(textIDs, s.ID)
	}
	for _, r := range c.Requirements {
		r.ProgrammeID = c.Programme.ID
		if err := createRequirement(ctx, tx, r); err != nil {
			return nil, err
		}
	}
	return textIDs, nil
}

func createCohortWorkplace(ctx context.Context, tx *Tx, c *laeringsliv.Cohort, w *laeringsliv.CohortWorkplace, textIDs []int64) error {
	w.Workplace.ProgrammeID = c.Programme.ID
	if err := createWorkplace(ctx, tx, &w.Workplace); err != nil {
		return err
	}
	var gatheringIDs []int64
	for _, g := range w.Gatherings {
		g.WorkplaceID = w.Workplace.ID
		if err := createGathering(ctx, tx, &g.Gathering); err != nil {
			return err
		}
		gatheringIDs = append(gatheringIDs, g.ID)
	}
	for _, ws := range w.Workshops {
		ws.WorkplaceID, ws.GatheringID = w.Workplace.ID, byPosition(gatheringIDs, ws.Gathering)
		var groups []*laeringsliv.ReadingGroup
		for i, t := range ws.Texts {
			groups = append(groups, &laeringsliv.ReadingGroup{Number: i + 1, TextID: byPosition(textIDs, t)})
		}
		if err := createWorkshop(ctx, tx, &ws.Workshop, groups); err != nil {
			return err
		}
	}
	for _, s := range w.Sessions {
		s.WorkplaceID, s.GatheringID, s.CreatedBy = w.Workplace.ID, byPosition(gatheringIDs, s.Gathering), c.TeacherID
		if err := createIPESession(ctx, tx, &s.IPESession, s.Groups, nil, ""); err != nil {
			return err
		}
	}
	return nil
}

func createCohortHandbook(ctx context.Context, tx *Tx, c *laeringsliv.Cohort) error {
	if c.Handbook == nil {
		return nil
	}
	c.Handbook.ProgrammeID = c.Programme.ID
	if err := createHandbook(ctx, tx, c.Handbook); err != nil {
		return err
	}
	for i, ch := range c.Chapters {
		ch.HandbookID = c.Handbook.ID
		if err := createChapter(ctx, tx, ch, c.TeacherID); err != nil {
			return err
		}
		if i >= len(c.Translations) {
			continue
		}
		for _, t := range c.Translations[i] {
			t.ChapterID = ch.ID
			if err := insertTranslation(ctx, tx, c.Programme.InstitutionID, t); err != nil {
				return err
			}
			t.Version, t.UpdatedAt = 1, tx.now
		}
	}
	return nil
}

// byPosition returns the id at position (from 1), or 0 for none.
func byPosition(ids []int64, position int) int64 {
	if position < 1 || position > len(ids) {
		return 0
	}
	return ids[position-1]
}
