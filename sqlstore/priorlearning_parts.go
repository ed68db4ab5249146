package sqlstore

import (
	"context"
	"database/sql"

	"laeringsliv"
)

// loadApplicationParts reads an application's documents and its decisions, oldest first.
func loadApplicationParts(ctx context.Context, tx *Tx, a *laeringsliv.PriorLearningApplication) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, application_id, kind, title, issuer, from_date, to_date,
		position_pct, tasks, relevant, created_at FROM prior_learning_documents WHERE application_id = $1
		ORDER BY id`, a.ID)
	if err != nil {
		return err
	}
	docs, err := scanAll(rows, func(s scanner) (*laeringsliv.PriorLearningDocument, error) {
		var d laeringsliv.PriorLearningDocument
		var from, to sql.NullInt64
		var created int64
		err := s.Scan(&d.ID, &d.ApplicationID, &d.Kind, &d.Title, &d.Issuer, &from, &to, &d.PositionPct,
			&d.Tasks, &d.Relevant, &created)
		d.From, d.To, d.CreatedAt = fromNullMillis(from), fromNullMillis(to), fromMillis(created)
		return &d, err
	})
	if err != nil {
		return err
	}
	a.Documents = nil
	for _, d := range docs {
		a.Documents = append(a.Documents, *d)
	}
	rows, err = tx.QueryContext(ctx, `SELECT id, application_id, outcome, rationale, decided_by, decided_at,
		suggested_qualifies, suggested_discretionary, trade_certificate, full_time_years, required_years
		FROM prior_learning_decisions WHERE application_id = $1 ORDER BY decided_at, id`, a.ID)
	if err != nil {
		return err
	}
	decs, err := scanAll(rows, func(s scanner) (*laeringsliv.PriorLearningDecision, error) {
		var d laeringsliv.PriorLearningDecision
		var at int64
		err := s.Scan(&d.ID, &d.ApplicationID, &d.Outcome, &d.Rationale, &d.DecidedBy, &at,
			&d.Suggestion.Qualifies, &d.Suggestion.Discretionary, &d.Suggestion.TradeCertificate,
			&d.Suggestion.FullTimeYears, &d.Suggestion.RequiredYears)
		d.DecidedAt, d.Suggestion.Level = fromMillis(at), a.Level
		return &d, err
	})
	if err != nil {
		return err
	}
	a.Decisions = nil
	for _, d := range decs {
		d.DocumentIDs, err = queryIDs(ctx, tx, `SELECT document_id FROM prior_learning_decision_documents
			WHERE decision_id = $1 ORDER BY document_id`, d.ID)
		if err != nil {
			return err
		}
		a.Decisions = append(a.Decisions, *d)
	}
	return nil
}
