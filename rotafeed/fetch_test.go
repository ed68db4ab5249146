package rotafeed

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"laeringsliv/rota"
)

// The guard: a server on this machine is refused unless the fetcher allows private
// addresses; only http(s) addresses are tried; a large or slow answer is cut off.
func TestFetchGuards(t *testing.T) {
	big := strings.Repeat("x", rota.MaxFeedSize+10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			_, _ = w.Write([]byte(big))
		case "/slow":
			time.Sleep(time.Second)
		case "/missing":
			http.NotFound(w, r)
		case "/redirect":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		default:
			_, _ = w.Write([]byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	open := Fetcher{AllowPrivate: true, Timeout: 300 * time.Millisecond}
	for _, tc := range []struct {
		f    Fetcher
		url  string
		code string
	}{
		{Fetcher{}, srv.URL + "/ok", CodeForbidden},
		{open, srv.URL + "/ok", ""},
		{open, "ftp://example.no/feed.ics", CodeAddress},
		{open, "webcal://example.no/feed.ics", CodeAddress},
		{open, "http://user:pw@example.no/feed.ics", CodeAddress},
		{open, srv.URL + "/big", CodeTooLarge},
		{open, srv.URL + "/slow", CodeUnreachable},
		{open, srv.URL + "/missing", CodeUnreachable},
		{open, srv.URL + "/redirect", CodeAddress},
	} {
		_, err := tc.f.Fetch(ctx, tc.url)
		if got := codeOf(err); got != tc.code {
			t.Errorf("%s: code %q (%v), want %q", tc.url, got, err, tc.code)
		}
	}
}

func codeOf(err error) string {
	if err == nil {
		return ""
	}
	return Code(err)
}

func TestPublic(t *testing.T) {
	for addr, want := range map[string]bool{"8.8.8.8": true, "127.0.0.1": false, "10.1.2.3": false, "192.168.1.1": false,
		"169.254.169.254": false, "100.64.0.1": false, "::1": false, "fd00::1": false, "2001:4860:4860::8888": true,
		"::ffff:127.0.0.1": false, "0.0.0.0": false} {
		if got := public(netip.MustParseAddr(addr)); got != want {
			t.Errorf("%s: %v", addr, got)
		}
	}
}
