package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAcceptsGzip(t *testing.T) {
	for _, tc := range []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"GZIP", true},
		{"gzip, deflate, br", true},
		{"br, gzip;q=0.8", true},
		{"deflate", false},
		{"gzip;q=0", false},
		{"gzip; q=0.0", false},
		{"gzip;q=abc", false},
		{"gzip;q=2", false},
		{"*", true},
		{"*;q=0", false},
		{"*, gzip;q=0", false},
		{"gzip;q=0, *", false},
		{"identity", false},
		{"x-gzip", true},
		{" , ;;, gzip ;q=0.5", true},
	} {
		if got := acceptsGzip(tc.header); got != tc.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", tc.header, got, tc.want)
		}
	}
}

func FuzzAcceptsGzip(f *testing.F) {
	for _, s := range []string{"gzip", "gzip;q=0", "*;q=0.5, br", ";;=,", "gzip;q=1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		got := acceptsGzip(header)
		if !strings.Contains(strings.ToLower(header), "gzip") && !strings.Contains(header, "*") && got {
			t.Errorf("acceptsGzip(%q) = true without gzip or *", header)
		}
	})
}

func TestCompress(t *testing.T) {
	page := strings.Repeat("<p>Notat fra personalrommet</p>\n", 200)
	handler := func(ctype string, status int, body string, hdr map[string]string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if ctype != "" {
				w.Header().Set("Content-Type", ctype)
			}
			for k, v := range hdr {
				w.Header().Set(k, v)
			}
			if status != 0 {
				w.WriteHeader(status)
			}
			_, _ = io.WriteString(w, body)
		}
	}
	for _, tc := range []struct {
		name     string
		method   string
		accept   string
		h        http.HandlerFunc
		wantGzip bool
		wantBody string
		status   int
	}{
		{"html page, gzip accepted", "GET", "gzip, deflate", handler("text/html; charset=utf-8", 0, page, nil), true, page, 200},
		{"html page, gzip refused", "GET", "gzip;q=0", handler("text/html; charset=utf-8", 0, page, nil), false, page, 200},
		{"html page, no header", "GET", "", handler("text/html; charset=utf-8", 0, page, nil), false, page, 200},
		{"json with a status", "POST", "gzip", handler("application/json", 201, page, nil), true, page, 201},
		{"error page", "GET", "gzip", handler("text/html", 404, page, nil), true, page, 404},
		{"small page", "GET", "gzip", handler("text/html", 0, "<p>kort</p>", nil), false, "<p>kort</p>", 200},
		{"image", "GET", "gzip", handler("image/png", 0, page, nil), false, page, 200},
		{"already encoded", "GET", "gzip", handler("text/css", 0, page, map[string]string{"Content-Encoding": "gzip"}), false, page, 200},
		{"not modified", "GET", "gzip", handler("text/html", 304, "", nil), false, "", 304},
		{"no content", "GET", "gzip", handler("", 204, "", nil), false, "", 204},
		{"head", "HEAD", "gzip", handler("text/html", 0, "", nil), false, "", 200},
		{"redirect without body", "POST", "gzip", handler("", 303, "", map[string]string{"Location": "/"}), false, "", 303},
		{"nothing written", "GET", "gzip", func(http.ResponseWriter, *http.Request) {}, false, "", 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, "/", nil)
			if tc.accept != "" {
				req.Header.Set("Accept-Encoding", tc.accept)
			}
			rec := httptest.NewRecorder()
			compress(tc.h).ServeHTTP(rec, req)
			res := rec.Result()
			if res.StatusCode != tc.status {
				t.Errorf("status %d, want %d", res.StatusCode, tc.status)
			}
			if v := res.Header.Get("Vary"); v != "Accept-Encoding" {
				t.Errorf("Vary = %q", v)
			}
			body := rec.Body.Bytes()
			gz := res.Header.Get("Content-Encoding") == "gzip"
			if gz != tc.wantGzip && tc.name != "already encoded" {
				t.Fatalf("gzip = %v, want %v", gz, tc.wantGzip)
			}
			if gz && tc.name != "already encoded" {
				if len(body) >= len(tc.wantBody) {
					t.Errorf("compressed %d bytes into %d", len(tc.wantBody), len(body))
				}
				zr, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				if body, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
			}
			if string(body) != tc.wantBody {
				t.Errorf("body %q…, want %q…", trim(string(body)), trim(tc.wantBody))
			}
		})
	}
}

func trim(s string) string { return s[:min(len(s), 40)] }

// An event stream goes out uncompressed, and each flushed event reaches the client at once.
func TestCompressLeavesEventStreams(t *testing.T) {
	next := make(chan struct{})
	srv := httptest.NewServer(compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		rc := http.NewResponseController(w)
		for i := range 2 {
			_, _ = io.WriteString(w, "event: hat\ndata: "+strings.Repeat("x", i)+"\n\n")
			if err := rc.Flush(); err != nil {
				t.Error(err)
			}
			<-next
		}
	})))
	defer srv.Close()
	defer close(next)
	req, _ := http.NewRequest("GET", srv.URL, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ce := res.Header.Get("Content-Encoding"); ce != "" {
		t.Errorf("event stream has Content-Encoding %q", ce)
	}
	buf := make([]byte, 64)
	n, err := res.Body.Read(buf) // arrives although the handler has not returned
	if err != nil || !strings.HasPrefix(string(buf[:n]), "event: hat\n") {
		t.Errorf("first event: %q, %v", buf[:n], err)
	}
}

// A compressed response that the handler flushes reaches the client before the handler ends.
func TestCompressFlushes(t *testing.T) {
	next := make(chan struct{})
	page := strings.Repeat("<li>rad</li>\n", 200)
	srv := httptest.NewServer(compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, page)
		http.NewResponseController(w).Flush()
		<-next
	})))
	defer srv.Close()
	defer close(next)
	req, _ := http.NewRequest("GET", srv.URL, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	zr, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]byte, len(page))
	if _, err := io.ReadFull(zr, got); err != nil || string(got) != page {
		t.Errorf("flushed page: %v", err)
	}
}
