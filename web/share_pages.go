package web

import (
	"context"
	"net/http"

	"laeringsliv"
)

// Sharing, from the sharing workplace's side: what it shares, the preview of a new share that
// shows exactly what the others will see, sharing and withdrawing.

// ShareView is a share as the other workplaces see it: the copy, and the name of the workplace
// that shares it — never a person.
type ShareView struct {
	Share *laeringsliv.Share
	From  string
}

// SharesPage lists what a workplace shares, withdrawn shares too.
type SharesPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Shares    []*laeringsliv.Share
	CanShare  bool
}

func (s *Server) sharesPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if !s.sharingOn(w, r) {
		return
	}
	list, err := s.svc.Shares.FindShares(r.Context(), laeringsliv.ShareFilter{WorkplaceID: st.workplace.ID})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "share_list", SharesPage{Page: s.base(w, r, st.tr.T("sharing.ours_title")),
		Workplace: st.workplace, Shares: list,
		CanShare: st.actor.Can(laeringsliv.ActionShare, laeringsliv.WorkplaceResource(st.workplace))})
}

// sharingOn answers 404 when the deployment keeps no shares.
func (s *Server) sharingOn(w http.ResponseWriter, r *http.Request) bool {
	if s.svc.Shares == nil {
		s.renderError(w, r, shareNotFound())
		return false
	}
	return true
}

// ShareNewPage is the preview: the record exactly as the other workplaces will see it, and
// the button that shares it.
type ShareNewPage struct {
	Page
	Workplace *laeringsliv.Workplace
	View      ShareView
	Digest    string
	Existing  *laeringsliv.Share // the record is shared already
}

func (s *Server) shareNewPage(w http.ResponseWriter, r *http.Request) {
	if !s.sharingOn(w, r) {
		return
	}
	f, errs := parseShareForm(r.URL.Query(), false)
	if len(errs) > 0 {
		s.renderError(w, r, laeringsliv.FieldError(errs[0].Field, errs[0].Key))
		return
	}
	s.renderPreview(w, r, http.StatusOK, f, nil)
}

func (s *Server) renderPreview(w http.ResponseWriter, r *http.Request, status int, f shareForm, errs []FieldErr) {
	ctx, st := r.Context(), state(r)
	sh, err := s.snapshot(ctx, st.workplace, f.Kind, f.RefID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := ShareNewPage{Page: s.base(w, r, st.tr.T("sharing.preview_title")), Workplace: st.workplace,
		View: ShareView{Share: sh, From: st.workplace.Name}, Digest: sh.Digest()}
	if p.Existing, err = s.activeShare(ctx, sh.InstitutionID, f.Kind, f.RefID); err != nil {
		s.renderError(w, r, err)
		return
	}
	p.Errors = errs
	s.render(w, r, status, "share_new", p)
}

// activeShare returns the share that offers a record now, or nil.
func (s *Server) activeShare(ctx context.Context, inst int64, kind laeringsliv.ShareKind, ref int64) (*laeringsliv.Share, error) {
	list, err := s.svc.Shares.FindShares(ctx, laeringsliv.ShareFilter{InstitutionID: inst, Kind: kind, RefID: ref, ActiveOnly: true})
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return list[0], nil
}

// createShare stores the share exactly as previewed. If the record changed since, the preview
// comes back with what it shows now.
func (s *Server) createShare(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if !s.sharingOn(w, r) {
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	f, errs := parseShareForm(v, true)
	if !f.Kind.Valid() || f.RefID == 0 {
		s.renderError(w, r, laeringsliv.FieldError(errs[0].Field, errs[0].Key))
		return
	}
	sh, err := s.snapshot(r.Context(), st.workplace, f.Kind, f.RefID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if len(errs) > 0 || sh.Digest() != f.Digest {
		s.renderPreview(w, r, http.StatusConflict, f, []FieldErr{{"digest", "sharing.error.preview_changed"}})
		return
	}
	sh.SharedBy = st.actor.Person.ID
	if err := s.svc.Shares.CreateShare(r.Context(), sh); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "sharing.flash.shared")
	http.Redirect(w, r, sharedURL(st.workplace.ID, sh.ID), http.StatusSeeOther)
}

// withdrawShare stops offering one of the workplace's shares.
func (s *Server) withdrawShare(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if !s.sharingOn(w, r) {
		return
	}
	sh, err := s.findShare(r)
	if err == nil && sh.WorkplaceID != st.workplace.ID {
		err = shareNotFound()
	}
	if err == nil {
		err = s.svc.Shares.WithdrawShare(r.Context(), sh.ID)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "sharing.flash.withdrawn")
	http.Redirect(w, r, "/workplaces/"+itoa(st.workplace.ID)+"/shares", http.StatusSeeOther)
}

func sharedURL(workplaceID, shareID int64) string {
	return "/workplaces/" + itoa(workplaceID) + "/shared/" + itoa(shareID)
}
