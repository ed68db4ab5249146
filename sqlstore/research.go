package sqlstore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"

	"laeringsliv"
)

// ResearchData loads the datasets of a programme's research export in one snapshot.
func (db *DB) ResearchData(ctx context.Context, programmeID int64) (*laeringsliv.ResearchData, error) {
	d := &laeringsliv.ResearchData{Consented: map[int64]bool{}, Workplaces: map[int64]string{},
		SessionWorkplace: map[int64]string{}, WorkshopWorkplace: map[int64]string{}}
	err := db.view(ctx, "research data", func(tx *Tx) error {
		p, err := findProgramme(ctx, tx, programmeID)
		if err != nil {
			return err
		}
		for _, load := range []func(context.Context, *Tx, *laeringsliv.Programme, *laeringsliv.ResearchData) error{
			researchPeople, researchLogs, researchIPE, researchInnovations, researchAnswers,
		} {
			if err := load(ctx, tx, p, d); err != nil {
				return err
			}
		}
		return nil
	})
	return d, err
}

// researchPeople loads everyone of the institution (any of them may be named in a text), who
// consented, and the programme's workplaces.
func researchPeople(ctx context.Context, tx *Tx, p *laeringsliv.Programme, d *laeringsliv.ResearchData) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+personColumns+` FROM persons WHERE institution_id = $1 ORDER BY id`, p.InstitutionID)
	if err != nil {
		return err
	}
	if d.People, err = scanAll(rows, scanPerson); err != nil {
		return err
	}
	ids, err := queryIDs(ctx, tx, `SELECT person_id FROM research_consents WHERE programme_id = $1`, p.ID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		d.Consented[id] = true
	}
	return namesByID(ctx, tx, d.Workplaces, `SELECT id, name FROM workplaces WHERE programme_id = $1`, p.ID)
}

// namesByID fills m from a query of id and name.
func namesByID(ctx context.Context, tx *Tx, m map[int64]string, query string, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		m[id] = name
	}
	return rows.Err()
}

// researchLogs loads the delivered versions of the reflection log (AK1) with their members.
func researchLogs(ctx context.Context, tx *Tx, p *laeringsliv.Programme, d *laeringsliv.ResearchData) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+submissionColumns+` FROM submissions WHERE status <> 'draft'
		AND requirement_id IN (SELECT id FROM work_requirements WHERE programme_id = $1 AND code = $2)
		ORDER BY workplace_id, id`, p.ID, reflectionLogCode)
	if err != nil {
		return err
	}
	if d.ReflectionLogs, err = scanAll(rows, scanSubmission); err != nil {
		return err
	}
	for _, s := range d.ReflectionLogs {
		if err := loadSubmissionParts(ctx, tx, s); err != nil {
			return err
		}
	}
	return nil
}

