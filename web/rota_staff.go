package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"laeringsliv"
)

// A workplace's leaders keep what the rota needs of its people on one page: the employee
// number a rota file may name them by, their position percentage and their shift team —
// saved for everyone at once, or not at all.

// StaffPage is the staff details page.
type StaffPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Rows      []staffRow
	Problems  []staffProblem // a refused save's problems, each naming its person
	// Positions sums the stored positions in FTEs, beside the workplace's registered FTEs,
	// in words: whether the staff on the platform make up the whole workplace.
	Positions string
}

// staffRow is one person's row: as stored, or as typed when refused.
type staffRow struct {
	PersonID                   int64
	Name, Email, Role          string
	Form                       staffForm
	NumberErr, PctErr, TeamErr string // messages, when refused
}

type staffProblem struct {
	Field, Text string // Field is the input's id
}

// staffRoles are the roles of the people on a workplace's staff; teachers come from the
// university and have no place on its rota.
var staffRoles = []laeringsliv.Role{laeringsliv.RoleParticipant, laeringsliv.RoleContributor,
	laeringsliv.RoleLeader, laeringsliv.RoleUnionRep}

func (s *Server) staffPage(w http.ResponseWriter, r *http.Request) {
	p, err := s.staffData(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "rota_staff", p)
}

func (s *Server) saveStaff(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p, err := s.staffData(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	ids := make([]int64, len(p.Rows))
	for i, row := range p.Rows {
		ids[i] = row.PersonID
	}
	forms, list, errs := parseStaffForm(v, ids)
	if len(errs) == 0 {
		err = s.svc.Rota.UpdateStaff(r.Context(), st.workplace.ID, list)
		var e *laeringsliv.Error
		switch {
		case err == nil:
			setFlash(w, "flash.staff_saved")
			http.Redirect(w, r, rotaPath(st.workplace)+"/staff", http.StatusSeeOther)
			return
		case errors.As(err, &e) && e.Key == "staff.error.number_taken" && strings.HasPrefix(e.Field, "number-"):
			id, _ := strconv.ParseInt(strings.TrimPrefix(e.Field, "number-"), 10, 64)
			errs = []staffErr{{id, "number", e.Key}}
		default:
			s.renderError(w, r, err)
			return
		}
	}
	for i := range p.Rows {
		row := &p.Rows[i]
		row.Form = forms[row.PersonID]
		for _, e := range errs {
			if e.PersonID != row.PersonID {
				continue
			}
			text := st.tr.T(e.Key)
			switch e.Field {
			case "number":
				row.NumberErr = text
			case "pct":
				row.PctErr = text
			case "team":
				row.TeamErr = text
			}
			p.Problems = append(p.Problems, staffProblem{Field: "f-" + e.Field + "-" + itoa(row.PersonID),
				Text: st.tr.T("staff.problem", map[string]any{"Name": row.Name, "Problem": text})})
		}
	}
	s.render(w, r, http.StatusUnprocessableEntity, "rota_staff", p)
}

// staffData fills the page with the workplace's staff as stored, by name.
func (s *Server) staffData(w http.ResponseWriter, r *http.Request) (*StaffPage, error) {
	if s.svc.Rota == nil {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	st := state(r)
	ctx := r.Context()
	people, err := s.svc.People.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: st.workplace.ID})
	if err != nil {
		return nil, err
	}
	ms, err := s.svc.Members.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: st.workplace.ID})
	if err != nil {
		return nil, err
	}
	role := map[int64]laeringsliv.Role{}
	for _, m := range ms {
		if slices.Contains(staffRoles, m.Role) {
			role[m.PersonID] = m.Role
		}
	}
	p := &StaffPage{Page: s.base(w, r, st.tr.T("staff.title")), Workplace: st.workplace}
	pcts := 0
	for _, person := range people {
		rl, ok := role[person.ID]
		if !ok {
			continue
		}
		pcts += person.PositionPct
		pct := ""
		if person.PositionPct > 0 {
			pct = strconv.Itoa(person.PositionPct)
		}
		p.Rows = append(p.Rows, staffRow{PersonID: person.ID, Name: person.Name, Email: person.Email,
			Role: st.tr.T("role." + string(rl)),
			Form: staffForm{Number: person.EmployeeNumber, Pct: pct, Team: person.ShiftTeam}})
	}
	p.Positions = st.tr.T("staff.positions", map[string]any{"Sum": formatNumber(float64(pcts)/100, st.lang),
		"FTEs": formatNumber(st.workplace.FTEs, st.lang)})
	return p, nil
}
