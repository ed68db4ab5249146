package web

import (
	"context"
	"net/http"
	"net/netip"

	"laeringsliv"
)

type ctxKey int

const (
	ctxRequest ctxKey = iota
)

// reqState is what middleware learns about a request and handlers read. It is created once,
// by the outermost middleware, and filled in as the request goes inwards.
type reqState struct {
	pattern   string // the matched route, for logs and metrics
	requestID string // ties the request's log lines together; sent as X-Request-Id
	stream    bool   // a live event stream: counted, but kept out of the duration histogram
	actor     *laeringsliv.Actor
	session   *laeringsliv.LoginSession
	lang      string
	tr        *translator
	workplace *laeringsliv.Workplace  // the {workplace} of the path, once authorised
	programme *laeringsliv.Programme  // the {programme} of the path, once authorised
	ipe       *laeringsliv.IPESession // the {ipe} session of the path, once authorised
	job       *laeringsliv.Job        // the {job} of the path, once authorised
	clientIP  netip.Addr              // the client, behind any trusted proxy (withPeer)
	https     bool                    // whether the client used HTTPS (withPeer)
}

func state(r *http.Request) *reqState {
	if st, ok := r.Context().Value(ctxRequest).(*reqState); ok {
		return st
	}
	return &reqState{lang: "nb"}
}

func withState(r *http.Request, st *reqState) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), ctxRequest, st))
}

// number formats a number in the request's language, for charts as for tables.
func (st *reqState) number(v float64) string { return formatNumber(v, st.lang) }
