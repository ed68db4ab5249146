package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// The state of one sign-in through a provider travels in a short-lived, signed cookie: the
// state and nonce to compare with what comes back, the PKCE verifier, where to go afterwards
// and the invitation being accepted, if any. Nothing is stored on the server until sign-in.
const (
	oidcFlowCookie   = "__Host-oidc-flow"
	oidcLogoutCookie = "__Host-oidc-logout"
	oidcFlowLifetime = 10 * time.Minute
)

type oidcFlow struct {
	Provider   string `json:"p"`
	State      string `json:"s"`
	Nonce      string `json:"n"`
	Verifier   string `json:"v"`
	Next       string `json:"x,omitempty"`
	Invitation string `json:"i,omitempty"`
	Expires    int64  `json:"e"`
}

func (s *Server) signFlow(payload string) string {
	m := hmac.New(sha256.New, s.devices.key)
	m.Write([]byte("oidc-flow\x00" + payload))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (s *Server) setFlow(w http.ResponseWriter, f oidcFlow) {
	f.Expires = s.cfg.Now().Add(oidcFlowLifetime).Unix()
	b, _ := json.Marshal(f)
	payload := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: oidcFlowCookie, Value: payload + "." + s.signFlow(payload), Path: "/",
		MaxAge: int(oidcFlowLifetime.Seconds()), Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// takeFlow reads and clears the flow cookie: each flow is good for one callback.
func (s *Server) takeFlow(w http.ResponseWriter, r *http.Request) (oidcFlow, bool) {
	c, err := r.Cookie(oidcFlowCookie)
	if err != nil {
		return oidcFlow{}, false
	}
	clearCookie(w, oidcFlowCookie)
	return s.parseFlow(c.Value)
}

// parseFlow checks a flow cookie's signature and expiry.
func (s *Server) parseFlow(v string) (oidcFlow, bool) {
	payload, sig, ok := strings.Cut(v, ".")
	if !ok || len(v) > 4096 || !hmac.Equal([]byte(sig), []byte(s.signFlow(payload))) {
		return oidcFlow{}, false
	}
	b, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		return oidcFlow{}, false
	}
	var f oidcFlow
	if json.Unmarshal(b, &f) != nil || s.cfg.Now().Unix() > f.Expires || f.State == "" || f.Verifier == "" {
		return oidcFlow{}, false
	}
	return f, true
}
