package web

import (
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"laeringsliv/sqlstore/sqltest"
)

var hrefs = regexp.MustCompile(`<a [^>]*href="(/[^"#]*)"`)

// Pages show only what the reader may use: every link on every page a role can open, followed
// as that role, must not answer 403 (the policy that guards the routes decides the links too).
func TestLinksOnlyWhereAllowed(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	refused := map[string]bool{}
	pages, links := 0, 0
	for _, role := range signedIns {
		c := f.signIn(t, role)
		seen := map[string]bool{}
		for _, rt := range f.server.routes() {
			method, _, _ := strings.Cut(rt.pattern, " ")
			if method != http.MethodGet || strings.Contains(rt.pattern, "/api/") || strings.Contains(rt.pattern, "/static/") ||
				strings.Contains(rt.pattern, "/logout") || strings.Contains(rt.pattern, "/lang/") {
				continue
			}
			_, path := f.fillPath(t, rt.pattern, true)
			resp, body := f.do(t, c, http.MethodGet, path, nil)
			if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") {
				continue
			}
			pages++
			for _, m := range hrefs.FindAllStringSubmatch(body, -1) {
				link := strings.ReplaceAll(m[1], "&amp;", "&")
				if seen[link] || strings.HasPrefix(link, "/logout") || strings.HasPrefix(link, "/lang/") {
					continue
				}
				seen[link] = true
				links++
				lr, _ := f.do(t, c, http.MethodGet, link, nil)
				if lr.StatusCode == http.StatusForbidden {
					refused[string(role)+": "+link+" (on "+rt.pattern+")"] = true
				}
			}
		}
	}
	var list []string
	for k := range refused {
		list = append(list, k)
	}
	sort.Strings(list)
	for _, l := range list {
		t.Errorf("a link the reader may not follow: %s", l)
	}
	t.Logf("%d pages, %d distinct links followed per role", pages, links)
}
