package web

import (
	"net/http"
	"strconv"
	"strings"

	"laeringsliv"
	"laeringsliv/textmerge"
)

// The endpoints here are what the page's script polls and posts while the workshop runs. At
// the merge with the live group-session machinery, the state poll becomes an SSE stream of the
// workshop's events (phase changes, applied edits); the edit endpoint stays as it is.

// stateJSON is what a participant's page polls: the phase, and the shared text of the reader's
// group (or of ?group=n for a facilitator).
type stateJSON struct {
	Phase   laeringsliv.Phase `json:"phase"`
	GroupID int64             `json:"group,omitempty"`
	Version int               `json:"version"`
	Text    string            `json:"text"`
	// Stamp changes whenever any group's shared text does, so the plenum can follow them.
	Stamp int `json:"stamp"`
}

func (s *Server) workshopState(w http.ResponseWriter, r *http.Request) {
	ws, err := s.workshop(r)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	groups, err := s.svc.Reading.FindReadingGroups(r.Context(), ws.ID)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	out := stateJSON{Phase: ws.Phase}
	me := state(r).actor.Person.ID
	want, _ := intField(r.URL.Query(), "group")
	for _, g := range groups {
		out.Stamp += g.Version
		if (want != 0 && int64(want) == g.ID && state(r).actor.CanEditPresentation(ws, g)) || (want == 0 && g.Has(me)) {
			out.GroupID, out.Version, out.Text = g.ID, g.Version, g.Presentation
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// editPresentation applies one edit of a group's shared text, sent as JSON by the page's
// script, and answers with the merged text and its version.
func (s *Server) editPresentation(w http.ResponseWriter, r *http.Request) {
	ws, g, err := s.editableGroup(r)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxEditBytes)
	e, err := parseEdit(r.Body)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	saved, err := s.svc.Reading.EditPresentation(r.Context(), g.ID, state(r).actor.Person.ID, e)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, stateJSON{Phase: ws.Phase, GroupID: saved.ID, Version: saved.Version, Text: saved.Presentation})
}

// savePresentation is the form fallback without script: the whole text with the version it
// was based on. If others have changed the text since, the writer's text is shown again with
// a notice, so that nothing typed is lost.
func (s *Server) savePresentation(w http.ResponseWriter, r *http.Request) {
	ws, g, err := s.editableGroup(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	base, ok := intField(v, "base")
	newText := strings.ReplaceAll(text(v, "presentation", laeringsliv.MaxAnswerRunes), "\r\n", "\n")
	if !ok || base != g.Version {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ECONFLICT, "reading.error.presentation_changed"))
		return
	}
	d := textmerge.Diff(g.Presentation, newText)
	if _, err := s.svc.Reading.EditPresentation(r.Context(), g.ID, state(r).actor.Person.ID,
		textmerge.Edit{Base: base, Start: d.Start, End: d.End, Text: d.Text}); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, workshopPath(ws)+"#presentation-"+strconv.FormatInt(g.ID, 10), http.StatusSeeOther)
}

// editableGroup loads the workshop and the group in the path and checks that the reader may
// edit the group's text now.
func (s *Server) editableGroup(r *http.Request) (*laeringsliv.Workshop, *laeringsliv.ReadingGroup, error) {
	ws, err := s.workshop(r)
	if err != nil {
		return nil, nil, err
	}
	id, err := pathID(r.PathValue("group"))
	if err != nil {
		return nil, nil, err
	}
	groups, err := s.svc.Reading.FindReadingGroups(r.Context(), ws.ID)
	if err != nil {
		return nil, nil, err
	}
	for _, g := range groups {
		if g.ID == id {
			if !state(r).actor.CanEditPresentation(ws, g) {
				return nil, nil, laeringsliv.Errorf(laeringsliv.EFORBIDDEN, "error.forbidden")
			}
			return ws, g, nil
		}
	}
	return nil, nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
}

// saveAnswer stores the reader's own answers. The page's script saves drafts as they are typed
// (asking for JSON); without script the form posts and the page comes back.
func (s *Server) saveAnswer(w http.ResponseWriter, r *http.Request) {
	ws, err := s.workshop(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	a := &laeringsliv.Answer{WorkshopID: ws.ID, PersonID: state(r).actor.Person.ID,
		Interesting: text(v, "interesting", laeringsliv.MaxAnswerRunes), Connects: text(v, "connects", laeringsliv.MaxAnswerRunes)}
	err = s.svc.Reading.SaveAnswer(r.Context(), a)
	if wantsJSON(r) {
		if err != nil {
			s.jsonError(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"saved": "ok"})
		return
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, workshopPath(ws)+"#answers", http.StatusSeeOther)
}

func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

// jsonError answers a script with the status and the message in the reader's language.
func (s *Server) jsonError(w http.ResponseWriter, r *http.Request, err error) {
	code := laeringsliv.ErrorCode(err)
	if code == laeringsliv.EINTERNAL {
		s.cfg.Logger.Error("internal error", "route", state(r).pattern, "err", err)
	}
	writeJSON(w, statusOf(code), map[string]string{"error": state(r).tr.T(laeringsliv.ErrorKey(err))})
}
