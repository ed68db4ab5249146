package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"laeringsliv"
)

// The JSON API (/api/v1) answers errors as {"error": {"code", "message", "field"}}. The code
// is stable for programs: the last part of the message key ("note_empty" for
// ipe.error.note_empty); the message is in the caller's language.

// maxJSONBytes bounds an API body; notes are at most a few kilobytes.
const maxJSONBytes = 16 << 10

// apiErrorBody is the error envelope.
type apiErrorBody struct {
	Error apiError `json:"error"`
}

type apiError struct {
	Code    string   `json:"code"`
	Message string   `json:"message"`
	Field   string   `json:"field,omitempty"`
	Kinds   []string `json:"kinds,omitempty"` // personal_data: what the note seems to hold
}

// decodeJSON reads one JSON object into v from a bounded body. Unknown fields are refused so
// that a misspelt field is an error, not silently ignored.
func decodeJSON(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return laeringsliv.Errorf(laeringsliv.EINVALID, "ipe.error.bad_json")
	}
	if dec.More() {
		return laeringsliv.Errorf(laeringsliv.EINVALID, "ipe.error.bad_json")
	}
	return nil
}

// readJSON reads the request body within the limit and decodes it.
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxJSONBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return laeringsliv.Errorf(laeringsliv.EINVALID, "ipe.error.too_large")
		}
		return laeringsliv.Errorf(laeringsliv.EINVALID, "ipe.error.bad_json")
	}
	return decodeJSON(b, v)
}

// joinRequest is the body of POST /api/v1/join.
type joinRequest struct {
	Code  string `json:"code"`
	Group int64  `json:"group,omitempty"`
	// Device is a random id the phone page keeps, for the join throttle only; it is not stored.
	Device string `json:"device,omitempty"`
	// Credential joins a members-only session (see ipe_credential.go).
	Credential *joinCredential `json:"credential,omitempty"`
}

// noteRequest is the body of POST /api/v1/sessions/{id}/notes. Confirm sends a note even
// though it seems to hold personal data (the writer saw the warning and kept it).
type noteRequest struct {
	Text    string `json:"text"`
	Confirm bool   `json:"confirm,omitempty"`
	Key     string `json:"key,omitempty"` // the phone's idempotency key (laeringsliv.ValidNoteKey)
}

// noteRef names a note (votes), with a reflection's text.
type noteRef struct {
	Note string `json:"note"`
	Text string `json:"text,omitempty"`
}

// phaseRequest is the body of a phase change: the phase the caller saw, so that two clicks
// move the session one step.
type phaseRequest struct {
	From laeringsliv.IPEPhase `json:"from"`
}

// passRequest is the body of a pass: the seat whose turn the caller saw, so that two taps
// pass one turn.
type passRequest struct {
	Seat int `json:"seat"`
}

// groupRequest is the body of a group choice.
type groupRequest struct {
	Group int64 `json:"group"`
}

func (nr noteRef) validate() error {
	if !laeringsliv.ValidNoteID(nr.Note) {
		return laeringsliv.FieldError("note", "ipe.error.note_unknown")
	}
	return nil
}

// writeJSON writes v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// apiFail answers an error. Internal errors are logged and never described.
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	code := laeringsliv.ErrorCode(err)
	if code == laeringsliv.EINTERNAL && s.storeDown(r) {
		s.apiUnavailable(w, r, err)
		return
	}
	if code == laeringsliv.EINTERNAL {
		s.cfg.Logger.ErrorContext(r.Context(), "internal error", "route", state(r).pattern, "err", err)
	}
	key := laeringsliv.ErrorKey(err)
	var e *laeringsliv.Error
	field := ""
	if errors.As(err, &e) {
		field = e.Field
	}
	body := apiError{Code: key[strings.LastIndexByte(key, '.')+1:], Message: state(r).tr.T(key), Field: field}
	writeJSON(w, statusOf(code), apiErrorBody{Error: body})
}
