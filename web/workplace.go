package web

import (
	"net/http"
	"sort"
	"strings"

	"laeringsliv"
)

// ProgrammeWorkplaces is a programme with those of its workplaces the reader may see.
type ProgrammeWorkplaces struct {
	Programme  *laeringsliv.Programme
	Workplaces []*laeringsliv.Workplace
	Roles      map[int64][]laeringsliv.Role // the reader's own roles per workplace
}

// visibleProgrammes returns the programmes and workplaces the actor may view, as the policy
// decides: the list is filtered here with the same rule that guards each page.
func (s *Server) visibleProgrammes(r *http.Request, a *laeringsliv.Actor) ([]ProgrammeWorkplaces, error) {
	ctx := r.Context()
	progs, err := s.svc.Org.FindProgrammes(ctx, s.cfg.InstitutionID)
	if err != nil {
		return nil, err
	}
	wps, err := s.svc.Org.FindWorkplaces(ctx, laeringsliv.WorkplaceFilter{InstitutionID: s.cfg.InstitutionID})
	if err != nil {
		return nil, err
	}
	var out []ProgrammeWorkplaces
	for _, p := range progs {
		pw := ProgrammeWorkplaces{Programme: p, Roles: map[int64][]laeringsliv.Role{}}
		for _, wp := range wps {
			if wp.ProgrammeID == p.ID && a.Can(laeringsliv.ActionViewWorkplace, laeringsliv.WorkplaceResource(wp)) {
				pw.Workplaces = append(pw.Workplaces, wp)
				pw.Roles[wp.ID] = a.RolesIn(wp.ID)
			}
		}
		if len(pw.Workplaces) > 0 || a.Can(laeringsliv.ActionViewProgramme, laeringsliv.ProgrammeResource(p)) {
			out = append(out, pw)
		}
	}
	return out, nil
}

// WorkplacePage shows a workplace: its shared project, people and roles, and — for those who
// manage members — invitations.
type WorkplacePage struct {
	Page
	Workplace    *laeringsliv.Workplace
	Programme    *laeringsliv.Programme
	Projects     []*laeringsliv.Project
	Members      []MemberRow
	RoleCounts   []RoleCount
	CanManage    bool
	CanField     bool // the reader keeps the field book of this workplace
	CanIPE       bool // the reader may see the workplace's IPE sessions
	CanRota      bool // the reader imports the workplace's shift rota
	CanTime      bool // the reader records their own time on the study
	CanShares    bool // the reader sees where the workplace's hours came from
	CanShared    bool // the reader may see what the institution's other workplaces share
	CanShifts    bool // the reader has shifts here to see beside the programme's events
	CanWishes    bool // the reader may keep wishes about colleagues for group formation here
	CanPositions bool // the reader may see colleagues' position percentages
	WorkGroups   bool // the workplace's innovation work groups are kept
	Invitations  []*laeringsliv.Invitation
	InviteRoles  []laeringsliv.Role
	NewLink      string // an invitation link just created, shown once
	MailFailed   bool   // the link could not be sent by e-mail
	InviteRole   laeringsliv.Role
	InviteEmail  string
}

// MemberRow is a person with one role in the workplace.
type MemberRow struct {
	Person       *laeringsliv.Person
	MembershipID int64
	Role         laeringsliv.Role
}

// RoleCount is how many people hold a role.
type RoleCount struct {
	Role  laeringsliv.Role
	Count int
}

func (s *Server) workplacePage(w http.ResponseWriter, r *http.Request) {
	p, err := s.workplaceData(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "workplace", p)
}

