package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"laeringsliv/internal/ci"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/password"
)

// nginxConf is a TLS-terminating reverse proxy in front of the application, as the README
// recommends.
const nginxConf = `daemon off;
master_process off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 256; }
http {
	access_log off;
	client_body_temp_path %[1]s/body;
	proxy_temp_path %[1]s/proxy;
	fastcgi_temp_path %[1]s/fastcgi;
	uwsgi_temp_path %[1]s/uwsgi;
	scgi_temp_path %[1]s/scgi;
	server {
		listen 127.0.0.1:%[2]d ssl;
		ssl_certificate %[1]s/cert.pem;
		ssl_certificate_key %[1]s/key.pem;
		location / {
			proxy_pass http://%[3]s;
			proxy_set_header Host $host;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
			proxy_set_header X-Forwarded-Proto $scheme;
			proxy_buffering off;
		}
	}
}
`

// startNginx starts Debian's nginx on a free loopback port in front of upstream and returns
// its https:// URL.
func startNginx(t *testing.T, upstream string) string {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		if _, err2 := os.Stat("/usr/sbin/nginx"); err2 != nil {
			if ci.On() {
				t.Fatal("nginx missing (scripts/install-test-deps.sh installs it)")
			}
			t.Skip("nginx not installed")
		}
		bin = "/usr/sbin/nginx"
	}
	dir := t.TempDir()
	writeSelfSigned(t, dir)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	conf := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(conf, []byte(fmt.Sprintf(nginxConf, dir, port, upstream)), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", dir, "-c", conf, "-e", filepath.Join(dir, "error.log"))
	cmd.Stderr = t.Output()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx did not start:\n%s", log)
		}
	}
	return "https://" + addr
}

// writeSelfSigned writes a throwaway certificate and key for 127.0.0.1.
func writeSelfSigned(t *testing.T, dir string) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, NotBefore: time.Now().Add(-time.Hour),
		NotAfter: time.Now().Add(time.Hour), KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "cert.pem"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600))
	must(os.WriteFile(filepath.Join(dir, "key.pem"), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600))
}

