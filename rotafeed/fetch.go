// Package rotafeed fetches a person's own rota from the iCalendar address their rota system
// gives them. The address is outside input, so the fetch is guarded against being turned on
// the platform's own network: only http and https, only public addresses (checked on the
// address actually dialled, so a name that resolves to a private one is refused too), a time
// limit, and a size limit.
package rotafeed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"laeringsliv/rota"
)

// Error codes of a failed fetch, for the owner's page.
const (
	CodeAddress     = "address"     // not an http or https address
	CodeForbidden   = "forbidden"   // a private or local address
	CodeUnreachable = "unreachable" // no answer, or not 200
	CodeTooLarge    = "too_large"
	CodeMalformed   = "malformed" // not an iCalendar feed
)

// Error is a failed fetch with its code.
type Error struct {
	Code string
	Err  error
}

func (e *Error) Error() string { return "rotafeed: " + e.Code + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Code returns err's code, or CodeUnreachable for an error of another kind.
func Code(err error) string {
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Code
	}
	return CodeUnreachable
}

// Fetcher fetches feeds. The zero value refuses private addresses and waits 20 seconds.
type Fetcher struct {
	Timeout time.Duration
	// AllowPrivate lets loopback and private addresses through: for tests against a server
	// on this machine, never in production.
	AllowPrivate bool
}

// CheckURL tells whether an address may be subscribed to at all.
func CheckURL(raw string) error {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || len(raw) > 2000 {
		return &Error{Code: CodeAddress, Err: fmt.Errorf("not an http(s) address")}
	}
	return nil
}

// Fetch reads the feed at raw and returns its shifts.
func (f Fetcher) Fetch(ctx context.Context, raw string) ([]rota.Shift, error) {
	if err := CheckURL(raw); err != nil {
		return nil, err
	}
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = 20 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSpace(raw), nil)
	if err != nil {
		return nil, &Error{Code: CodeAddress, Err: err}
	}
	req.Header.Set("Accept", "text/calendar")
	resp, err := f.client().Do(req)
	if err != nil {
		var fe *Error
		if errors.As(err, &fe) {
			return nil, fe
		}
		return nil, &Error{Code: CodeUnreachable, Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, &Error{Code: CodeUnreachable, Err: fmt.Errorf("status %d", resp.StatusCode)}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, rota.MaxFeedSize+1))
	if err != nil {
		return nil, &Error{Code: CodeUnreachable, Err: err}
	}
	if len(body) > rota.MaxFeedSize {
		return nil, &Error{Code: CodeTooLarge, Err: fmt.Errorf("over %d bytes", rota.MaxFeedSize)}
	}
	shifts, err := rota.ParseICalendar(body)
	if err != nil {
		return nil, &Error{Code: CodeMalformed, Err: err}
	}
	return shifts, nil
}

// client is an HTTP client without proxy whose dialler refuses non-public addresses and
// which follows at most three redirects, each to an http(s) address.
func (f Fetcher) client() *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
		if f.AllowPrivate {
			return nil
		}
		ap, err := netip.ParseAddrPort(address)
		if err != nil || !public(ap.Addr()) {
			return &Error{Code: CodeForbidden, Err: fmt.Errorf("a private or local address")}
		}
		return nil
	}}
	tr := &http.Transport{DialContext: dialer.DialContext, TLSHandshakeTimeout: 10 * time.Second,
		ResponseHeaderTimeout: 15 * time.Second, MaxResponseHeaderBytes: 64 << 10}
	return &http.Client{Transport: tr, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= 3 {
			return errors.New("too many redirects")
		}
		return CheckURL(req.URL.String())
	}}
}

// public reports whether a is an address on the public internet.
func public(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsGlobalUnicast() && !a.IsPrivate() && !a.IsLoopback() && !a.IsLinkLocalUnicast() &&
		!netip.MustParsePrefix("100.64.0.0/10").Contains(a) && !netip.MustParsePrefix("fc00::/7").Contains(a)
}
