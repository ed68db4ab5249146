package web

import (
	"context"
	"net/http"
	"time"

	"laeringsliv"
)

// Sharing, from the other workplaces' side: what the institution's other workplaces share,
// one shared record with its questions and comments, and adopting a shared innovation.

// SharedPage lists what the institution's other workplaces share, for the members of one.
type SharedPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Items     []ShareView
}

func (s *Server) sharedPage(w http.ResponseWriter, r *http.Request) {
	ctx, st := r.Context(), state(r)
	if !s.sharingOn(w, r) {
		return
	}
	list, err := s.svc.Shares.FindShares(ctx, laeringsliv.ShareFilter{InstitutionID: st.workplace.InstitutionID,
		NotWorkplace: st.workplace.ID, ActiveOnly: true})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	names, err := s.workplaceNames(ctx, st.workplace.InstitutionID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := SharedPage{Page: s.base(w, r, st.tr.T("sharing.others_title")), Workplace: st.workplace}
	for _, sh := range list {
		if st.actor.CanSeeShare(sh, st.workplace) {
			p.Items = append(p.Items, ShareView{Share: sh, From: names[sh.WorkplaceID]})
		}
	}
	s.render(w, r, http.StatusOK, "share_others", p)
}

// workplaceNames maps the institution's workplaces to their names.
func (s *Server) workplaceNames(ctx context.Context, inst int64) (map[int64]string, error) {
	wps, err := s.svc.Org.FindWorkplaces(ctx, laeringsliv.WorkplaceFilter{InstitutionID: inst})
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(wps))
	for _, wp := range wps {
		names[wp.ID] = wp.Name
	}
	return names, nil
}

// findShare loads the {share} of the path.
func (s *Server) findShare(r *http.Request) (*laeringsliv.Share, error) {
	id, err := pathID(r.PathValue("share"))
	if err != nil {
		return nil, err
	}
	return s.svc.Shares.FindShare(r.Context(), id)
}

// findVisibleShare loads the {share} of the path as the {workplace} may see it; anything it
// may not see is "not found", so that ids cannot be probed.
func (s *Server) findVisibleShare(r *http.Request) (*laeringsliv.Share, error) {
	st := state(r)
	sh, err := s.findShare(r)
	if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND || err == nil && !st.actor.CanSeeShare(sh, st.workplace) {
		return nil, shareNotFound()
	}
	return sh, err
}

// SharedItemPage shows one shared record with its questions and comments.
type SharedItemPage struct {
	Page
	Workplace   *laeringsliv.Workplace // the reader's
	View        ShareView
	Comments    []CommentView
	IsOrigin    bool // the reader's workplace shares it
	CanWithdraw bool
	CanAdopt    bool
	Projects    []*laeringsliv.Project // the reader's workplace's, to adopt under
	Adopted     []*laeringsliv.Adoption
}

// CommentView is a comment with the name of the workplace it came from — never the writer.
type CommentView struct {
	Body       string
	From       string
	FromOrigin bool
	At         time.Time
}

func (s *Server) sharedItemPage(w http.ResponseWriter, r *http.Request) {
	s.renderSharedItem(w, r, http.StatusOK, nil)
}

