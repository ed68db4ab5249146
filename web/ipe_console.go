package web

import (
	"html/template"
	"net/http"
	"strconv"

	"laeringsliv"
	"laeringsliv/tabular"
)

// IPEConsolePage is the facilitator's console: phase, join code, the hat, oral notes,
// redaction, results, ideas and export.
type IPEConsolePage struct {
	Page
	Workplace *laeringsliv.Workplace
	Session   *laeringsliv.IPESession
	State     *IPEState
	Notes     []IPENoteRow // shuffled; shown once the hat is open
	Next      laeringsliv.IPEPhase
	Token     string // an observer token, for the page's live updates
	Path      string
	JoinQR    template.HTML // while people can still join
	// Expected is how many people the workplace has, beside the devices joined: in an open
	// session k counts devices, and the facilitator is the one who can see a difference.
	Expected int
	// Members-only sessions: how many members got their credential, who got a new one after
	// a lost phone, and the members a facilitator may give one to.
	MembersJoined int
	Reissued      []string
	People        []*laeringsliv.Person
	// Steps are the session's phases in order, for the stepper.
	Steps []ipeStep
	// HatStatus says in plain words who has written and when the hat opens.
	HatStatus string
}

type ipeStep struct {
	Phase         laeringsliv.IPEPhase
	Done, Current bool
}

// ipeSteps lists the phases from the first, marking those passed and the current one.
func ipeSteps(now laeringsliv.IPEPhase) []ipeStep {
	var steps []ipeStep
	done := true
	for p := laeringsliv.IPEPhaseDraft; p != ""; p = p.Next() {
		if p == now {
			done = false
			steps = append(steps, ipeStep{Phase: p, Current: true})
			continue
		}
		steps = append(steps, ipeStep{Phase: p, Done: done})
	}
	return steps
}

// IPENoteRow is a note numbered for its label (the number is its place in this shuffle).
type IPENoteRow struct {
	Num int
	*laeringsliv.IPENote
}

