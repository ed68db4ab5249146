package web

import (
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"laeringsliv"
)

// contentSecurityPolicy allows nothing from other hosts and no inline script or style.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		if isHTTPS(r) {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

// statusWriter records the status code for logs and metrics.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe logs each request (method, route pattern, status, duration — never query strings,
// form values or personal data), records metrics, and turns a panic into a 500.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		st := &reqState{lang: "nb", requestID: requestID(r, s.cfg.TrustedProxy)}
		w.Header().Set(requestIDHeader, st.requestID)
		r = withState(r, st)
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.cfg.Logger.ErrorContext(r.Context(), "panic", "err", v, "stack", string(debug.Stack()))
				if sw.status == 0 {
					http.Error(sw, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
				}
			}
			d := time.Since(start)
			pattern := st.pattern
			if pattern == "" {
				pattern = "unmatched"
			}
			s.metrics.observe(pattern, sw.status, d, st.stream)
			if r.URL.Path != "/healthz" && r.URL.Path != "/metrics" {
				s.cfg.Logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
					slog.String("method", r.Method), slog.String("route", pattern),
					slog.Int("status", sw.status), slog.Duration("duration", d))
			}
		}()
		next.ServeHTTP(sw, r)
	})
}

// Cookie names. The __Host- prefix makes the browser insist on Secure, Path=/ and no Domain.
const sessionCookie = "__Host-session"

// authenticate loads the signed-in person, if any, and the interface language.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := state(r)
		participant := participantAPI(r.URL.Path)
		if participant {
			dropSessionCookie(r)
		}
		if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
			actor, sess, err := s.loadSession(r, c.Value)
			switch {
			case err == nil:
				st.actor, st.session = actor, sess
			case laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND:
				clearCookie(w, sessionCookie)
			default:
				s.serverError(w, r, err)
				return
			}
		}
		if st.actor == nil && !participant {
			if err := s.authenticateAPIToken(r, st); err != nil {
				s.serverError(w, r, err)
				return
			}
		}
		saved := ""
		if st.actor != nil {
			saved = st.actor.Person.Locale
		}
		st.lang = pickLanguage(r, saved)
		st.tr = s.catalogs.translator(st.lang, s.missingKey)
		w.Header().Set("Content-Language", st.lang)
		w.Header().Add("Vary", "Accept-Language, Cookie")
		next.ServeHTTP(w, r)
	})
}

// participantAPI reports whether path belongs to the IPE participant API, which serves devices
// by their anonymous participant token alone. It never reads or touches a login session, even
// when the browser sends one: a login session's activity stamp next to a note would tell who
// wrote it. The facilitator's phase change is not part of it.
func participantAPI(path string) bool {
	if path == "/api/v1/join" {
		return true
	}
	rest, ok := strings.CutPrefix(path, "/api/v1/sessions/")
	return ok && !strings.HasSuffix(rest, "/phase")
}

// dropSessionCookie removes the login session's cookie from the request, keeping the others
// (the language).
func dropSessionCookie(r *http.Request) {
	cookies := r.Cookies()
	r.Header.Del("Cookie")
	for _, c := range cookies {
		if c.Name != sessionCookie {
			r.AddCookie(c)
		}
	}
}

// loadSession finds a live login session by its token and loads its person and memberships.
// An expired session is deleted and reported as not found.
func (s *Server) loadSession(r *http.Request, token string) (*laeringsliv.Actor, *laeringsliv.LoginSession, error) {
	ctx := r.Context()
	sess, err := s.svc.Auth.FindLoginSession(ctx, laeringsliv.HashToken(token))
	if err != nil {
		return nil, nil, err
	}
	now := s.cfg.Now()
	if sess.Expired(now) {
		if err := s.svc.Auth.DeleteLoginSession(ctx, sess.TokenHash); err != nil {
			return nil, nil, err
		}
		return nil, nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	// Record activity to the minute, once a minute at most, so that reading pages costs no
	// write each time and no stamp dates an action more finely.
	if now.Truncate(time.Minute).After(sess.LastSeenAt) {
		if err := s.svc.Auth.TouchLoginSession(ctx, sess.ID, now); err != nil {
			return nil, nil, err
		}
		sess.LastSeenAt = now
	}
	actor, err := s.loadActor(r, sess.PersonID)
	return actor, sess, err
}

func (s *Server) loadActor(r *http.Request, personID int64) (*laeringsliv.Actor, error) {
	p, err := s.svc.People.FindPerson(r.Context(), personID)
	if err != nil {
		return nil, err
	}
	ms, err := s.svc.Members.FindMemberships(r.Context(), laeringsliv.MembershipFilter{PersonID: personID})
	if err != nil {
		return nil, err
	}
	return &laeringsliv.Actor{Person: p, Memberships: ms}, nil
}

// guard enforces a route's access rule. For policy routes it loads the workplace or programme
// named in the path, asks the policy, and hands the loaded resource to the handler.
func (s *Server) guard(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := state(r)
		st.pattern = r.Pattern
		if rt.access == accessPublic {
			rt.handler.ServeHTTP(w, r)
			return
		}
		if st.actor == nil {
			s.redirectToLogin(w, r)
			return
		}
		if rt.access == accessPolicy {
			res, err := s.resource(r, st)
			if err != nil {
				s.renderError(w, r, err)
				return
			}
			if !st.actor.Can(rt.action, res) {
				s.renderError(w, r, laeringsliv.Errorf(laeringsliv.EFORBIDDEN, "error.forbidden"))
				return
			}
		}
		rt.handler.ServeHTTP(w, r)
	})
}

// resource resolves what a policy route touches from its path.
func (s *Server) resource(r *http.Request, st *reqState) (laeringsliv.Resource, error) {
	ctx := r.Context()
	if v := r.PathValue("ipe"); v != "" {
		return s.ipeResource(r, st, v)
	}
	if v := r.PathValue("job"); v != "" {
		return s.jobResource(r, st, v)
	}
	if v := r.PathValue("workplace"); v != "" {
		id, err := pathID(v)
		if err != nil {
			return laeringsliv.Resource{}, err
		}
		wp, err := s.svc.Org.FindWorkplace(ctx, id)
		if err != nil {
			return laeringsliv.Resource{}, err
		}
		st.workplace = wp
		res := laeringsliv.WorkplaceResource(wp)
		if v := r.PathValue("person"); v != "" { // one person's own things at the workplace
			if res.OwnerID, err = pathID(v); err != nil {
				return laeringsliv.Resource{}, err
			}
		}
		return res, nil
	}
	if v := r.PathValue("programme"); v != "" {
		id, err := pathID(v)
		if err != nil {
			return laeringsliv.Resource{}, err
		}
		p, err := s.svc.Org.FindProgramme(ctx, id)
		if err != nil {
			return laeringsliv.Resource{}, err
		}
		st.programme = p
		if strings.Contains(r.Pattern, "/handbook") {
			return s.handbookResource(ctx, p)
		}
		return laeringsliv.ProgrammeResource(p), nil
	}
	return laeringsliv.InstitutionResource(s.cfg.InstitutionID), nil
}

// pathID parses a numeric id from the path; anything else is not found.
func pathID(v string) (int64, error) {
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	return id, nil
}

func clearCookie(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1,
		Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

var errBodyTooLarge = errors.New("request body too large")
