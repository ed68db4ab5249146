package web

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"laeringsliv"
)

// Password reset by e-mail. Asking for a link answers the same page at once whether or not the
// address is known, and the look-up and the mail happen afterwards, so that neither the answer
// nor its timing tells which addresses have accounts. The link works once, for
// PasswordResetLifetime; only its hash is stored.

// resetEnabled reports whether links can be sent: a store for them and a mail server.
func (s *Server) resetEnabled() bool { return s.svc.Resets != nil && s.svc.Mailer != nil }

// ForgotPage is the data of the page that asks for a reset link.
type ForgotPage struct {
	Page
	Email string
	Sent  bool
}

func (s *Server) forgotPage(w http.ResponseWriter, r *http.Request) {
	if !s.resetEnabled() {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	s.render(w, r, http.StatusOK, "account_password_forgot", ForgotPage{Page: s.base(w, r, state(r).tr.T("forgot.title"))})
}

func (s *Server) forgot(w http.ResponseWriter, r *http.Request) {
	if !s.resetEnabled() {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	email, errs := parseForgotForm(v)
	p := ForgotPage{Page: s.base(w, r, state(r).tr.T("forgot.title")), Email: email}
	if len(errs) > 0 {
		p.Errors = errs
		s.render(w, r, http.StatusUnprocessableEntity, "account_password_forgot", p)
		return
	}
	if s.limiter.resetMailAllowed(email, clientAddr(r)) {
		lang, base := state(r).lang, s.absoluteURL(r, "/password/reset/")
		go s.sendReset(context.WithoutCancel(r.Context()), email, lang, base)
	}
	p.Sent = true
	s.render(w, r, http.StatusOK, "account_password_forgot", p)
}

// sendReset creates a reset for the address, if it belongs to a person of the institution,
// and mails the link. Failures are logged without the address.
func (s *Server) sendReset(ctx context.Context, email, lang, base string) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	p, err := s.svc.People.FindPersonByEmail(ctx, email)
	if err != nil || p.InstitutionID != s.cfg.InstitutionID {
		if err != nil && laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			s.cfg.Logger.Warn("password reset look-up failed", "err", err)
		}
		return
	}
	token := laeringsliv.NewToken()
	pr := &laeringsliv.PasswordReset{PersonID: p.ID, TokenHash: laeringsliv.HashToken(token), CreatedAt: s.cfg.Now()}
	if err := s.svc.Resets.CreatePasswordReset(ctx, pr); err != nil {
		s.cfg.Logger.Warn("password reset not stored", "err", err)
		return
	}
	if p.Locale != "" {
		lang = p.Locale
	}
	tr := s.catalogs.translator(normLang(lang), s.missingKey)
	data := map[string]any{"Link": base + url.PathEscape(token),
		"Minutes": int(laeringsliv.PasswordResetLifetime.Minutes())}
	m := laeringsliv.Mail{To: p.Email, Subject: tr.T("reset.mail_subject"), Body: tr.T("reset.mail_body", data)}
	if s.svc.Jobs != nil { // queued: sent with retries, and not lost to a restart
		if _, err := s.svc.Jobs.EnqueueJob(ctx, p.InstitutionID, 0, laeringsliv.MailJob{Mail: m}); err != nil {
			s.cfg.Logger.Warn("password reset mail not queued", "err_code", laeringsliv.ErrorCode(err))
		}
		return
	}
	if err := s.svc.Mailer.Send(ctx, m); err != nil {
		s.cfg.Logger.Warn("password reset mail not sent", "err_code", laeringsliv.ErrorCode(err))
	}
}

// ResetPage is the data of the page that sets a new password through a link.
type ResetPage struct {
	Page
	Token string
}

// usableReset finds the reset of the path's token, or answers that the link does not work.
func (s *Server) usableReset(w http.ResponseWriter, r *http.Request) (*laeringsliv.PasswordReset, bool) {
	if s.svc.Resets == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return nil, false
	}
	pr, err := s.svc.Resets.FindPasswordReset(r.Context(), laeringsliv.HashToken(r.PathValue("token")))
	if err == nil && !pr.Usable(s.cfg.Now()) {
		err = laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.reset_link_invalid")
	}
	if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND {
		err = laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.reset_link_invalid")
	}
	if err != nil {
		s.renderError(w, r, err)
		return nil, false
	}
	return pr, true
}

func (s *Server) resetPage(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.usableReset(w, r); !ok {
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "account_password_reset", ResetPage{Page: s.base(w, r, state(r).tr.T("reset.title")),
		Token: r.PathValue("token")})
}

func (s *Server) resetPassword(w http.ResponseWriter, r *http.Request) {
	pr, ok := s.usableReset(w, r)
	if !ok {
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	person, err := s.svc.People.FindPerson(r.Context(), pr.PersonID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v.Set("current", "") // no current password: the link stands for it
	f, errs := parsePasswordForm(v, person.Name, person.Email)
	if len(errs) > 0 {
		p := ResetPage{Page: s.base(w, r, state(r).tr.T("reset.title")), Token: r.PathValue("token")}
		p.Errors = errs
		s.render(w, r, http.StatusUnprocessableEntity, "account_password_reset", p)
		return
	}
	hash, err := s.cfg.PasswordHasher(f.New)
	if err == nil {
		_, err = s.svc.Resets.UsePasswordReset(r.Context(), laeringsliv.HashToken(r.PathValue("token")), hash, s.cfg.Now())
	}
	if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND {
		err = laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.reset_link_invalid") // used meanwhile
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.password_reset")
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
