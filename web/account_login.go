package web

import (
	"context"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"laeringsliv"
)

// LoginPage is the data of the login page.
type LoginPage struct {
	Page
	Email        string
	Next         string
	SharedDevice bool
	Handbooks    []*laeringsliv.Handbook // published, for newcomers without an account
	CanReset     bool                    // a reset link can be mailed
	Passwords    bool                    // the e-mail and password form is shown
	Providers    []ProviderButton
}

// ProviderButton is one OpenID Provider on the login page.
type ProviderButton struct {
	Name, DisplayName, Href string
}

// loginData is the login page for a visitor going to next.
func (s *Server) loginData(w http.ResponseWriter, r *http.Request, next string) LoginPage {
	p := LoginPage{Page: s.base(w, r, state(r).tr.T("login.title")), Next: next,
		CanReset: s.resetEnabled() && !s.cfg.NoPasswordLogin, Passwords: !s.cfg.NoPasswordLogin,
		Handbooks: s.publishedHandbooks(r)}
	for _, c := range s.cfg.OIDC {
		href := "/login/oidc/" + c.Name
		if next != "/" {
			href += "?next=" + url.QueryEscape(next)
		}
		p.Providers = append(p.Providers, ProviderButton{Name: c.Name, DisplayName: c.DisplayName, Href: href})
	}
	return p
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	if state(r).actor != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	p := s.loginData(w, r, safeNext(r.URL.Query().Get("next")))
	s.render(w, r, http.StatusOK, "account_login", p)
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if s.cfg.NoPasswordLogin {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	f := parseLoginForm(v)
	p := s.loginData(w, r, f.Next)
	p.Email, p.SharedDevice = f.Email, f.SharedDevice
	att := loginAttempt{email: f.Email, addr: clientAddr(r)}
	if dev, ok := s.devices.read(r, f.Email); ok {
		att.device = dev.nonce
	}
	if wait := s.limiter.wait(att); wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		p.Errors = []FieldErr{{"email", "error.login_slow_down"}}
		s.render(w, r, http.StatusTooManyRequests, "account_login", p)
		return
	}
	person, ok, err := s.checkCredentials(r, f.Email, f.Password)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !ok {
		s.limiter.failed(att)
		p.Errors = []FieldErr{{"email", "error.login_failed"}}
		s.render(w, r, http.StatusUnauthorized, "account_login", p)
		return
	}
	s.limiter.succeeded(att)
	if !f.SharedDevice {
		s.devices.issue(w, f.Email) // not on a shared computer: the next person there is someone else
	}
	if err := s.startSession(w, r, person, f.SharedDevice); err != nil {
		s.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, f.Next, http.StatusSeeOther)
}

// checkCredentials reports whether the password is the person's. An unknown address costs the
// same time as a wrong password, so that logins do not tell which addresses exist.
func (s *Server) checkCredentials(r *http.Request, email, pw string) (*laeringsliv.Person, bool, error) {
	ctx := r.Context()
	p, err := s.svc.People.FindPersonByEmail(ctx, email)
	if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND {
		_, _ = s.cfg.PasswordChecker(pw, dummyHash)
		return nil, false, nil
	} else if err != nil {
		return nil, false, err
	}
	hash, err := s.svc.People.PasswordHash(ctx, p.ID)
	if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND {
		_, _ = s.cfg.PasswordChecker(pw, dummyHash)
		return nil, false, nil
	} else if err != nil {
		return nil, false, err
	}
	ok, err := s.cfg.PasswordChecker(pw, hash)
	if err != nil || !ok {
		return nil, false, nil
	}
	if p.InstitutionID != s.cfg.InstitutionID {
		return p, false, nil
	}
	if s.cfg.PasswordNeedsRehash != nil && s.cfg.PasswordNeedsRehash(hash) {
		if err := s.rehash(ctx, p.ID, pw); err != nil {
			s.cfg.Logger.Warn("rehash password", "err", err) // the old hash still works
		}
	}
	return p, true, nil
}

// rehash stores a fresh hash of a password just proven right, with the current parameters.
func (s *Server) rehash(ctx context.Context, personID int64, pw string) error {
	h, err := s.cfg.PasswordHasher(pw)
	if err != nil {
		return err
	}
	return s.svc.People.SetPasswordHash(ctx, personID, h)
}

// dummyHash is a well-formed hash that matches no password.
const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

// startSession signs a person in with a fresh token, so that a token fixed before login is
// worthless after it.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, p *laeringsliv.Person, shared bool) error {
	token := laeringsliv.NewToken()
	now := s.cfg.Now()
	sess := &laeringsliv.LoginSession{InstitutionID: p.InstitutionID, PersonID: p.ID,
		TokenHash: laeringsliv.HashToken(token), SharedDevice: shared,
		IdleTimeout: laeringsliv.OwnDeviceIdleTimeout, CreatedAt: now, LastSeenAt: now}
	c := &http.Cookie{Name: sessionCookie, Value: token, Path: "/", Secure: true, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, MaxAge: int((30 * 24 * time.Hour).Seconds())}
	if shared {
		// On a shared computer: a short idle timeout, and a cookie that dies with the browser.
		sess.IdleTimeout = laeringsliv.SharedDeviceIdleTimeout
		c.MaxAge = 0
	}
	if err := s.svc.Auth.CreateLoginSession(r.Context(), sess); err != nil {
		return err
	}
	http.SetCookie(w, c)
	return nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if sess := state(r).session; sess != nil {
		if err := s.svc.Auth.DeleteLoginSession(r.Context(), sess.TokenHash); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	clearCookie(w, sessionCookie)
	setFlash(w, "flash.signed_out")
	if u := s.endSessionURL(w, r); u != "" { // single logout at the provider signed in through
		s.signOutAtProvider(w, r, u)
		return
	}
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// PasswordPage is the data of the change-password page.
type PasswordPage struct {
	Page
}

func (s *Server) passwordPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "account_password", PasswordPage{Page: s.base(w, r, state(r).tr.T("password.title"))})
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	f, errs := parsePasswordForm(v, st.actor.Person.Name, st.actor.Person.Email)
	p := PasswordPage{Page: s.base(w, r, st.tr.T("password.title"))}
	if len(errs) == 0 {
		if _, ok, err := s.checkCredentials(r, st.actor.Person.Email, f.Current); err != nil {
			s.serverError(w, r, err)
			return
		} else if !ok {
			errs = append(errs, FieldErr{"current", "error.password_wrong"})
		}
	}
	if len(errs) > 0 {
		p.Errors = errs
		s.render(w, r, http.StatusUnprocessableEntity, "account_password", p)
		return
	}
	hash, err := s.cfg.PasswordHasher(f.New)
	if err == nil {
		err = s.svc.People.SetPasswordHash(r.Context(), st.actor.Person.ID, hash)
	}
	if err == nil {
		// Sign out every other browser: a changed password should lock out whoever knew the old.
		err = s.svc.Auth.DeleteLoginSessions(r.Context(), st.actor.Person.ID, st.session.ID)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	setFlash(w, "flash.password_changed")
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// setLanguage remembers the chosen language in a cookie and, when signed in, on the person.
func (s *Server) setLanguage(w http.ResponseWriter, r *http.Request) {
	lang := normLang(r.PathValue("lang"))
	next := safeNext(r.URL.Query().Get("next"))
	if lang == "" {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	if a := state(r).actor; a != nil && a.Person.Locale != lang {
		p := *a.Person
		p.Locale = lang
		if err := s.svc.People.UpdatePerson(r.Context(), &p); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}