func (s *Server) workplaceData(w http.ResponseWriter, r *http.Request) (*WorkplacePage, error) {
	ctx := r.Context()
	st := state(r)
	wp := st.workplace
	prog, err := s.svc.Org.FindProgramme(ctx, wp.ProgrammeID)
	if err != nil {
		return nil, err
	}
	projects, err := s.svc.Org.FindProjects(ctx, wp.ID)
	if err != nil {
		return nil, err
	}
	people, err := s.svc.People.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: wp.ID})
	if err != nil {
		return nil, err
	}
	ms, err := s.svc.Members.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: wp.ID})
	if err != nil {
		return nil, err
	}
	p := &WorkplacePage{Page: s.base(w, r, wp.Name), Workplace: wp, Programme: prog, Projects: projects,
		CanManage:    st.actor.Can(laeringsliv.ActionManageMembers, laeringsliv.WorkplaceResource(wp)),
		CanRota:      st.actor.Can(laeringsliv.ActionManageRota, laeringsliv.WorkplaceResource(wp)),
		CanTime:      s.svc.TimeRecords != nil && st.actor.Can(laeringsliv.ActionRecordTime, laeringsliv.WorkplaceResource(wp)),
		CanShares:    s.svc.TimeRecords != nil && st.actor.Can(laeringsliv.ActionViewTimeShares, laeringsliv.WorkplaceResource(wp)),
		CanShared:    s.svc.Shares != nil && st.actor.Can(laeringsliv.ActionViewShared, laeringsliv.WorkplaceResource(wp)),
		CanShifts:    st.actor.Can(laeringsliv.ActionViewShifts, ownResource(wp, st.actor.Person.ID)),
		CanWishes:    s.svc.Wishes != nil && st.actor.Can(laeringsliv.ActionKeepWishes, ownResource(wp, st.actor.Person.ID)),
		CanField:     st.actor.Can(laeringsliv.ActionUseFieldBook, laeringsliv.WorkplaceResource(wp)),
		CanIPE:       st.actor.Can(laeringsliv.ActionIPEView, laeringsliv.WorkplaceResource(wp)),
		CanPositions: st.actor.Can(laeringsliv.ActionViewPositions, laeringsliv.WorkplaceResource(wp)),
		WorkGroups:   s.svc.WorkGroups != nil}
	byID := map[int64]*laeringsliv.Person{}
	for _, person := range people {
		byID[person.ID] = person
	}
	counts := map[laeringsliv.Role]int{}
	for _, m := range ms {
		if person := byID[m.PersonID]; person != nil {
			p.Members = append(p.Members, MemberRow{Person: person, MembershipID: m.ID, Role: m.Role})
			counts[m.Role]++
		}
	}
	order := map[laeringsliv.Role]int{}
	for i, role := range laeringsliv.Roles() {
		order[role] = i
		if counts[role] > 0 {
			p.RoleCounts = append(p.RoleCounts, RoleCount{role, counts[role]})
		}
	}
	sort.SliceStable(p.Members, func(i, j int) bool {
		a, b := p.Members[i], p.Members[j]
		if a.Role != b.Role {
			return order[a.Role] > order[b.Role] // leaders, teachers first; participants last
		}
		return a.Person.Name < b.Person.Name
	})
	if p.CanManage {
		invs, err := s.svc.Auth.FindInvitations(ctx, wp.ID)
		if err != nil {
			return nil, err
		}
		now := s.cfg.Now()
		for _, inv := range invs {
			if inv.Usable(now) {
				p.Invitations = append(p.Invitations, inv)
			}
		}
		for _, role := range laeringsliv.Roles() {
			if laeringsliv.RoleFitsScope(role, laeringsliv.ScopeWorkplace) {
				p.InviteRoles = append(p.InviteRoles, role)
			}
		}
		p.InviteRole = laeringsliv.RoleParticipant
	}
	return p, nil
}

