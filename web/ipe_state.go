package web

import (
	"context"

	"laeringsliv"
)

// IPEState is what a screen shows of a session: GET /api/v1/sessions/{id}.
type IPEState struct {
	ID         int64                   `json:"id"`
	Question   string                  `json:"question"`
	Kind       laeringsliv.IPEKind     `json:"kind"`
	Phase      laeringsliv.IPEPhase    `json:"phase"`
	Grouping   laeringsliv.IPEGrouping `json:"grouping"`
	K          int                     `json:"k"`
	VoteBudget int                     `json:"vote_budget"`
	Spent      int                     `json:"spent"`
	Group      int64                   `json:"group"`
	Seat       int                     `json:"seat,omitempty"` // the caller's place in its group's turns
	Hat        laeringsliv.IPEHat      `json:"hat"`
	HatLeft    int                     `json:"hat_left"` // notes not drawn yet, so a phone offers a draw only when one is left
	Groups     []IPEGroupJSON          `json:"groups"`
	Deadline   int64                   `json:"deadline,omitempty"` // the phase timer's end, Unix ms
}

// IPEGroupJSON is a group with the notes it drew: every group's once the plenum starts, the
// caller's own before. Votes show from the plenum on.
type IPEGroupJSON struct {
	ID      int64      `json:"id"`
	Name    string     `json:"name"`
	Members int        `json:"members"`
	Turn    int        `json:"turn,omitempty"` // the seat whose turn it is to draw
	Draws   []DrawJSON `json:"draws"`
}

// DrawJSON is a drawn note.
type DrawJSON struct {
	Note       string `json:"note"`
	Turn       int    `json:"turn"`
	Text       string `json:"text"`
	Reflection string `json:"reflection"`
	Votes      *int   `json:"votes,omitempty"`
}

// VoteCount is the number of votes, for templates.
func (d DrawJSON) VoteCount() int {
	if d.Votes == nil {
		return 0
	}
	return *d.Votes
}

func drawJSON(d *laeringsliv.IPEDraw, votes bool) DrawJSON {
	j := DrawJSON{Note: d.NoteID, Turn: d.Turn, Text: d.Text, Reflection: d.Reflection}
	if votes {
		v := d.Votes
		j.Votes = &v
	}
	return j
}

// resultsOpen reports whether vote counts and every group's notes may be shown.
func resultsOpen(s *laeringsliv.IPESession) bool {
	return s.Phase == laeringsliv.IPEPhasePlenum || s.Phase == laeringsliv.IPEPhaseClosed
}

// ipeState builds the state for participant p (nil p or group 0: a screen that sees all groups).
func (s *Server) ipeState(ctx context.Context, sess *laeringsliv.IPESession, p *laeringsliv.IPEParticipant) (*IPEState, error) {
	st := &IPEState{ID: sess.ID, Question: sess.Question, Kind: sess.Kind, Phase: sess.Phase, K: sess.K,
		Grouping:   sess.Grouping,
		VoteBudget: sess.VoteBudget}
	if p != nil {
		st.Spent, st.Group = p.Spent, p.GroupID
	}
	if d := sess.PhaseDeadline(); !d.IsZero() {
		st.Deadline = d.UnixMilli()
	}
	var err error
	if st.Hat, err = s.svc.IPE.FindIPEHat(ctx, sess.ID); err != nil {
		return nil, err
	}
	groups, err := s.svc.IPE.FindIPEGroups(ctx, sess.ID)
	if err != nil {
		return nil, err
	}
	draws, err := s.svc.IPE.FindIPEDraws(ctx, sess.ID)
	if err != nil {
		return nil, err
	}
	turns := map[int64]laeringsliv.IPETurn{}
	if sess.Phase == laeringsliv.IPEPhaseDraw {
		if turns, err = s.svc.IPE.FindIPETurns(ctx, sess.ID, p); err != nil {
			return nil, err
		}
		st.Seat = turns[st.Group].Seat
	}
	st.HatLeft = max(0, st.Hat.Notes-len(draws))
	open := resultsOpen(sess)
	for _, g := range groups {
		gj := IPEGroupJSON{ID: g.ID, Name: g.Name, Members: g.Members, Turn: turns[g.ID].Current, Draws: []DrawJSON{}}
		for _, d := range draws {
			if d.GroupID == g.ID && (open || st.Group == 0 || st.Group == g.ID) {
				gj.Draws = append(gj.Draws, drawJSON(d, open))
			}
		}
		st.Groups = append(st.Groups, gj)
	}
	return st, nil
}
