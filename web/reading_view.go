package web

import (
	"net/http"
	"strconv"

	"laeringsliv"
)

// GroupView is a reading group with what the reader may see of it.
type GroupView struct {
	Group   *laeringsliv.ReadingGroup
	Text    *laeringsliv.SyllabusText // nil when the group has none yet
	Members []*laeringsliv.Person
	Answers []AnswerView // only those the reader may see
	Mine    bool         // the reader is a member
	CanEdit bool         // the reader may edit the shared text now
	Path    string       // of the group's endpoints
	// Stale is set when a save without script was based on an older version: Draft holds the
	// writer's text, shown again in the box beside the group's current text.
	Stale bool
	Draft string
	// CanPhoto: the reader may upload the photo of the presentation now (a file store is
	// configured). PhotoAlt is the alt text for the form: the stored one, or the one typed
	// when PhotoErrors refused the upload.
	CanPhoto    bool
	PhotoAlt    string
	PhotoErrors []FieldErr
}

// AnswerView is one member's answers, shown to the group from the share step.
type AnswerView struct {
	Person *laeringsliv.Person
	Answer *laeringsliv.Answer // nil when the member wrote nothing
}

// WorkshopView is everything about a workshop that the reader may see: the policy decides,
// per answer, through Actor.CanSeeAnswer.
type WorkshopView struct {
	Workshop  *laeringsliv.Workshop
	Workplace *laeringsliv.Workplace
	Groups    []*GroupView
	Mine      *GroupView                  // the reader's group, if any
	MyAnswer  *laeringsliv.Answer         // the reader's own answers
	CanManage bool                        // the reader drives the phases
	Phases    []laeringsliv.Phase         // for the step indicator
	People    []*laeringsliv.Person       // the workshop's participants, for moving by hand
	Texts     []*laeringsliv.SyllabusText // the programme's syllabus, for giving texts by hand
}

func (s *Server) workshopView(r *http.Request, ws *laeringsliv.Workshop) (*WorkshopView, error) {
	ctx := r.Context()
	st := state(r)
	groups, err := s.svc.Reading.FindReadingGroups(ctx, ws.ID)
	if err != nil {
		return nil, err
	}
	texts, err := s.svc.Reading.FindSyllabusTexts(ctx, ws.ProgrammeID)
	if err != nil {
		return nil, err
	}
	people, err := s.svc.People.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: ws.WorkplaceID})
	if err != nil {
		return nil, err
	}
	answers, err := s.svc.Reading.FindAnswers(ctx, ws.ID)
	if err != nil {
		return nil, err
	}
	textByID := map[int64]*laeringsliv.SyllabusText{}
	for _, t := range texts {
		textByID[t.ID] = t
	}
	personByID := map[int64]*laeringsliv.Person{}
	for _, p := range people {
		personByID[p.ID] = p
	}
	answerBy := map[int64]*laeringsliv.Answer{}
	for _, a := range answers {
		answerBy[a.PersonID] = a
	}
	me := st.actor.Person.ID
	v := &WorkshopView{Workshop: ws, Workplace: st.workplace, Phases: laeringsliv.Phases(),
		CanManage: st.actor.Can(laeringsliv.ActionManageReading, laeringsliv.WorkplaceResource(st.workplace)),
		MyAnswer:  answerBy[me], Texts: texts}
	for _, g := range groups {
		gv := &GroupView{Group: g, Text: textByID[g.TextID], Mine: g.Has(me),
			CanEdit: ws.Phase.PresentationOpen() && st.actor.CanEditPresentation(ws, g),
			Path:    workshopPath(ws) + "/groups/" + strconv.FormatInt(g.ID, 10), PhotoAlt: g.PhotoAlt}
		gv.CanPhoto = gv.CanEdit && s.svc.Files != nil
		for _, id := range g.MemberIDs {
			p := personByID[id]
			if p == nil {
				continue // no longer a member of the workplace
			}
			gv.Members = append(gv.Members, p)
			v.People = append(v.People, p)
			if id != me && st.actor.CanSeeAnswer(ws, groups, id) {
				gv.Answers = append(gv.Answers, AnswerView{Person: p, Answer: answerBy[id]})
			}
		}
		if gv.Mine {
			v.Mine = gv
		}
		v.Groups = append(v.Groups, gv)
	}
	return v, nil
}

// WorkshopPage is the participant's and the facilitator's view of a workshop.
type WorkshopPage struct {
	Page
	*WorkshopView
	StateURL  string
	EventsURL string // the workshop's live stream
}

func (s *Server) workshopPage(w http.ResponseWriter, r *http.Request) {
	ws, err := s.workshop(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.showWorkshop(w, r, ws, http.StatusOK, nil)
}

// showWorkshop renders the workshop page; edit, if not nil, adjusts the view first (to show a
// refused text again, say).
func (s *Server) showWorkshop(w http.ResponseWriter, r *http.Request, ws *laeringsliv.Workshop, status int, edit func(*WorkshopView)) {
	v, err := s.workshopView(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if edit != nil {
		edit(v)
	}
	p := WorkshopPage{Page: s.base(w, r, ws.Title), WorkshopView: v, StateURL: workshopPath(ws) + "/state", EventsURL: workshopPath(ws) + "/events"}
	s.render(w, r, status, "reading_workshop", p)
}

// PlenumPage is the projector view: every group's text and presentation, side by side or,
// with ?group=n, one at a time.
type PlenumPage struct {
	Page
	*WorkshopView
	Current    *GroupView // nil for side by side
	Prev, Next int        // group numbers; 0 for none
	StateURL   string
	EventsURL  string
}

func (s *Server) plenumPage(w http.ResponseWriter, r *http.Request) {
	ws, err := s.workshop(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := s.workshopView(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := PlenumPage{Page: s.base(w, r, ws.Title), WorkshopView: v, StateURL: workshopPath(ws) + "/state", EventsURL: workshopPath(ws) + "/events"}
	p.Bare = true // shown on the projector: a presentation without the app's frame
	if n, ok := intField(r.URL.Query(), "group"); ok {
		for i, g := range v.Groups {
			if g.Group.Number != n {
				continue
			}
			p.Current = g
			if i > 0 {
				p.Prev = v.Groups[i-1].Group.Number
			}
			if i < len(v.Groups)-1 {
				p.Next = v.Groups[i+1].Group.Number
			}
		}
	}
	s.render(w, r, http.StatusOK, "reading_plenum", p)
}

// summaryPage is the printable record of a workshop: every group's text, members and
// presentation.
func (s *Server) summaryPage(w http.ResponseWriter, r *http.Request) {
	ws, err := s.workshop(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := s.workshopView(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "reading_summary", WorkshopPage{Page: s.base(w, r, ws.Title), WorkshopView: v})
}