// createInvitation makes an invitation link and shows it once, for copying.
func (s *Server) createInvitation(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	now := s.cfg.Now()
	inv := &laeringsliv.Invitation{InstitutionID: st.workplace.InstitutionID, WorkplaceID: st.workplace.ID,
		CreatedBy: st.actor.Person.ID, CreatedAt: now, ExpiresAt: now.Add(laeringsliv.InvitationLifetime)}
	errs := parseInvitationForm(v, inv)
	token := laeringsliv.NewToken()
	inv.TokenHash = laeringsliv.HashToken(token)
	link := s.absoluteURL(r, "/invitations/"+token)
	queued := s.svc.Jobs != nil && s.svc.Mailer != nil && inv.Email != ""
	if queued { // the mail is queued with the invitation, in its transaction
		m := s.invitationMail(r, inv, link)
		inv.Mail = &m
	}
	if len(errs) == 0 {
		if err := s.svc.Auth.CreateInvitation(r.Context(), inv); err != nil {
			s.renderError(w, r, err)
			return
		}
	}
	p, err := s.workplaceData(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p.InviteRole, p.InviteEmail = inv.Role, inv.Email
	status := http.StatusOK
	if len(errs) > 0 {
		p.Errors, status = errs, http.StatusUnprocessableEntity
	} else {
		p.NewLink = link
		p.Flash = "flash.invitation_created"
		switch {
		case queued:
			p.Flash = "flash.invitation_queued"
		case s.svc.Mailer != nil && inv.Email != "":
			p.Flash, p.MailFailed = s.mailInvitation(r, inv, p.NewLink)
		}
	}
	s.render(w, r, status, "workplace", p)
}

func (s *Server) revokeInvitation(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	id, err := pathID(r.PathValue("invitation"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	invs, err := s.svc.Auth.FindInvitations(r.Context(), st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, inv := range invs {
		if inv.ID == id { // only an invitation of this very workplace
			if err := s.svc.Auth.RevokeInvitation(r.Context(), id, s.cfg.Now()); err != nil {
				s.renderError(w, r, err)
				return
			}
			setFlash(w, "flash.invitation_revoked")
			http.Redirect(w, r, workplaceURL(st.workplace), http.StatusSeeOther)
			return
		}
	}
	s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
}

func (s *Server) removeMember(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	id, err := pathID(r.PathValue("membership"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	m, err := s.svc.Members.FindMembership(r.Context(), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if m.WorkplaceID != st.workplace.ID { // a membership elsewhere is not this page's to touch
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	if err := s.svc.Members.DeleteMembership(r.Context(), id); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.member_removed")
	http.Redirect(w, r, workplaceURL(st.workplace), http.StatusSeeOther)
}

// ProgrammePage shows a programme and the workplaces in it that the reader may see.
type ProgrammePage struct {
	Page
	Programme  *laeringsliv.Programme
	Workplaces []*laeringsliv.Workplace
	CanReports bool // the reader may see the programme's reports
	// CanRequirements and CanAdmissions: the reader may define the work requirements or
	// decide admissions, so the page links there; others would only meet a 403.
	CanRequirements, CanAdmissions bool
	// CanCopy: the reader may start a new programme from this one and export it as a template.
	CanCopy bool
}

func (s *Server) programmePage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	wps, err := s.svc.Org.FindWorkplaces(r.Context(), laeringsliv.WorkplaceFilter{ProgrammeID: st.programme.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	res := laeringsliv.ProgrammeResource(st.programme)
	p := ProgrammePage{Page: s.base(w, r, st.programme.Name), Programme: st.programme,
		CanReports:      st.actor.Can(laeringsliv.ActionViewReports, res),
		CanRequirements: st.actor.Can(laeringsliv.ActionDefineRequirements, res),
		CanAdmissions:   st.actor.Can(laeringsliv.ActionDecideAdmission, res),
		CanCopy:         st.actor.Can(laeringsliv.ActionCopyProgramme, res)}
	for _, wp := range wps {
		if st.actor.Can(laeringsliv.ActionViewWorkplace, laeringsliv.WorkplaceResource(wp)) {
			p.Workplaces = append(p.Workplaces, wp)
		}
	}
	s.render(w, r, http.StatusOK, "workplace_programme", p)
}

func workplaceURL(wp *laeringsliv.Workplace) string {
	return "/workplaces/" + itoa(wp.ID)
}

// absoluteURL builds a link for copying from the request's own host.
func (s *Server) absoluteURL(r *http.Request, path string) string {
	if s.cfg.BaseURL != "" {
		return strings.TrimSuffix(s.cfg.BaseURL, "/") + path
	}
	scheme := "http"
	if isHTTPS(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host + path
}

// invitationMail is the message that carries an invitation link, in the inviter's language.
func (s *Server) invitationMail(r *http.Request, inv *laeringsliv.Invitation, link string) laeringsliv.Mail {
	st := state(r)
	data := map[string]any{"Workplace": st.workplace.Name, "Role": st.tr.T("role." + string(inv.Role)),
		"Link": link, "Inviter": st.actor.Person.Name}
	return laeringsliv.Mail{To: inv.Email, Subject: st.tr.T("invite.mail_subject", data),
		Body: st.tr.T("invite.mail_body", data)}
}

// mailInvitation sends an invitation link by e-mail in the inviter's language. A failure is
// logged without the address and reported on the page; the link is shown for copying anyway.
func (s *Server) mailInvitation(r *http.Request, inv *laeringsliv.Invitation, link string) (flash string, failed bool) {
	err := s.svc.Mailer.Send(r.Context(), s.invitationMail(r, inv, link))
	if err != nil {
		s.cfg.Logger.WarnContext(r.Context(), "invitation mail not sent", "err_code", laeringsliv.ErrorCode(err))
		return "flash.invitation_created", true
	}
	return "flash.invitation_sent", false
}

// ownResource is the workplace as the resource of one person's own things there.
func ownResource(wp *laeringsliv.Workplace, personID int64) laeringsliv.Resource {
	r := laeringsliv.WorkplaceResource(wp)
	r.OwnerID = personID
	return r
}
