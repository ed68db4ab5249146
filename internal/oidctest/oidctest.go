// Package oidctest runs a real OpenID Provider in the test process, built on zitadel's op
// package with an in-memory storage of its own: discovery, the authorization endpoint with a
// login page of its own, the token endpoint (PKCE checked), signed ID tokens, the key set
// and end_session. Tests sign in through it as a browser would. Only tests import it.
package oidctest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// User is an account at the provider.
type User struct {
	Subject  string
	Username string
	Password string
	Name     string
	Email    string
	// EmailUnverified makes the provider say email_verified=false.
	EmailUnverified bool
	// Claims are added to the ID token (eduPersonPrincipalName, for instance).
	Claims map[string]any
}

// Client is a relying party registered at the provider.
type Client struct {
	ID, Secret     string
	RedirectURI    string
	PostLogoutURIs []string
}

// Provider is a running provider.
type Provider struct {
	URL     string // the issuer
	server  *httptest.Server
	store   *storage
	op      *op.Provider
	Logouts func() int // how many end_session requests were served
}

// Start starts a provider, stopped at the test's end.
func Start(t testing.TB) *Provider {
	t.Helper()
	st := newStorage(t)
	srv := httptest.NewUnstartedServer(nil)
	srv.Start()
	t.Cleanup(srv.Close)
	var cryptoKey [32]byte
	_, _ = rand.Read(cryptoKey[:])
	cfg := &op.Config{CryptoKey: sha256.Sum256(cryptoKey[:]), CodeMethodS256: true, AuthMethodPost: true,
		DefaultLogoutRedirectURI: "/signed-out"}
	prov, err := op.NewProvider(cfg, st, op.StaticIssuer(srv.URL), op.WithAllowInsecure(),
		op.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	if err != nil {
		t.Fatal(err)
	}
	p := &Provider{URL: srv.URL, server: srv, store: st, op: prov}
	p.Logouts = func() int { st.mu.Lock(); defer st.mu.Unlock(); return st.logouts }
	mux := http.NewServeMux()
	login := op.NewIssuerInterceptor(prov.IssuerFromRequest).HandlerFunc(p.login)
	mux.HandleFunc("/ui/login", login)
	mux.HandleFunc("/signed-out", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "signed out") })
	mux.Handle("/", prov)
	srv.Config.Handler = mux
	return p
}

// AddUser creates an account.
func (p *Provider) AddUser(u User) { p.store.addUser(u) }

// AddClient registers a relying party.
func (p *Provider) AddClient(c Client) { p.store.addClient(c) }

// RotateKey signs from now on with a new key. With keepOld the old key stays in the key set,
// as providers do during a rotation; without, it is gone at once.
func (p *Provider) RotateKey(keepOld bool) { p.store.rotate(keepOld) }

// SetIDTokenLifetime changes how long ID tokens are valid; a negative lifetime issues tokens
// that have expired already.
func (p *Provider) SetIDTokenLifetime(d time.Duration) {
	p.store.mu.Lock()
	defer p.store.mu.Unlock()
	p.store.idTokenLifetime = d
}

// SetForeignAudience makes the provider act as if every sign-in were for the relying party
// named aud: the ID tokens it issues then carry that audience (and authorised party) instead
// of the client that asked. "" returns to normal.
func (p *Provider) SetForeignAudience(aud string) {
	p.store.mu.Lock()
	defer p.store.mu.Unlock()
	p.store.foreign = aud
}

var loginPage = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test provider: sign in</title></head>
<body><h1>Test provider</h1>
{{if .Error}}<p role="alert">{{.Error}}</p>{{end}}
<form method="post" action="/ui/login">
<input type="hidden" name="id" value="{{.ID}}">
<label for="username">Username</label> <input id="username" name="username" autocomplete="username">
<label for="password">Password</label> <input id="password" name="password" type="password">
<button id="submit" type="submit">Sign in</button>
</form></body></html>`))

// login is the provider's own login page: it checks the username and password, marks the
// authorization request as done for the user, and hands back to the op package, which issues
// the code and redirects to the relying party.
func (p *Provider) login(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	if r.Method == http.MethodGet {
		_ = loginPage.Execute(w, map[string]string{"ID": id})
		return
	}
	if !p.store.authenticate(id, r.FormValue("username"), r.FormValue("password")) {
		w.WriteHeader(http.StatusUnauthorized)
		_ = loginPage.Execute(w, map[string]string{"ID": id, "Error": "Wrong username or password"})
		return
	}
	http.Redirect(w, r, op.AuthCallbackURL(p.op)(r.Context(), id), http.StatusFound)
}

// keyPair is one RSA signing key.
type keyPair struct {
	id  string
	key *rsa.PrivateKey
}

func newKeyPair(t testing.TB) keyPair {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return keyPair{id: "k" + string(rune('a'+b[0]%26)) + string(rune('a'+b[1]%26)) + time.Now().Format("150405.000000"), key: k}
}

// signingKey and publicKey adapt a key pair to the op package's interfaces.
type signingKey struct{ keyPair }

func (k signingKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k signingKey) Key() any                                    { return k.key }
func (k signingKey) ID() string                                  { return k.id }

type publicKey struct{ keyPair }

func (k publicKey) ID() string                         { return k.id }
func (k publicKey) Algorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k publicKey) Use() string                        { return "sig" }
func (k publicKey) Key() any                           { return &k.key.PublicKey }
