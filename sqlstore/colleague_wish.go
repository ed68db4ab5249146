package sqlstore

import (
	"context"

	"laeringsliv"
)

// placedRoles are the roles whose people are placed in groups, and so may wish and be named.
const placedRoles = `('participant', 'contributor')`

// AddColleagueWish stores w after checking, in the same transaction, that the colleague is
// placed at the workplace, that the wish is new and that its kind has room.
func (db *DB) AddColleagueWish(ctx context.Context, w *laeringsliv.ColleagueWish) error {
	if err := w.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "add colleague wish", func(tx *Tx) error {
		wp, err := findWorkplace(ctx, tx, w.WorkplaceID)
		if err != nil {
			return err
		}
		if err := checkColleagueWish(ctx, tx, w); err != nil {
			return err
		}
		w.InstitutionID, w.CreatedAt = wp.InstitutionID, tx.now
		return tx.QueryRowContext(ctx, `INSERT INTO colleague_wishes (institution_id, workplace_id, person_id, other_id,
			together, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			w.InstitutionID, w.WorkplaceID, w.PersonID, w.OtherID, boolInt(w.Together), millis(tx.now)).Scan(&w.ID)
	})
}

func checkColleagueWish(ctx context.Context, tx *Tx, w *laeringsliv.ColleagueWish) error {
	var placed, same, kind int
	err := tx.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM memberships WHERE person_id = $1 AND workplace_id = $2 AND role IN `+placedRoles+`),
		(SELECT COUNT(*) FROM colleague_wishes WHERE person_id = $3 AND workplace_id = $2 AND other_id = $1),
		(SELECT COUNT(*) FROM colleague_wishes WHERE person_id = $3 AND workplace_id = $2 AND together = $4)`,
		w.OtherID, w.WorkplaceID, w.PersonID, boolInt(w.Together)).Scan(&placed, &same, &kind)
	switch {
	case err != nil:
		return err
	case placed == 0:
		return laeringsliv.FieldError("other", "wishes.error.other")
	case same > 0:
		return laeringsliv.FieldError("other", "wishes.error.duplicate")
	case kind >= laeringsliv.MaxColleagueWishes:
		return laeringsliv.FieldError("kind", "wishes.error.too_many")
	}
	return nil
}

// DeleteColleagueWish removes the person's own wish; anyone else's answers ENOTFOUND.
func (db *DB) DeleteColleagueWish(ctx context.Context, personID, workplaceID, id int64) error {
	return db.update(ctx, "delete colleague wish", func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM colleague_wishes WHERE id = $1 AND person_id = $2 AND workplace_id = $3`,
			id, personID, workplaceID)
		return oneRow(res, err)
	})
}

// FindColleagueWishes returns a person's wishes at a workplace, oldest first.
func (db *DB) FindColleagueWishes(ctx context.Context, personID, workplaceID int64) ([]*laeringsliv.ColleagueWish, error) {
	var list []*laeringsliv.ColleagueWish
	err := db.view(ctx, "find colleague wishes", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, institution_id, workplace_id, person_id, other_id, together, created_at
			FROM colleague_wishes WHERE person_id = $1 AND workplace_id = $2 ORDER BY id`, personID, workplaceID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanColleagueWish)
		return err
	})
	return list, err
}

// WorkplaceColleagueWishes returns the wishes of people at a workplace whose colleague still
// belongs to it; a wish about someone who has left is ignored.
func (db *DB) WorkplaceColleagueWishes(ctx context.Context, workplaceID int64, people []int64) ([]laeringsliv.GroupWish, error) {
	want := make(map[int64]bool, len(people))
	for _, id := range people {
		want[id] = true
	}
	var out []laeringsliv.GroupWish
	err := db.view(ctx, "workplace colleague wishes", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT w.person_id, w.other_id, w.together FROM colleague_wishes w
			WHERE w.workplace_id = $1 AND EXISTS (SELECT 1 FROM memberships m
				WHERE m.person_id = w.other_id AND m.workplace_id = w.workplace_id AND m.role IN `+placedRoles+`)
			ORDER BY w.id`, workplaceID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var g laeringsliv.GroupWish
			var together int
			if err := rows.Scan(&g.PersonID, &g.OtherID, &together); err != nil {
				return err
			}
			if g.Together = together == 1; want[g.PersonID] {
				out = append(out, g)
			}
		}
		return rows.Err()
	})
	return out, err
}

func scanColleagueWish(s scanner) (*laeringsliv.ColleagueWish, error) {
	var w laeringsliv.ColleagueWish
	var together int
	var created int64
	if err := s.Scan(&w.ID, &w.InstitutionID, &w.WorkplaceID, &w.PersonID, &w.OtherID, &together, &created); err != nil {
		return nil, err
	}
	w.Together, w.CreatedAt = together == 1, fromMillis(created)
	return &w, nil
}
