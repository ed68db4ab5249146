package sqlstore

import (
	"context"
	"slices"

	"laeringsliv"
)

// FindWorkGroups returns the workplace's innovation work groups in number order, each with
// those of its members who still belong to the workplace.
func (db *DB) FindWorkGroups(ctx context.Context, workplaceID int64) ([]*laeringsliv.WorkGroup, error) {
	var list []*laeringsliv.WorkGroup
	err := db.view(ctx, "find work groups", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, institution_id, workplace_id, number, name,
			COALESCE(innovation_id, 0), COALESCE(created_by, 0), created_at
			FROM work_groups WHERE workplace_id = $1 ORDER BY number`, workplaceID)
		if err != nil {
			return err
		}
		defer rows.Close()
		byID := map[int64]*laeringsliv.WorkGroup{}
		for rows.Next() {
			g := &laeringsliv.WorkGroup{}
			var created int64
			if err := rows.Scan(&g.ID, &g.InstitutionID, &g.WorkplaceID, &g.Number, &g.Name, &g.InnovationID,
				&g.CreatedBy, &created); err != nil {
				return err
			}
			g.CreatedAt = fromMillis(created)
			list = append(list, g)
			byID[g.ID] = g
		}
		if err := rows.Err(); err != nil {
			return err
		}
		return loadWorkGroupMembers(ctx, tx, workplaceID, byID)
	})
	return list, err
}

func loadWorkGroupMembers(ctx context.Context, tx *Tx, workplaceID int64, byID map[int64]*laeringsliv.WorkGroup) error {
	rows, err := tx.QueryContext(ctx, `SELECT group_id, person_id FROM work_group_members
		WHERE workplace_id = $1 AND person_id IN (SELECT person_id FROM memberships WHERE workplace_id = $1)
		ORDER BY group_id, person_id`, workplaceID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var group, person int64
		if err := rows.Scan(&group, &person); err != nil {
			return err
		}
		if g := byID[group]; g != nil {
			g.Members = append(g.Members, person)
		}
	}
	return rows.Err()
}

// ReplaceWorkGroups replaces the workplace's set of work groups with groups, numbered in the
// order given, as one transaction: on any error the earlier set stands untouched.
func (db *DB) ReplaceWorkGroups(ctx context.Context, workplaceID int64, groups []*laeringsliv.WorkGroup) error {
	if err := laeringsliv.ValidateWorkGroups(groups); err != nil {
		return err
	}
	return db.update(ctx, "replace work groups", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, workplaceID)
		if err != nil {
			return err
		}
		members, err := workplaceMembers(ctx, tx, w.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM work_group_members WHERE workplace_id = $1`, w.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM work_groups WHERE workplace_id = $1`, w.ID); err != nil {
			return err
		}
		for i, g := range groups {
			g.WorkplaceID, g.InstitutionID, g.Number, g.CreatedAt = w.ID, w.InstitutionID, i+1, tx.now
			if err := insertWorkGroup(ctx, tx, g, members); err != nil {
				return err
			}
		}
		return nil
	})
}

func insertWorkGroup(ctx context.Context, tx *Tx, g *laeringsliv.WorkGroup, members map[int64]bool) error {
	if err := checkWorkGroupInnovation(ctx, tx, g.WorkplaceID, g.InnovationID); err != nil {
		return err
	}
	err := tx.QueryRowContext(ctx, `INSERT INTO work_groups (institution_id, workplace_id, number, name, innovation_id,
		created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, g.InstitutionID, g.WorkplaceID,
		g.Number, g.Name, nullID(g.InnovationID), nullID(g.CreatedBy), millis(g.CreatedAt)).Scan(&g.ID)
	if err != nil {
		return err
	}
	slices.Sort(g.Members)
	for _, id := range g.Members {
		if !members[id] {
			return laeringsliv.FieldError("members", "workgroups.error.member")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO work_group_members (group_id, institution_id, workplace_id, person_id)
			VALUES ($1, $2, $3, $4)`, g.ID, g.InstitutionID, g.WorkplaceID, id); err != nil {
			return err
		}
	}
	return nil
}

// workplaceMembers returns the people who hold any role in the workplace.
func workplaceMembers(ctx context.Context, tx *Tx, workplaceID int64) (map[int64]bool, error) {
	ids, err := queryIDs(ctx, tx, `SELECT DISTINCT person_id FROM memberships WHERE workplace_id = $1`, workplaceID)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// checkWorkGroupInnovation refuses a link to an innovation of another workplace.
func checkWorkGroupInnovation(ctx context.Context, tx *Tx, workplaceID, innovationID int64) error {
	if innovationID == 0 {
		return nil
	}
	ids, err := queryIDs(ctx, tx, `SELECT id FROM innovations WHERE id = $1 AND workplace_id = $2`, innovationID, workplaceID)
	if err != nil {
		return err
	} else if len(ids) == 0 {
		return laeringsliv.FieldError("innovation", "workgroups.error.innovation")
	}
	return nil
}

// UpdateWorkGroup renames a group of the workplace and sets the innovation it works on.
func (db *DB) UpdateWorkGroup(ctx context.Context, workplaceID, id int64, name string, innovationID int64) error {
	g := &laeringsliv.WorkGroup{Name: name, Members: []int64{0}}
	if err := g.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update work group", func(tx *Tx) error {
		if err := checkWorkGroupInnovation(ctx, tx, workplaceID, innovationID); err != nil {
			return err
		}
		return execOne(ctx, tx, `UPDATE work_groups SET name = $1, innovation_id = $2 WHERE id = $3 AND workplace_id = $4`,
			name, nullID(innovationID), id, workplaceID)
	})
}
