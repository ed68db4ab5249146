package web

import (
	"context"
	"crypto/rand"
	"log/slog"
	"net/http"
)

// requestIDHeader carries a request's id in responses, and in requests from a trusted proxy.
const requestIDHeader = "X-Request-Id"

// requestID returns the id of the request: the proxy's, when trusted says the request came
// through a proxy the deployment trusts and its id is well formed, otherwise a new random one.
func requestID(r *http.Request, trusted func(*http.Request) bool) string {
	if trusted != nil && trusted(r) {
		if id := r.Header.Get(requestIDHeader); validRequestID(id) {
			return id
		}
	}
	return rand.Text()
}

// validRequestID accepts 1–64 letters, digits, '-', '_', '.' and ':' — enough for the ids
// proxies make, and nothing that could break a log line or a header.
func validRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range []byte(id) {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '_' || c == '.' || c == ':'
		if !ok {
			return false
		}
	}
	return true
}

// requestIDHandler adds the request's id to every record logged with the request's context.
type requestIDHandler struct{ slog.Handler }

func (h requestIDHandler) Handle(ctx context.Context, rec slog.Record) error {
	if st, ok := ctx.Value(ctxRequest).(*reqState); ok && st.requestID != "" {
		rec.AddAttrs(slog.String("request_id", st.requestID))
	}
	return h.Handler.Handle(ctx, rec)
}

func (h requestIDHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return requestIDHandler{h.Handler.WithAttrs(as)}
}

func (h requestIDHandler) WithGroup(name string) slog.Handler {
	return requestIDHandler{h.Handler.WithGroup(name)}
}