func (s *Server) ipeConsole(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	sess := st.ipe
	state, err := s.ipeState(r.Context(), sess, nil)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := IPEConsolePage{Page: s.base(w, r, st.tr.T("ipe.console.title")), Workplace: st.workplace, Session: sess,
		State: state, Next: sess.Phase.Next(), Path: ipePath(sess), Steps: ipeSteps(sess.Phase),
		HatStatus: presentStatus(st.tr, sess, state.Hat)}
	if sess.Phase == laeringsliv.IPEPhaseDraft || sess.Phase == laeringsliv.IPEPhaseCapture {
		p.JoinQR = s.ipeJoinQR(r, sess.JoinCode)
	}
	people, err := s.svc.People.FindPersons(r.Context(), laeringsliv.PersonFilter{WorkplaceID: st.workplace.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Expected = len(people)
	if sess.JoinMode == laeringsliv.IPEJoinMembers {
		if err := s.fillIssuance(r, &p, people); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if state.Hat.Open && sess.Phase != laeringsliv.IPEPhaseCapture {
		notes, err := s.svc.IPE.FindIPENotes(r.Context(), sess.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		for i, n := range notes {
			p.Notes = append(p.Notes, IPENoteRow{Num: i + 1, IPENote: n})
		}
	}
	// A console that redraws itself after a phase change (?fragment=1) keeps the stream it has.
	if sess.Phase != laeringsliv.IPEPhaseClosed && r.URL.Query().Get("fragment") == "" {
		if _, p.Token, err = s.svc.IPE.JoinIPE(r.Context(), sess.ID, laeringsliv.IPEObserver); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "ipe_console", p)
}

// ipeAction runs a facilitator's form action and returns to the console with a notice.
func (s *Server) ipeAction(w http.ResponseWriter, r *http.Request, do func(v map[string][]string) error, flash string) {
	st := state(r)
	v, err := readForm(w, r)
	if err == nil {
		err = do(v)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.live.Publish(ipeTopic(st.ipe.ID))
	setFlash(w, flash)
	http.Redirect(w, r, ipePath(st.ipe), http.StatusSeeOther)
}

func (s *Server) ipePhase(w http.ResponseWriter, r *http.Request) {
	s.ipeAction(w, r, func(v map[string][]string) error {
		_, err := s.svc.IPE.SetIPEPhase(r.Context(), state(r).ipe.ID, laeringsliv.IPEPhase(text(v, "from", 20)))
		return err
	}, "flash.ipe_phase")
}

func (s *Server) ipeOralNote(w http.ResponseWriter, r *http.Request) {
	s.ipeAction(w, r, func(v map[string][]string) error {
		_, err := s.svc.IPE.AddIPEOralNote(r.Context(), state(r).ipe.ID, text(v, "text", laeringsliv.IPEMaxNoteRunes+1))
		return err
	}, "flash.ipe_note")
}

func (s *Server) ipeRedact(w http.ResponseWriter, r *http.Request) {
	note := r.PathValue("note")
	if !laeringsliv.ValidNoteID(note) {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	s.ipeAction(w, r, func(v map[string][]string) error {
		return s.svc.IPE.RedactIPENote(r.Context(), state(r).ipe.ID, note, text(v, "text", laeringsliv.IPEMaxNoteRunes+1))
	}, "flash.ipe_redacted")
}

// ipeKeepIdea makes a note an idea in the workplace's innovation registry. The innovation
// records no person: it holds the note's text, and a person next to it would read as its
// author.
func (s *Server) ipeKeepIdea(w http.ResponseWriter, r *http.Request) {
	s.ipeAction(w, r, func(v map[string][]string) error {
		note := text(v, "note", 20)
		if !laeringsliv.ValidNoteID(note) {
			return laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
		}
		_, err := s.svc.IPE.KeepIPEIdea(r.Context(), state(r).ipe.ID, note)
		return err
	}, "flash.ipe_idea_kept")
}

// ipeExport downloads the session's results: every drawn note with its group, turn,
// reflection and votes (once voting has closed), then the notes nobody drew.
func (s *Server) ipeExport(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	format, err := tabular.ParseFormat(r.URL.Query().Get("format"))
	if err != nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.EINVALID, "ipe.error.format_invalid"))
		return
	}
	state, err := s.ipeState(r.Context(), st.ipe, nil)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	t := &tabular.Table{Name: st.tr.T("ipe.export.sheet"), Header: []string{st.tr.T("ipe.export.group"),
		st.tr.T("ipe.export.turn"), st.tr.T("ipe.export.note"), st.tr.T("ipe.export.reflection"), st.tr.T("ipe.export.votes")}}
	for _, g := range state.Groups {
		for _, d := range g.Draws {
			var votes any = ""
			if d.Votes != nil {
				votes = *d.Votes
			}
			t.Rows = append(t.Rows, []any{g.Name, d.Turn, d.Text, d.Reflection, votes})
		}
	}
	// Notes nobody drew follow, in the store's shuffled order, once the hat has opened.
	if state.Hat.Open && st.ipe.Phase != laeringsliv.IPEPhaseCapture {
		drawn := map[string]bool{}
		for _, g := range state.Groups {
			for _, d := range g.Draws {
				drawn[d.Note] = true
			}
		}
		notes, err := s.svc.IPE.FindIPENotes(r.Context(), st.ipe.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		for _, n := range notes {
			if !drawn[n.ID] {
				t.Rows = append(t.Rows, []any{"", "", n.Text, "", ""})
			}
		}
	}
	w.Header().Set("Content-Type", format.ContentType())
	w.Header().Set("Content-Disposition", `attachment; filename="ipe-`+strconv.FormatInt(st.ipe.ID, 10)+"."+string(format)+`"`)
	w.Header().Set("Cache-Control", "no-store")
	if err := t.Write(w, format); err != nil {
		s.cfg.Logger.ErrorContext(r.Context(), "export", "route", st.pattern, "err", err)
	}
}

// IPEScreenPage is the projector view: the join code and the hat, then every group's
// prioritised notes side by side.
type IPEScreenPage struct {
	Page
	Session *laeringsliv.IPESession
	State   *IPEState
	Token   string
	JoinURL string
	JoinQR  template.HTML
	// The presentation: a plain-words status, the groups with their last drawn note, vote
	// bars scaled to the most votes, and the facilitator's phase shortcut.
	Status        string
	Groups        []presentGroup
	Joinable      bool // draft or capture: the join code and the hat's meter are shown
	VotesOpen     bool
	MaxVotes      int
	CanFacilitate bool
	Next          laeringsliv.IPEPhase
	Path          string
	Messages      []presentMsg // texts the script fills in as the session moves
}

type presentGroup struct {
	Name  string
	Last  string // the note drawn last
	Draws []DrawJSON
}

type presentMsg struct{ Key, Text string }

// presentStatus says in plain words where the session is: who has written and when the hat
// opens, or what the groups are doing.
func presentStatus(tr *translator, sess *laeringsliv.IPESession, hat laeringsliv.IPEHat) string {
	data := map[string]any{"Writers": hat.Writers, "K": sess.K, "Notes": hat.Notes}
	switch {
	case sess.Phase == laeringsliv.IPEPhaseCapture && hat.Writers < sess.K:
		return tr.T("present.status.capture_waiting", data)
	case sess.Phase == laeringsliv.IPEPhaseCapture:
		return tr.T("present.status.capture_open", data)
	}
	return tr.T("present.status."+string(sess.Phase), data)
}

func (s *Server) ipeScreen(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	sess := st.ipe
	state, err := s.ipeState(r.Context(), sess, nil)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := IPEScreenPage{Page: s.base(w, r, st.tr.T("ipe.screen.title")), Session: sess, State: state,
		JoinURL: s.absoluteURL(r, "/ipe"), JoinQR: s.ipeJoinQR(r, sess.JoinCode),
		Status:    presentStatus(st.tr, sess, state.Hat),
		Joinable:  sess.Phase == laeringsliv.IPEPhaseDraft || sess.Phase == laeringsliv.IPEPhaseCapture,
		VotesOpen: resultsOpen(sess), Next: sess.Phase.Next(), Path: ipePath(sess),
		CanFacilitate: st.actor.Can(laeringsliv.ActionIPEFacilitate, laeringsliv.IPESessionResource(st.workplace, sess))}
	p.Bare = true
	for _, g := range state.Groups {
		pg := presentGroup{Name: g.Name, Draws: g.Draws}
		if n := len(g.Draws); n > 0 {
			pg.Last = g.Draws[n-1].Text
		}
		for _, d := range g.Draws {
			p.MaxVotes = max(p.MaxVotes, d.VoteCount())
		}
		p.Groups = append(p.Groups, pg)
	}
	p.MaxVotes = max(p.MaxVotes, 1)
	for _, key := range []string{"present.status.draft", "present.status.capture_waiting", "present.status.capture_open",
		"present.status.draw", "present.status.vote", "present.status.plenum", "present.status.closed",
		"present.nothing_drawn", "ipe.results.none", "present.votes_one", "present.votes_other", "present.code_shown", "present.code_hidden",
		"ipe.phase.draft", "ipe.phase.capture", "ipe.phase.draw", "ipe.phase.vote", "ipe.phase.plenum", "ipe.phase.closed"} {
		p.Messages = append(p.Messages, presentMsg{Key: key, Text: st.tr.T(key,
			map[string]any{"Writers": "{writers}", "K": "{k}", "Notes": "{notes}", "Count": "{n}"})})
	}
	if sess.Phase != laeringsliv.IPEPhaseClosed {
		if _, p.Token, err = s.svc.IPE.JoinIPE(r.Context(), sess.ID, laeringsliv.IPEObserver); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "ipe_screen", p)
}

// IPEJoinPage is the participant page for phones: join with a code, write notes, draw,
// reflect, vote, follow the plenum. The static script ipe.js drives it over the API.
type IPEJoinPage struct {
	Page
	Code string
}

func (s *Server) ipeJoinPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	p := IPEJoinPage{Page: s.base(w, r, st.tr.T("ipe.join.title")), Code: laeringsliv.NormalizeJoinCode(r.URL.Query().Get("code"))}
	s.render(w, r, http.StatusOK, "ipe_join", p)
}

// fillIssuance adds a members-only session's credential counts to the console.
func (s *Server) fillIssuance(r *http.Request, p *IPEConsolePage, people []*laeringsliv.Person) error {
	iss, err := s.svc.IPE.FindIPEIssuance(r.Context(), p.Session.ID)
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, person := range people {
		names[person.ID] = person.Name
	}
	for _, i := range iss {
		if i.Issued > 0 {
			p.MembersJoined++
		}
		if i.Allowed > 1 {
			p.Reissued = append(p.Reissued, names[i.PersonID])
		}
	}
	p.People = people
	return nil
}
