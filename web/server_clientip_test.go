package web

import (
	"crypto/tls"
	"net/http/httptest"
	"testing"
)

func TestParseProxies(t *testing.T) {
	for _, tc := range []struct {
		in      string
		n       int
		wantErr bool
	}{
		{"", 0, false},
		{"127.0.0.1", 1, false},
		{"127.0.0.1, 10.0.0.0/8 ::1", 3, false},
		{"10.1.2.3/8", 1, false},
		{"fd00::/8,\n192.168.0.0/16", 2, false},
		{"localhost", 0, true},
		{"10.0.0.0/33", 0, true},
		{"1.2.3", 0, true},
	} {
		ps, err := ParseProxies(tc.in)
		if (err != nil) != tc.wantErr || len(ps) != tc.n {
			t.Errorf("ParseProxies(%q) = %v, %v; want %d prefixes, error %v", tc.in, ps, err, tc.n, tc.wantErr)
		}
	}
}

func TestResolvePeer(t *testing.T) {
	proxies, err := ParseProxies("127.0.0.1, 10.0.0.0/8")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		remote  string
		tls     bool
		headers map[string]string
		addr    string
		https   bool
	}{
		{"direct", "192.0.2.7:4000", false, nil, "192.0.2.7", false},
		{"direct TLS", "192.0.2.7:4000", true, nil, "192.0.2.7", true},
		{"untrusted peer's headers ignored", "192.0.2.7:4000", false,
			map[string]string{"X-Forwarded-For": "198.51.100.1", "X-Forwarded-Proto": "https"}, "192.0.2.7", false},
		{"trusted proxy", "127.0.0.1:4000", false,
			map[string]string{"X-Forwarded-For": "198.51.100.1", "X-Forwarded-Proto": "https"}, "198.51.100.1", true},
		{"trusted proxy, no header", "127.0.0.1:4000", false, nil, "127.0.0.1", false},
		{"spoofed left entry skipped", "127.0.0.1:4000", false,
			map[string]string{"X-Forwarded-For": "1.1.1.1, 198.51.100.1"}, "198.51.100.1", false},
		{"two trusted hops", "127.0.0.1:4000", false,
			map[string]string{"X-Forwarded-For": "198.51.100.1, 10.2.3.4"}, "198.51.100.1", false},
		{"garbage hop keeps the proxy", "127.0.0.1:4000", false,
			map[string]string{"X-Forwarded-For": "unknown"}, "127.0.0.1", false},
		{"port in X-Forwarded-For", "127.0.0.1:4000", false,
			map[string]string{"X-Forwarded-For": "[2001:db8::1]:5555"}, "2001:db8::1", false},
		{"Forwarded", "127.0.0.1:4000", false,
			map[string]string{"Forwarded": `for="[2001:db8::2]:1234";proto=https;by=10.0.0.1`}, "2001:db8::2", true},
		{"Forwarded wins", "127.0.0.1:4000", false,
			map[string]string{"Forwarded": "for=198.51.100.9;proto=http", "X-Forwarded-For": "198.51.100.1",
				"X-Forwarded-Proto": "https"}, "198.51.100.9", false},
		{"Forwarded chain", "10.9.9.9:80", false,
			map[string]string{"Forwarded": "for=203.0.113.5;proto=https, for=10.0.0.2;proto=http"}, "203.0.113.5", true},
		{"mapped v4", "[::ffff:127.0.0.1]:4000", false,
			map[string]string{"X-Forwarded-For": "198.51.100.1"}, "198.51.100.1", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = tc.remote
			if tc.tls {
				r.TLS = &tls.ConnectionState{}
			}
			for k, v := range tc.headers {
				r.Header.Set(k, v)
			}
			p := proxies.resolvePeer(r)
			if p.addr.String() != tc.addr || p.https != tc.https {
				t.Errorf("got %v https=%v, want %s https=%v", p.addr, p.https, tc.addr, tc.https)
			}
		})
	}
}

func FuzzResolvePeer(f *testing.F) {
	f.Add("198.51.100.1, 10.0.0.1", "https", `for="[2001:db8::1]:80";proto=https`)
	f.Add("unknown", "", `for=_hidden, for=";"`)
	proxies, _ := ParseProxies("127.0.0.0/8, 10.0.0.0/8")
	f.Fuzz(func(t *testing.T, xff, proto, fwd string) {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = "127.0.0.1:1"
		r.Header.Set("X-Forwarded-For", xff)
		r.Header.Set("X-Forwarded-Proto", proto)
		if fwd != "" {
			r.Header.Set("Forwarded", fwd)
		}
		p := proxies.resolvePeer(r)
		if !p.addr.IsValid() {
			t.Fatalf("no address for %q %q", xff, fwd)
		}
	})
}

func FuzzParseProxies(f *testing.F) {
	f.Add("127.0.0.1, 10.0.0.0/8 ::1")
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParseProxies(s)
		if err == nil {
			for _, p := range ps {
				if !p.IsValid() {
					t.Fatalf("invalid prefix from %q", s)
				}
			}
		}
	})
}
