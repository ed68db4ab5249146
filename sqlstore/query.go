package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
)

// where builds the WHERE clause of a filtered query, numbering $n placeholders as it goes.
type where struct {
	conds []string
	args  []any
}

// arg adds an argument and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

// eq adds "column = value".
func (w *where) eq(column string, v any) { w.add(column + " = " + w.arg(v)) }

func (w *where) add(cond string) { w.conds = append(w.conds, cond) }

// in adds "column IN (...)"; an empty list matches nothing.
func (w *where) in(column string, ids []int64) {
	if len(ids) == 0 {
		w.add("1 = 0")
		return
	}
	ph := make([]string, len(ids))
	for i, id := range ids {
		ph[i] = w.arg(id)
	}
	w.add(column + " IN (" + strings.Join(ph, ", ") + ")")
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// scanOne scans a single row, turning "no rows" into ENOTFOUND.
func scanOne[T any](row *sql.Row, scan func(scanner) (*T, error)) (*T, error) {
	v, err := scan(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound()
	}
	return v, err
}

// scanAll scans every row and closes rows.
func scanAll[T any](rows *sql.Rows, scan func(scanner) (*T, error)) ([]*T, error) {
	defer rows.Close()
	list := []*T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, v)
	}
	return list, rows.Err()
}

// execOne runs a statement that must change exactly one row; none is ENOTFOUND.
func execOne(ctx context.Context, tx *Tx, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return notFound()
	}
	return nil
}
