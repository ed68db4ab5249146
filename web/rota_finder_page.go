package web

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
	"laeringsliv/timefind"
)

// RotaTimeService keeps what the finder makes and people's own rotas.
type RotaTimeService interface {
	FindRotaStaffing(ctx context.Context, workplaceID int64) (map[string]int, error)
	SaveRotaStaffing(ctx context.Context, workplaceID int64, minimum map[string]int) error
	CreateMeetings(ctx context.Context, ms []*laeringsliv.Meeting) error
	CancelMeeting(ctx context.Context, workplaceID, id int64) error
	MoveMeeting(ctx context.Context, mv laeringsliv.MeetingMove) error
	FindMeetings(ctx context.Context, f laeringsliv.MeetingFilter) ([]*laeringsliv.Meeting, error)
	FindRotaFeed(ctx context.Context, personID int64) (*laeringsliv.RotaFeed, error)
	SaveRotaFeed(ctx context.Context, personID int64, url string) error
	DeleteRotaFeed(ctx context.Context, personID int64) error
}

// FinderPage is the finder's page.
type FinderPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Query     finderQuery
	Searched  bool
	Slots     []finderSlot
	OwnTime   []string // people at work at none of the times
	OwnHours  string   // own time needed in all, in hours
	Held      []string // people no time can take off their shift without going below the minimum
	Exact     bool
	Invited   int
	NoRota    bool // nobody has a shift in the window
	Signature string
	Staffing  []staffingRow
	Kinds     []laeringsliv.MeetingKind
	Pick      meetingForm
	Meetings  []meetingRow
	// WorkGroups are the workplace's work groups, one of which the finder may invite.
	WorkGroups []workGroupChoice
}

type finderSlot struct {
	When       string
	Attendees  []string
	OwnTime    []string // "name (20 min)"
	OnShift    []string
	Off        []string
	AfterNight []string
	Floor      []floorRow
}

type floorRow struct {
	Kind                 string // already translated
	Drawn, Left, Minimum int
}

type staffingRow struct {
	Kind, Label string
	Minimum     int
}

// proposal is what the finder proposes for a query, with the names to show.
type proposal struct {
	res      timefind.Result
	names    map[int64]string
	invited  int
	noShifts bool
}

// signature names a proposal's times, so that a pick can tell the proposal it was made from.
func (p *proposal) signature() string {
	var parts []string
	for _, sl := range p.res.Slots {
		parts = append(parts, strconv.FormatInt(sl.Start.Unix(), 36))
	}
	return strings.Join(parts, ".")
}

// propose runs the finder for a checked query at the request's workplace.
func (s *Server) propose(ctx context.Context, wp *laeringsliv.Workplace, q finderQuery, win finderWindow) (*proposal, error) {
	people, err := s.svc.People.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: wp.ID})
	if err != nil {
		return nil, err
	}
	list, err := s.svc.Rota.WorkplaceShifts(ctx, wp.ID, win.fromUTC, win.toUTC)
	if err != nil {
		return nil, err
	}
	minimum := map[string]int{}
	if s.svc.RotaTime != nil {
		if minimum, err = s.svc.RotaTime.FindRotaStaffing(ctx, wp.ID); err != nil {
			return nil, err
		}
	}
	work := map[int64][]timefind.Interval{}
	for _, sh := range list {
		if !sh.IsLeave() {
			work[sh.PersonID] = append(work[sh.PersonID], timefind.Interval{Start: sh.Start, End: sh.End, Kind: sh.Kind()})
		}
	}
	var group map[int64]bool
	if win.groupID != 0 {
		if group, err = s.workGroupMembers(ctx, wp.ID, win.groupID); err != nil {
			return nil, err
		}
	}
	p := &proposal{names: map[int64]string{}, noShifts: len(list) == 0}
	var invitees, others []timefind.Person
	for _, person := range people {
		p.names[person.ID] = person.Name
		tp := timefind.Person{ID: person.ID, Work: work[person.ID]}
		if q.Who == finderWhoRota && !onRota(tp.Work, win) || group != nil && !group[person.ID] {
			others = append(others, tp)
			continue
		}
		invitees = append(invitees, tp)
	}
	p.invited = len(invitees)
	p.res = timefind.FindWith(invitees, timefind.Window{First: win.first, Last: win.last, Earliest: win.earliest,
		Latest: win.latest, Length: win.length, Step: 15 * time.Minute, Loc: laeringsliv.Norway()},
		timefind.Options{Budget: finderSearchBudget, Minimum: minimum, Others: others})
	return p, nil
}

// onRota reports whether someone has a shift on a day of the window.
func onRota(work []timefind.Interval, win finderWindow) bool {
	first := time.Date(win.first.Year(), win.first.Month(), win.first.Day(), 0, 0, 0, 0, laeringsliv.Norway())
	end := first.AddDate(0, 0, win.days)
	for _, iv := range work {
		if iv.End.After(first) && iv.Start.Before(end) {
			return true
		}
	}
	return false
}

func (s *Server) finderPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.Rota == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	p, err := s.finderBase(w, r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if r.URL.Query().Get("from") == "" {
		s.defaultWindow(r, st, p)
		s.render(w, r, http.StatusOK, "rota_finder", p)
		return
	}
	if r.URL.Query().Get("who") == finderWhoGroup {
		p.Pick.Kind = string(laeringsliv.MeetingWorkGroup)
	}
	if s.proposeOnPage(w, r, p, r.URL.Query()) != nil {
		s.render(w, r, http.StatusOK, "rota_finder", p)
	}
}

