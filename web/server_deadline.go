package web

import (
	"net/http"
	"time"
)

// Default request deadlines. Every request must arrive within ReadTimeout and be answered
// within WriteTimeout; live streams and large uploads set their own (see extendForUpload and
// live.Stream), so a client that trickles a body in cannot hold a connection for ever.
const (
	DefaultReadTimeout  = 30 * time.Second
	DefaultWriteTimeout = 60 * time.Second
	// uploadRate is the slowest upload that is still waited for: a weak mobile link.
	uploadRate = 16 << 10 // bytes per second
)

// deadlines gives every request its read and write deadline.
func (s *Server) deadlines(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		now := time.Now()
		// A writer without deadlines (a test's recorder) answers ErrNotSupported; nothing to do.
		_ = rc.SetReadDeadline(now.Add(s.cfg.ReadTimeout))
		_ = rc.SetWriteDeadline(now.Add(s.cfg.WriteTimeout))
		next.ServeHTTP(w, r)
	})
}

// extendForUpload gives a request whose body may hold a file of up to maxBytes the time a slow
// link needs to send it, on top of the ordinary deadlines.
func (s *Server) extendForUpload(w http.ResponseWriter, maxBytes int64) {
	extra := time.Duration(maxBytes/uploadRate) * time.Second
	rc := http.NewResponseController(w)
	now := time.Now()
	_ = rc.SetReadDeadline(now.Add(s.cfg.ReadTimeout + extra))
	_ = rc.SetWriteDeadline(now.Add(s.cfg.WriteTimeout + extra))
}
