package web

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func flowServer(now func() time.Time) *Server {
	return &Server{cfg: Config{Now: now}, devices: newDevices([]byte("0123456789abcdef0123456789abcdef"), now)}
}

func TestOIDCFlowCookie(t *testing.T) {
	c := newFakeClock()
	s := flowServer(c.now)
	rec := httptest.NewRecorder()
	want := oidcFlow{Provider: "feide", State: "st", Nonce: "no", Verifier: "ve", Next: "/x", Invitation: "inv"}
	s.setFlow(rec, want)
	ck := rec.Result().Cookies()[0]
	if ck.Name != oidcFlowCookie || !ck.HttpOnly || !ck.Secure {
		t.Fatalf("cookie %+v", ck)
	}
	got, ok := s.parseFlow(ck.Value)
	want.Expires = got.Expires
	if !ok || got != want {
		t.Fatalf("parsed %+v, %v; want %+v", got, ok, want)
	}
	payload, sig, _ := strings.Cut(ck.Value, ".")
	for name, v := range map[string]string{
		"empty":         "",
		"no signature":  payload,
		"bad signature": payload + "." + strings.Repeat("A", len(sig)),
		"other key": func() string {
			r := httptest.NewRecorder()
			other := flowServer(c.now)
			other.devices.key = []byte("another key of thirty-two bytes!")
			other.setFlow(r, want)
			return r.Result().Cookies()[0].Value
		}(),
		"not base64":     "%%%." + s.signFlow("%%%"),
		"not JSON":       "bm90IGpzb24." + s.signFlow("bm90IGpzb24"),
		"too long":       strings.Repeat("a", 5000),
		"missing fields": "e30." + s.signFlow("e30"), // {}
	} {
		if _, ok := s.parseFlow(v); ok {
			t.Errorf("%s: accepted", name)
		}
	}
	c.add(oidcFlowLifetime + time.Second)
	if _, ok := s.parseFlow(ck.Value); ok {
		t.Error("an expired flow was accepted")
	}
}

func FuzzOIDCFlowCookie(f *testing.F) {
	c := newFakeClock()
	s := flowServer(c.now)
	rec := httptest.NewRecorder()
	s.setFlow(rec, oidcFlow{Provider: "p", State: "s", Nonce: "n", Verifier: "v"})
	f.Add(rec.Result().Cookies()[0].Value)
	f.Add("e30.x")
	f.Fuzz(func(t *testing.T, v string) {
		if fl, ok := s.parseFlow(v); ok && (fl.State == "" || fl.Verifier == "") {
			t.Fatalf("accepted %q without state or verifier", v)
		}
	})
}
