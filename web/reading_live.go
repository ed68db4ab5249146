package web

import (
	"net/http"
	"strconv"
	"strings"

	"laeringsliv"
	"laeringsliv/textmerge"
)

// The endpoints here are what the page's script follows and posts while the workshop runs: the
// workshop's event stream (the live machinery IPE uses: the log, the shared feed, live.Stream),
// the state of one group's text to catch up, edits, and answers.

// readingTopic is the live topic of a workshop.
func readingTopic(id int64) string { return "reading:" + strconv.FormatInt(id, 10) }

// workshopEvents streams the workshop's events (phase changes, applied edits, answers changed
// after sharing) with their sequence as the SSE id, so a reconnecting screen misses nothing.
func (s *Server) workshopEvents(w http.ResponseWriter, r *http.Request) {
	ws, err := s.workshop(r)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	s.reading.serve(w, r, s.live, readingTopic(ws.ID), ws.ID, nil, s.metrics.streamOpened(r, "reading"))
}

// stateJSON is the phase and the shared text of the reader's group (or of ?group=id for a
// facilitator), which a script fetches when it has fallen behind.
type stateJSON struct {
	Phase   laeringsliv.Phase `json:"phase"`
	GroupID int64             `json:"group,omitempty"`
	Version int               `json:"version"`
	Text    string            `json:"text"`
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
	s.live.Publish(readingTopic(ws.ID))
	writeJSON(w, http.StatusOK, stateJSON{Phase: ws.Phase, GroupID: saved.ID, Version: saved.Version, Text: saved.Presentation})
}

// savePresentation is the form fallback without script: the whole text with the version it
// was based on. If others have changed the text since, the page comes back with the writer's
// text in the box, the group's current text beside it and a notice, so that nothing typed is
// lost and nothing of the others' is overwritten unseen.
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
		s.showWorkshop(w, r, ws, http.StatusConflict, func(v *WorkshopView) {
			for _, gv := range v.Groups {
				if gv.Group.ID == g.ID {
					gv.Stale, gv.Draft = true, newText
				}
			}
		})
		return
	}
	d := textmerge.Diff(g.Presentation, newText)
	if _, err := s.svc.Reading.EditPresentation(r.Context(), g.ID, state(r).actor.Person.ID,
		textmerge.Edit{Base: base, Start: d.Start, End: d.End, Text: d.Text}); err != nil {
		s.renderError(w, r, err)
		return
	}
	s.live.Publish(readingTopic(ws.ID))
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
// (asking for JSON); without script the form posts and the page comes back. Both send the
// phase the page showed (written_in), so a final save made just before the facilitator moved
// on is still accepted for laeringsliv.AnswerGrace.
func (s *Server) saveAnswer(w http.ResponseWriter, r *http.Request) {
	ws, v, ok := s.workshopForm(w, r)
	if !ok {
		return
	}
	a := &laeringsliv.Answer{WorkshopID: ws.ID, PersonID: state(r).actor.Person.ID,
		Interesting: text(v, "interesting", laeringsliv.MaxAnswerRunes), Connects: text(v, "connects", laeringsliv.MaxAnswerRunes),
		WrittenIn: laeringsliv.Phase(text(v, "written_in", 20))}
	err := s.svc.Reading.SaveAnswer(r.Context(), a)
	if err == nil && !ws.Phase.AnswersOpen() {
		s.live.Publish(readingTopic(ws.ID)) // a save in the grace window changes what the group sees
	}
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
		s.cfg.Logger.ErrorContext(r.Context(), "internal error", "route", state(r).pattern, "err", err)
	}
	writeJSON(w, statusOf(code), map[string]string{"error": state(r).tr.T(laeringsliv.ErrorKey(err))})
}
