package web

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

// retryAfterSeconds is what a 503 asks the client to wait: long enough for a database restart
// or fail-over, short enough that a care worker's retry soon works.
const retryAfterSeconds = 10

// storeDown reports whether storage is unreachable, asked when a request has failed with an
// internal error: an outage is answered 503 with Retry-After instead of 500. The check costs
// nothing on requests that succeed.
func (s *Server) storeDown(r *http.Request) bool {
	if s.svc.Ready == nil {
		return false
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 2*time.Second)
	defer cancel()
	return s.svc.Ready(ctx) != nil
}

// apiUnavailable answers an API client during a storage outage.
func (s *Server) apiUnavailable(w http.ResponseWriter, r *http.Request, err error) {
	s.cfg.Logger.Warn("storage unavailable", "route", state(r).pattern, "err", err)
	w.Header().Set("Retry-After", strconv.Itoa(retryAfterSeconds))
	writeJSON(w, http.StatusServiceUnavailable, apiErrorBody{Error: apiError{Code: "unavailable",
		Message: state(r).tr.T("error.unavailable")}})
}
