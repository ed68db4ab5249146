package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"laeringsliv"
)

// statusOf maps an application error code to an HTTP status.
func statusOf(code string) int {
	switch code {
	case laeringsliv.EINVALID:
		return http.StatusUnprocessableEntity
	case laeringsliv.ENOTFOUND:
		return http.StatusNotFound
	case laeringsliv.EFORBIDDEN:
		return http.StatusForbidden
	case laeringsliv.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case laeringsliv.ECONFLICT:
		return http.StatusConflict
	case laeringsliv.ERATELIMIT:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// ErrorPage is the data of the error page.
type ErrorPage struct {
	Page
	Status int
	Key    string
}

// renderError shows an error page in the user's language. Only internal errors are logged;
// their text never reaches the user.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	code := laeringsliv.ErrorCode(err)
	if code == laeringsliv.EINTERNAL {
		s.serverError(w, r, err)
		return
	}
	status := statusOf(code)
	p := ErrorPage{Page: s.base(w, r, ""), Status: status, Key: laeringsliv.ErrorKey(err)}
	p.Title = state(r).tr.T(p.Key)
	s.render(w, r, status, "error", p)
}

// serverError logs an internal error and shows a generic page. The log line holds the error
// and the route, never form values or personal data.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	key := "error.internal"
	switch {
	case errors.Is(err, errBodyTooLarge):
		status = http.StatusRequestEntityTooLarge
	case s.storeDown(r):
		// Not the request's fault and not a bug: ask the client to come back.
		status, key = http.StatusServiceUnavailable, "error.unavailable"
		w.Header().Set("Retry-After", strconv.Itoa(retryAfterSeconds))
	}
	if status == http.StatusServiceUnavailable {
		s.cfg.Logger.WarnContext(r.Context(), "storage unavailable", "route", state(r).pattern, "err", err)
	} else {
		s.cfg.Logger.ErrorContext(r.Context(), "internal error", "route", state(r).pattern, "err", err)
	}
	st := state(r)
	msg := http.StatusText(status)
	if st.tr != nil {
		msg = st.tr.T(key)
	}
	// Plain text on purpose: rendering the error page could fail the same way again.
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(msg + "\n"))
}

// redirectToLogin sends a visitor who is not signed in to the login page, remembering where
// they were going.
func (s *Server) redirectToLogin(w http.ResponseWriter, r *http.Request) {
	target := "/login"
	if r.Method == http.MethodGet && r.URL.Path != "/" {
		target += "?next=" + url.QueryEscape(r.URL.RequestURI())
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// safeNext returns a local path to go to after a form, or "/" for anything that could lead
// to another site.
func safeNext(next string) string {
	if next == "" || len(next) > 2000 || next[0] != '/' || (len(next) > 1 && (next[1] == '/' || next[1] == '\\')) {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Host != "" || u.Scheme != "" {
		return "/"
	}
	return u.RequestURI()
}
