package sqlstore

import (
	"context"
	"encoding/json"

	"laeringsliv"
)

// appendIPEEvent stores an event of the session in the shared event log (see eventLog).
func appendIPEEvent(ctx context.Context, tx *Tx, s *laeringsliv.IPESession, kind string, data any) error {
	return ipeLog.append(ctx, tx, s.InstitutionID, s.ID, kind, data)
}

// FindIPEEvents returns the session's events after seq, oldest first, at most limit. Stored
// events name drawn notes by id only; each is served with the note's current text, so a
// redacted note is never served as it was.
func (db *DB) FindIPEEvents(ctx context.Context, sessionID, after int64, limit int) ([]*laeringsliv.IPEEvent, error) {
	list, err := ipeLog.find(ctx, db, sessionID, after, limit)
	if err != nil {
		return nil, err
	}
	var texts map[string]string
	for _, e := range list {
		if e.Kind != laeringsliv.IPEEventDraw && e.Kind != laeringsliv.IPEEventRedacted {
			continue
		}
		if texts == nil {
			if texts, err = db.drawnNoteTexts(ctx, sessionID); err != nil {
				return nil, err
			}
		}
		if e.Data, err = withNoteText(e, texts); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// withNoteText returns a draw or redaction event's data with the note's current text.
func withNoteText(e *laeringsliv.IPEEvent, texts map[string]string) ([]byte, error) {
	if e.Kind == laeringsliv.IPEEventDraw {
		var d laeringsliv.IPEDrawEvent
		if err := json.Unmarshal(e.Data, &d); err != nil {
			return nil, err
		}
		d.Text = texts[d.Note]
		return json.Marshal(d)
	}
	var d laeringsliv.IPERedactedEvent
	if err := json.Unmarshal(e.Data, &d); err != nil {
		return nil, err
	}
	d.Text = texts[d.Note]
	return json.Marshal(d)
}

// drawnNoteTexts returns the current text of every drawn note of the session, by note id.
func (db *DB) drawnNoteTexts(ctx context.Context, sessionID int64) (texts map[string]string, err error) {
	err = db.view(ctx, "find drawn notes", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT n.id, n.text FROM ipe_draws d JOIN ipe_notes n ON n.id = d.note_id
			WHERE d.session_id = $1`, sessionID)
		if err != nil {
			return err
		}
		defer rows.Close()
		texts = map[string]string{}
		for rows.Next() {
			var id, text string
			if err := rows.Scan(&id, &text); err != nil {
				return err
			}
			texts[id] = text
		}
		return rows.Err()
	})
	return texts, err
}
