package web

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// OIDCProvider is an OpenID Provider people of the institution may sign in with: Microsoft
// Entra ID, Feide, ID-porten or any other that offers discovery and the authorization code
// flow with PKCE.
type OIDCProvider struct {
	Name         string // short and URL-safe: the sign-in path is /login/oidc/{name}
	DisplayName  string // on the button
	Issuer       string // discovery is read from {Issuer}/.well-known/openid-configuration
	ClientID     string
	ClientSecret string
	// Claim names the ID-token claim that identifies a person: "sub" (the default), "email"
	// or "eduPersonPrincipalName". With "email", a person already known by that (verified)
	// address is linked at the first sign-in.
	Claim string
	// SelfRegister, when set, is an e-mail domain whose people may create their account by
	// signing in (with a verified address); others must be invited first.
	SelfRegister string
}

var providerName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`)

// identifyingClaims are the claims a provider may identify people by.
var identifyingClaims = map[string]bool{"sub": true, "email": true, "eduPersonPrincipalName": true}

// ParseOIDCProviders reads providers from their textual form, as given on the command line
// or in the environment: providers separated by ";" or new lines, each a comma-separated list
// of key=value pairs with the keys name, display, issuer, client-id, client-secret, claim and
// self-register. For example:
//
//	name=feide,display=Feide,issuer=https://auth.dataporten.no,client-id=…,client-secret=…,claim=eduPersonPrincipalName
func ParseOIDCProviders(s string) ([]OIDCProvider, error) {
	var ps []OIDCProvider
	seen := map[string]bool{}
	for _, spec := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		if strings.TrimSpace(spec) == "" {
			continue
		}
		p, err := parseOIDCProvider(spec)
		if err != nil {
			return nil, err
		}
		if seen[p.Name] {
			return nil, fmt.Errorf("OpenID provider %q given twice", p.Name)
		}
		seen[p.Name] = true
		ps = append(ps, p)
	}
	return ps, nil
}

func parseOIDCProvider(spec string) (OIDCProvider, error) {
	p := OIDCProvider{Claim: "sub"}
	for _, pair := range strings.Split(spec, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(pair), "=")
		if !ok {
			return p, fmt.Errorf("OpenID provider: %q is not key=value", pair)
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "name":
			p.Name = v
		case "display":
			p.DisplayName = v
		case "issuer":
			p.Issuer = v
		case "client-id":
			p.ClientID = v
		case "client-secret":
			p.ClientSecret = v
		case "claim":
			p.Claim = v
		case "self-register":
			p.SelfRegister = strings.ToLower(strings.TrimPrefix(v, "@"))
		default:
			return p, fmt.Errorf("OpenID provider: unknown key %q", k)
		}
	}
	return p, p.validate()
}

func (p OIDCProvider) validate() error {
	switch {
	case !providerName.MatchString(p.Name):
		return fmt.Errorf("OpenID provider name %q: want a-z, 0-9 and -, at most 32", p.Name)
	case !validIssuer(p.Issuer):
		return fmt.Errorf("OpenID provider %s: issuer %q: want an https URL", p.Name, p.Issuer)
	case p.ClientID == "":
		return fmt.Errorf("OpenID provider %s: client-id missing", p.Name)
	case !identifyingClaims[p.Claim]:
		return fmt.Errorf("OpenID provider %s: claim %q: want sub, email or eduPersonPrincipalName", p.Name, p.Claim)
	case p.SelfRegister != "" && (strings.ContainsAny(p.SelfRegister, "@ /") || !strings.Contains(p.SelfRegister, ".")):
		return fmt.Errorf("OpenID provider %s: self-register %q: want an e-mail domain", p.Name, p.SelfRegister)
	case p.DisplayName == "":
		return fmt.Errorf("OpenID provider %s: display name missing", p.Name)
	}
	return nil
}

// validIssuer accepts https URLs, and http only on loopback (a provider started by a test or
// a developer).
func validIssuer(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return false
	}
	h := u.Hostname()
	return u.Scheme == "https" || (u.Scheme == "http" && (h == "127.0.0.1" || h == "localhost" || h == "::1"))
}