// clientFrom returns a client whose connections leave from the loopback address from, so that
// the proxy sees distinct clients (Linux routes all of 127.0.0.0/8 to loopback).
func clientFrom(from string) *http.Client {
	jar, _ := cookiejar.New(nil)
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 5 * time.Second}
	return &http.Client{Jar: jar, Timeout: 20 * time.Second,
		Transport:     &http.Transport{DialContext: d.DialContext, TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func postLogin(t *testing.T, c *http.Client, base, email, pw string) *http.Response {
	t.Helper()
	resp, err := c.PostForm(base+"/login", url.Values{"email": {email}, "password": {pw}})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

// Behind a real nginx that terminates TLS: the server sees HTTPS (HSTS is sent) and the
// client's own address, so that 1,000 failed logins against one account from one address do
// not keep its owner out, from another address or from the same one, nor touch other accounts.
func TestBehindProxy(t *testing.T) {
	cfg := Config{Addr: "127.0.0.1:0", Database: tempDB(t), LogFormat: "text", LogLevel: slog.LevelError,
		Institution: DefaultInstitution, TrustedProxies: "127.0.0.1"}
	m := NewMain(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), io.Discard)
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Close() })
	ctx := context.Background()
	const pw = "fjordvik sykehjem kveldsvakt"
	hash, err := password.Hash(pw, password.Default)
	if err != nil {
		t.Fatal(err)
	}
	for _, email := range []string{"eier@fjordvik.no", "kollega@fjordvik.no"} {
		p := &laeringsliv.Person{InstitutionID: m.Institution.ID, Name: "Kari", Email: email}
		if err := m.DB.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := m.DB.SetPasswordHash(ctx, p.ID, hash); err != nil {
			t.Fatal(err)
		}
	}
	base := startNginx(t, strings.TrimPrefix(m.URL(), "http://"))

	// HTTPS as the proxy reports it: HSTS. Straight to the server over HTTP: none.
	resp, err := clientFrom("127.0.0.2").Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS behind the TLS-terminating proxy")
	}
	direct, _ := http.Get(m.URL() + "/login")
	direct.Body.Close()
	if direct.Header.Get("Strict-Transport-Security") != "" {
		t.Error("HSTS over plain HTTP")
	}

	attacker := clientFrom("127.0.0.2")
	start := time.Now()
	counts := map[int]int{}
	for range 1000 {
		counts[postLogin(t, attacker, base, "eier@fjordvik.no", "feil passord").StatusCode]++
	}
	took := time.Since(start)
	t.Logf("1000 failed logins from 127.0.0.2 in %v: %v (status: count)", took.Round(time.Millisecond), counts)
	// 3 free attempts, then waits of 1, 2 and 4 s: a slow machine gets a few more checks in.
	if limit := 6 + int(took/(4*time.Second)); counts[http.StatusUnauthorized] > limit {
		t.Errorf("%d passwords checked from one address in %v; want at most %d", counts[http.StatusUnauthorized], took, limit)
	}

	// The owner from another address: at once.
	if r := postLogin(t, clientFrom("127.0.0.3"), base, "eier@fjordvik.no", pw); r.StatusCode != http.StatusSeeOther {
		t.Errorf("owner from another address: status %d; want 303", r.StatusCode)
	}
	// Another account, from another address: untouched.
	if r := postLogin(t, clientFrom("127.0.0.4"), base, "kollega@fjordvik.no", pw); r.StatusCode != http.StatusSeeOther {
		t.Errorf("another account: status %d; want 303", r.StatusCode)
	}
	// The owner from the attacker's address (a shared staff room): within seconds.
	owner := clientFrom("127.0.0.2")
	start = time.Now()
	for {
		r := postLogin(t, owner, base, "eier@fjordvik.no", pw)
		if r.StatusCode == http.StatusSeeOther {
			break
		}
		if r.StatusCode != http.StatusTooManyRequests || time.Since(start) > 10*time.Second {
			t.Fatalf("owner from the attacker's address: status %d after %v", r.StatusCode, time.Since(start))
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Logf("owner from the attacker's address signed in after %v", time.Since(start).Round(time.Millisecond))
	for _, c := range owner.Jar.Cookies(&url.URL{Scheme: "https", Host: strings.TrimPrefix(base, "https://")}) {
		if c.Name == "__Host-session" {
			return
		}
	}
	t.Error("no session cookie through the proxy")
}

// Without --trusted-proxies the proxy's headers are not believed: everyone behind it shares
// its address (so a burst of failures slows the owner down too) and HSTS is not sent, since
// the server cannot tell that the client used HTTPS. This is the default, and the reason to
// set the flag.
func TestBehindProxyUntrusted(t *testing.T) {
	cfg := Config{Addr: "127.0.0.1:0", Database: tempDB(t), LogFormat: "text", LogLevel: slog.LevelError,
		Institution: DefaultInstitution}
	m := NewMain(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), io.Discard)
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Close() })
	hash, err := password.Hash("fjordvik sykehjem kveldsvakt", password.Default)
	if err != nil {
		t.Fatal(err)
	}
	p := &laeringsliv.Person{InstitutionID: m.Institution.ID, Name: "Kari", Email: "eier@fjordvik.no"}
	if err := m.DB.CreatePerson(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	if err := m.DB.SetPasswordHash(context.Background(), p.ID, hash); err != nil {
		t.Fatal(err)
	}
	base := startNginx(t, strings.TrimPrefix(m.URL(), "http://"))
	resp, err := clientFrom("127.0.0.2").Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Strict-Transport-Security") != "" {
		t.Error("HSTS from an untrusted proxy's say-so")
	}
	attacker := clientFrom("127.0.0.2")
	for range 10 {
		postLogin(t, attacker, base, "eier@fjordvik.no", "feil passord")
	}
	if r := postLogin(t, clientFrom("127.0.0.3"), base, "eier@fjordvik.no", "fjordvik sykehjem kveldsvakt"); r.StatusCode != http.StatusTooManyRequests {
		t.Errorf("owner elsewhere behind an untrusted proxy: %d; want 429 (one shared address)", r.StatusCode)
	}
}