func (s *Server) renderSharedItem(w http.ResponseWriter, r *http.Request, status int, errs []FieldErr) {
	ctx, st := r.Context(), state(r)
	if !s.sharingOn(w, r) {
		return
	}
	sh, err := s.findVisibleShare(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	names, err := s.workplaceNames(ctx, sh.InstitutionID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	res := laeringsliv.WorkplaceResource(st.workplace)
	p := SharedItemPage{Page: s.base(w, r, sh.Title), Workplace: st.workplace,
		View: ShareView{Share: sh, From: names[sh.WorkplaceID]}, IsOrigin: sh.WorkplaceID == st.workplace.ID}
	p.CanWithdraw = p.IsOrigin && sh.Active() && st.actor.Can(laeringsliv.ActionShare, res)
	p.CanAdopt = !p.IsOrigin && sh.Active() && sh.Kind == laeringsliv.ShareInnovation && st.actor.Can(laeringsliv.ActionAdoptShared, res)
	comments, err := s.svc.Shares.FindShareComments(ctx, sh.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	for _, c := range comments {
		p.Comments = append(p.Comments, CommentView{Body: c.Body, From: names[c.WorkplaceID],
			FromOrigin: c.WorkplaceID == sh.WorkplaceID, At: c.CreatedAt})
	}
	if sh.Kind == laeringsliv.ShareInnovation && !p.IsOrigin {
		if p.Adopted, err = s.adoptedHere(ctx, sh.ID, st.workplace.ID); err != nil {
			s.renderError(w, r, err)
			return
		}
	}
	if p.CanAdopt {
		if p.Projects, err = s.svc.Org.FindProjects(ctx, st.workplace.ID); err != nil {
			s.renderError(w, r, err)
			return
		}
	}
	p.Errors = errs
	s.render(w, r, status, "share_item", p)
}

// adoptedHere returns the adoptions of share by workplace wp.
func (s *Server) adoptedHere(ctx context.Context, share, wp int64) ([]*laeringsliv.Adoption, error) {
	all, err := s.svc.Shares.FindAdoptions(ctx, laeringsliv.AdoptionFilter{ShareID: share})
	if err != nil {
		return nil, err
	}
	var mine []*laeringsliv.Adoption
	for _, a := range all {
		if a.WorkplaceID == wp {
			mine = append(mine, a)
		}
	}
	return mine, nil
}

// commentShared adds a question or comment, from the reader's workplace.
func (s *Server) commentShared(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if !s.sharingOn(w, r) {
		return
	}
	sh, err := s.findVisibleShare(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	c := &laeringsliv.ShareComment{ShareID: sh.ID, WorkplaceID: st.workplace.ID, AuthorID: st.actor.Person.ID}
	if errs := parseCommentForm(v, c); len(errs) > 0 {
		s.renderSharedItem(w, r, http.StatusUnprocessableEntity, errs)
		return
	}
	if err := s.svc.Shares.AddShareComment(r.Context(), c); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "sharing.flash.commented")
	http.Redirect(w, r, sharedURL(st.workplace.ID, sh.ID)+"#comments", http.StatusSeeOther)
}

// adoptShared records a shared innovation in the reader's workplace's registry, as a new idea
// under one of its projects, linked to its origin.
func (s *Server) adoptShared(w http.ResponseWriter, r *http.Request) {
	ctx, st := r.Context(), state(r)
	if !s.sharingOn(w, r) {
		return
	}
	sh, err := s.findVisibleShare(r)
	if err == nil && (sh.Kind != laeringsliv.ShareInnovation || !sh.Active() || sh.WorkplaceID == st.workplace.ID) {
		err = shareNotFound()
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	projects, err := s.svc.Org.FindProjects(ctx, st.workplace.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	ids := make([]int64, len(projects))
	for n, p := range projects {
		ids[n] = p.ID
	}
	project, errs := parseAdoptForm(v, ids)
	if len(errs) > 0 {
		s.renderSharedItem(w, r, http.StatusUnprocessableEntity, errs)
		return
	}
	i := &laeringsliv.Innovation{WorkplaceID: st.workplace.ID, ProjectID: project, Title: truncate(sh.Title, 200),
		Description: truncate(sh.Body, 10000), Status: laeringsliv.InnovationIdea, Size: laeringsliv.InnovationSmall}
	if _, err := s.svc.Shares.AdoptInnovation(ctx, sh, i, st.actor.Person.ID); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "sharing.flash.adopted")
	http.Redirect(w, r, innovationURL(i), http.StatusSeeOther)
}

// truncate shortens s to at most n bytes at a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
