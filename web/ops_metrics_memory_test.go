package web

import (
	"net/http/httptest"
	"testing"
)

func TestFromLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:5000":  true,
		"127.8.9.1:1":     true,
		"[::1]:443":       true,
		"10.0.0.1:5000":   false,
		"[2001:db8::1]:1": false,
		"127.0.0.1":       false, // no port: not what net/http gives
		"localhost:80":    false, // a name, never resolved
		"":                false,
	} {
		r := httptest.NewRequest("GET", "/metrics?gc=1", nil)
		r.RemoteAddr = addr
		if got := clientIP(r).IsLoopback(); got != want {
			t.Errorf("clientIP(%q).IsLoopback() = %v, want %v", addr, got, want)
		}
	}
}
