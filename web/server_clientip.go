package web

import (
	"fmt"
	"net/http"
	"net/netip"
	"strings"
)

// Proxies is the list of reverse proxies whose forwarding headers are believed. From any other
// peer, X-Forwarded-For, Forwarded and X-Forwarded-Proto are ignored: anyone can send them.
type Proxies []netip.Prefix

// ParseProxies reads a comma- or space-separated list of addresses and CIDR prefixes, such as
// "127.0.0.1, 10.0.0.0/8, ::1". An empty string is no proxy.
func ParseProxies(s string) (Proxies, error) {
	var ps Proxies
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
		if strings.Contains(f, "/") {
			p, err := netip.ParsePrefix(f)
			if err != nil {
				return nil, fmt.Errorf("trusted proxy %q: %v", f, err)
			}
			ps = append(ps, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: %v", f, err)
		}
		a = a.Unmap()
		ps = append(ps, netip.PrefixFrom(a, a.BitLen()))
	}
	return ps, nil
}

// trusts reports whether a is one of the proxies.
func (ps Proxies) trusts(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range ps {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// peer is where a request came from as the server sees it: the client, or a proxy.
type peer struct {
	addr  netip.Addr
	https bool
}

// resolvePeer finds the client's address and whether it reached the first proxy over HTTPS.
// The chain of forwarded addresses is read from the right: each address added by a trusted
// proxy is skipped, and the first one that is not a trusted proxy is the client. Headers from
// an untrusted peer are not read at all.
func (ps Proxies) resolvePeer(r *http.Request) peer {
	remote, _ := netip.ParseAddrPort(r.RemoteAddr)
	p := peer{addr: remote.Addr().Unmap(), https: r.TLS != nil}
	if !p.addr.IsValid() || !ps.trusts(p.addr) {
		return p
	}
	chain, protos := forwardedChain(r.Header)
	if len(chain) == 0 {
		return p
	}
	i := len(chain) - 1
	for i > 0 && ps.trusts(chain[i]) {
		i--
	}
	if !chain[i].IsValid() {
		return p // a hop we cannot read: keep the proxy's own address
	}
	p.addr = chain[i].Unmap()
	if proto := protos[min(i, len(protos)-1)]; proto != "" {
		p.https = proto == "https"
	}
	return p
}

// forwardedChain returns the forwarded addresses, client first, and the scheme each hop
// reported ("" where unknown). The standard Forwarded header wins over the X-Forwarded-* pair
// when both are present. An address that cannot be parsed is kept as an invalid Addr so that
// the walk stops there.
func forwardedChain(h http.Header) ([]netip.Addr, []string) {
	if fs := h.Values("Forwarded"); len(fs) > 0 {
		return parseForwarded(strings.Join(fs, ","))
	}
	var addrs []netip.Addr
	for _, v := range h.Values("X-Forwarded-For") {
		for _, f := range strings.Split(v, ",") {
			if f = strings.TrimSpace(f); f != "" {
				addrs = append(addrs, parseNodeAddr(f))
			}
		}
	}
	if len(addrs) == 0 {
		return nil, nil
	}
	proto := ""
	if v := h.Values("X-Forwarded-Proto"); len(v) > 0 {
		// Several proxies may each append theirs; the first is the client's own scheme.
		proto = strings.ToLower(strings.TrimSpace(strings.Split(v[0], ",")[0]))
	}
	return addrs, []string{proto}
}

// parseForwarded reads an RFC 7239 Forwarded header: elements separated by commas, each a
// list of name=value pairs separated by semicolons.
func parseForwarded(v string) ([]netip.Addr, []string) {
	var addrs []netip.Addr
	var protos []string
	for _, elem := range splitQuoted(v, ',') {
		var addr netip.Addr
		proto, hasFor := "", false
		for _, pair := range splitQuoted(elem, ';') {
			name, val, ok := strings.Cut(strings.TrimSpace(pair), "=")
			if !ok {
				continue
			}
			val = strings.Trim(strings.TrimSpace(val), `"`)
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "for":
				addr, hasFor = parseNodeAddr(val), true
			case "proto":
				proto = strings.ToLower(val)
			}
		}
		if hasFor {
			addrs = append(addrs, addr)
			protos = append(protos, proto)
		}
	}
	return addrs, protos
}

// splitQuoted splits s at sep outside double quotes.
func splitQuoted(s string, sep byte) []string {
	var parts []string
	quoted, start := false, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case sep:
			if !quoted {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// parseNodeAddr reads an address as proxies write it: "192.0.2.1", "192.0.2.1:4711",
// "[2001:db8::1]:4711" or "2001:db8::1". Anything else ("unknown", obfuscated names) is an
// invalid Addr.
func parseNodeAddr(s string) netip.Addr {
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap()
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	if a, err := netip.ParseAddr(s); err == nil && a.Zone() == "" {
		return a.Unmap()
	}
	return netip.Addr{}
}

// withPeer records the client's address and scheme on the request's state, for every handler
// after it to read through clientIP and isHTTPS.
func (s *Server) withPeer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := state(r)
		p := s.cfg.TrustedProxies.resolvePeer(r)
		st.clientIP, st.https = p.addr, p.https
		next.ServeHTTP(w, r)
	})
}

// clientIP is the address of the client that made the request: the connection's peer, or,
// when that is a trusted proxy, the address the proxy forwarded. It is invalid only when the
// server cannot tell (a test's handler called without the middleware and no RemoteAddr).
func clientIP(r *http.Request) netip.Addr {
	if st := state(r); st.clientIP.IsValid() {
		return st.clientIP
	}
	ap, _ := netip.ParseAddrPort(r.RemoteAddr)
	return ap.Addr().Unmap()
}

// clientAddr is clientIP as a string, for keys and logs that need one.
func clientAddr(r *http.Request) string {
	if a := clientIP(r); a.IsValid() {
		return a.String()
	}
	return r.RemoteAddr
}

// isHTTPS reports whether the client reached the site over HTTPS: directly, or through a
// trusted proxy that said so.
func isHTTPS(r *http.Request) bool {
	if st := state(r); st.clientIP.IsValid() {
		return st.https
	}
	return r.TLS != nil
}