// proposeOnPage reads the finder's query from v and shows its proposal on p. A refused query
// or a failure is answered here, and the proposal is nil.
func (s *Server) proposeOnPage(w http.ResponseWriter, r *http.Request, p *FinderPage, v url.Values) *proposal {
	q, win, errs := parseFinderQuery(v)
	p.Query = q
	if len(errs) > 0 {
		p.Errors = errs
		s.render(w, r, http.StatusUnprocessableEntity, "rota_finder", p)
		return nil
	}
	st := state(r)
	prop, err := s.propose(r.Context(), st.workplace, q, win)
	if laeringsliv.ErrorCode(err) == laeringsliv.EINVALID {
		p.Errors = []FieldErr{{Field: fieldOfErr(err), Key: laeringsliv.ErrorKey(err)}}
		s.render(w, r, http.StatusUnprocessableEntity, "rota_finder", p)
		return nil
	} else if err != nil {
		s.serverError(w, r, err)
		return nil
	}
	s.showProposal(st, p, prop)
	return prop
}

// finderBase is the page without a proposal: the staffing minimums and the meetings made.
func (s *Server) finderBase(w http.ResponseWriter, r *http.Request) (*FinderPage, error) {
	st := state(r)
	p := &FinderPage{Page: s.base(w, r, st.tr.T("finder.title")), Workplace: st.workplace,
		Query: finderQuery{Earliest: "08:00", Latest: "15:30", Minutes: "45", Who: finderWhoAll},
		Kinds: laeringsliv.MeetingKinds(), Pick: meetingForm{Kind: string(laeringsliv.MeetingGathering)}}
	if s.svc.RotaTime == nil {
		return p, nil
	}
	ctx := r.Context()
	minimum, err := s.svc.RotaTime.FindRotaStaffing(ctx, st.workplace.ID)
	if err != nil {
		return nil, err
	}
	for _, k := range rota.Kinds() {
		p.Staffing = append(p.Staffing, staffingRow{Kind: k, Label: st.tr.T("rota_time.kind." + k), Minimum: minimum[k]})
	}
	p.Meetings, err = s.meetingRows(r, laeringsliv.MeetingFilter{WorkplaceID: st.workplace.ID})
	if err != nil {
		return nil, err
	}
	p.WorkGroups, err = s.workGroupChoices(ctx, st.workplace.ID)
	return p, err
}

// defaultWindow starts the form at the first week of the active rota.
func (s *Server) defaultWindow(r *http.Request, st *reqState, p *FinderPage) {
	periods, err := s.svc.Rota.FindRotaPeriods(r.Context(), st.workplace.ID)
	if err != nil {
		return
	}
	for _, pr := range periods {
		if pr.Status == rota.StatusActive {
			p.Query.From = pr.From.Format("2006-01-02")
			p.Query.To = pr.From.AddDate(0, 0, min(6, int(pr.To.Sub(pr.From).Hours()/24))).Format("2006-01-02")
			return
		}
	}
}

// showProposal puts a proposal on the page in names and words.
func (s *Server) showProposal(st *reqState, p *FinderPage, prop *proposal) {
	res := prop.res
	p.Searched, p.Exact, p.Invited, p.NoRota = true, res.Exact, prop.invited, prop.noShifts
	p.Signature = prop.signature()
	names := func(ids []int64) []string { return sortedNames(prop.names, ids) }
	for _, sl := range res.Slots {
		p.Slots = append(p.Slots, slotView(st, sl, prop.names))
	}
	p.OwnTime, p.Held = names(res.OwnTime), names(res.Held)
	p.OwnHours = strconv.FormatFloat(float64(res.OwnMinutes)/60, 'f', 1, 64)
}

// sortedNames returns the names of ids, sorted.
func sortedNames(names map[int64]string, ids []int64) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, names[id])
	}
	slices.Sort(out)
	return out
}

// slotView puts one time on the page in names and words: who comes at work and who in their
// own time, who is at work or off, and the staff left on the floor.
func slotView(st *reqState, sl timefind.Slot, names map[int64]string) finderSlot {
	fs := finderSlot{When: formatClock(sl.Start, st.lang) + "–" + clock(sl.End), Attendees: sortedNames(names, sl.Attendees),
		OnShift: sortedNames(names, sl.OnShift), Off: sortedNames(names, sl.Off), AfterNight: sortedNames(names, sl.AfterNight)}
	for _, o := range sl.OwnTime {
		fs.OwnTime = append(fs.OwnTime, st.tr.T("rota_time.own_minutes", map[string]any{"Name": names[o.ID], "Minutes": o.Minutes}))
	}
	slices.Sort(fs.OwnTime)
	for _, f := range sl.Floor {
		fs.Floor = append(fs.Floor, floorRow{Kind: st.tr.T("rota_time.kind." + cmp.Or(f.Kind, "other")), Drawn: f.Drawn,
			Left: f.Left, Minimum: f.Minimum})
	}
	slices.SortFunc(fs.Floor, func(a, b floorRow) int { return strings.Compare(a.Kind, b.Kind) })
	return fs
}