// researchIPE loads the notes of the programme's IPE sessions, split into idea capture and
// evaluations, and the drawn notes with their reflections. No person is joined to them.
func researchIPE(ctx context.Context, tx *Tx, p *laeringsliv.Programme, d *laeringsliv.ResearchData) error {
	const sessions = `SELECT s.id FROM ipe_sessions s JOIN workplaces w ON w.institution_id = s.institution_id
		AND w.id = s.workplace_id WHERE w.programme_id = $1`
	if err := namesByID(ctx, tx, d.SessionWorkplace, `SELECT s.id, w.name FROM ipe_sessions s JOIN workplaces w
		ON w.institution_id = s.institution_id AND w.id = s.workplace_id WHERE w.programme_id = $1`, p.ID); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT n.id, n.session_id, n.text, n.phase, n.redacted, COALESCE(d.votes, 0), s.kind
		FROM ipe_notes n JOIN ipe_sessions s ON s.id = n.session_id LEFT JOIN ipe_draws d ON d.note_id = n.id
		WHERE n.session_id IN (`+sessions+`) ORDER BY n.session_id, n.id`, p.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n laeringsliv.IPENote
		var kind string
		if err := rows.Scan(&n.ID, &n.SessionID, &n.Text, &n.Phase, &n.Redacted, &n.Votes, &kind); err != nil {
			return err
		}
		if laeringsliv.IPEKind(kind) == laeringsliv.IPEKindCapture {
			d.Notes = append(d.Notes, &n)
		} else {
			d.FinalEvaluations = append(d.FinalEvaluations, &n)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	draws, err := tx.QueryContext(ctx, `SELECT d.session_id, d.group_id, d.turn, d.note_id, n.text, d.reflection, d.votes
		FROM ipe_draws d JOIN ipe_notes n ON n.id = d.note_id
		WHERE d.session_id IN (`+sessions+`) ORDER BY d.session_id, d.turn, d.group_id`, p.ID)
	if err != nil {
		return err
	}
	d.Draws, err = scanAll(draws, func(s scanner) (*laeringsliv.IPEDraw, error) {
		var x laeringsliv.IPEDraw
		return &x, s.Scan(&x.SessionID, &x.GroupID, &x.Turn, &x.NoteID, &x.Text, &x.Reflection, &x.Votes)
	})
	return err
}

func researchInnovations(ctx context.Context, tx *Tx, p *laeringsliv.Programme, d *laeringsliv.ResearchData) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+innovationColumns+` FROM innovations i
		JOIN workplaces wp ON wp.institution_id = i.institution_id AND wp.id = i.workplace_id
		WHERE wp.programme_id = $1 ORDER BY i.id`, p.ID)
	if err != nil {
		return err
	}
	d.Innovations, err = scanAll(rows, scanInnovation)
	return err
}

// researchAnswers loads the reading-workshop answers of the programme's workshops; the export
// keeps only those of people who consented.
func researchAnswers(ctx context.Context, tx *Tx, p *laeringsliv.Programme, d *laeringsliv.ResearchData) error {
	if err := namesByID(ctx, tx, d.WorkshopWorkplace, `SELECT ws.id, w.name FROM reading_workshops ws
		JOIN workplaces w ON w.institution_id = ws.institution_id AND w.id = ws.workplace_id
		WHERE ws.programme_id = $1`, p.ID); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT a.institution_id, a.workshop_id, a.person_id, a.interesting, a.connects,
		a.updated_at FROM reading_answers a JOIN reading_workshops ws ON ws.id = a.workshop_id
		WHERE ws.programme_id = $1 ORDER BY a.workshop_id, a.person_id`, p.ID)
	if err != nil {
		return err
	}
	d.ReadingAnswers, err = scanAll(rows, func(s scanner) (*laeringsliv.Answer, error) {
		var a laeringsliv.Answer
		var at int64
		err := s.Scan(&a.InstitutionID, &a.WorkshopID, &a.PersonID, &a.Interesting, &a.Connects, &at)
		a.UpdatedAt = fromMillis(at)
		return &a, err
	})
	return err
}

// FindResearchConsent returns a person's standing consent to a programme's research.
func (db *DB) FindResearchConsent(ctx context.Context, programmeID, personID int64) (*laeringsliv.ResearchConsent, error) {
	c := &laeringsliv.ResearchConsent{ProgrammeID: programmeID, PersonID: personID}
	err := db.view(ctx, "find research consent", func(tx *Tx) error {
		var at int64
		err := tx.QueryRowContext(ctx, `SELECT consented_at FROM research_consents
			WHERE programme_id = $1 AND person_id = $2`, programmeID, personID).Scan(&at)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound()
		}
		c.ConsentedAt = fromMillis(at)
		return err
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// SetResearchConsent gives or withdraws a person's consent to a programme's research.
func (db *DB) SetResearchConsent(ctx context.Context, programmeID, personID int64, consent bool) error {
	return db.update(ctx, "set research consent", func(tx *Tx) error {
		p, err := findProgramme(ctx, tx, programmeID)
		if err != nil {
			return err
		}
		if !consent {
			_, err := tx.ExecContext(ctx, `DELETE FROM research_consents WHERE programme_id = $1 AND person_id = $2`,
				programmeID, personID)
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO research_consents (institution_id, programme_id, person_id, consented_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT (programme_id, person_id) DO NOTHING`,
			p.InstitutionID, programmeID, personID, millis(tx.now))
		return err
	})
}

// ResearchKey returns the programme's pseudonym key, creating a random one on first use.
func (db *DB) ResearchKey(ctx context.Context, programmeID int64) ([]byte, error) {
	var secret string
	err := db.update(ctx, "research key", func(tx *Tx) error {
		p, err := findProgramme(ctx, tx, programmeID)
		if err != nil {
			return err
		}
		b := make([]byte, 32)
		_, _ = rand.Read(b)
		if _, err := tx.ExecContext(ctx, `INSERT INTO research_keys (institution_id, programme_id, secret)
			VALUES ($1, $2, $3) ON CONFLICT (programme_id) DO NOTHING`, p.InstitutionID, p.ID, hex.EncodeToString(b)); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT secret FROM research_keys WHERE programme_id = $1`, p.ID).Scan(&secret)
	})
	if err != nil {
		return nil, err
	}
	return hex.DecodeString(secret)
}
