package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"laeringsliv"
)

//go:embed templates
var templateFS embed.FS

// pages holds one parsed template set per page: the layout, the partials and the page.
type pages struct {
	sets map[string]*template.Template
}

// funcsAtParse declares the template functions; the request-bound ones are replaced on a clone
// per request (a shared set with swapped functions would race between requests).
func funcsAtParse() template.FuncMap {
	return template.FuncMap{
		"t":      func(key string, args ...any) string { return key },
		"lang":   func() string { return "nb" },
		"number": func(v float64) string { return "" },
		"date":   func(v any) string { return "" },
		"field":  fieldOf,
		"asset":  func(string) string { return "" },
	}
}

func loadPages() (*pages, error) {
	files, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{sets: map[string]*template.Template{}}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		t, err := template.New("layout.html").Funcs(funcsAtParse()).ParseFS(templateFS,
			"templates/layout.html", "templates/partials/*.html", f)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		p.sets[name] = t
	}
	return p, nil
}

// Page is what every page's data embeds: the frame around the content.
type Page struct {
	Lang      string
	Title     string // already translated or a proper name
	Actor     *laeringsliv.Actor
	Path      string // the current path and query, for the language links
	Flash     string // message key of a one-time notice
	Errors    []FieldErr
	Languages []LangLink
	Nav       []NavLink
	// Bare leaves out the app's header and footer: a presentation on a projector.
	Bare bool
}

// FieldErr is one message of a form's error summary, linked to its field.
type FieldErr struct {
	Field string
	Key   string
}

// LangLink switches the interface language.
type LangLink struct {
	Code, Name, Href string
	Current          bool
}

// NavLink is an entry of the main navigation.
type NavLink struct {
	Href, Key string
	Current   bool
}

// base fills the frame of a page for this request.
func (s *Server) base(w http.ResponseWriter, r *http.Request, title string) Page {
	st := state(r)
	p := Page{Lang: st.lang, Title: title, Actor: st.actor, Path: r.URL.RequestURI(), Flash: takeFlash(w, r)}
	for _, l := range []struct{ code, name string }{{"nb", "Bokmål"}, {"nn", "Nynorsk"}, {"en", "English"}} {
		p.Languages = append(p.Languages, LangLink{Code: l.code, Name: l.name, Current: l.code == st.lang,
			Href: "/lang/" + l.code + "?next=" + url.QueryEscape(p.Path)})
	}
	if st.actor != nil {
		p.Nav = append(p.Nav, NavLink{Href: "/", Key: "nav.dashboard", Current: r.URL.Path == "/"})
		if st.actor.IsAdmin() {
			p.Nav = append(p.Nav, NavLink{Href: "/admin", Key: "nav.admin", Current: strings.HasPrefix(r.URL.Path, "/admin")})
		}
		p.Nav = append(p.Nav, NavLink{Href: "/account/password", Key: "nav.account", Current: r.URL.Path == "/account/password"})
	}
	return p
}

// render executes a page with the request's language bound into its functions. The page is
// written to a buffer first so that a template error becomes a clean 500, not half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	set, ok := s.pages.sets[name]
	if !ok {
		s.serverError(w, r, fmt.Errorf("no page %q", name))
		return
	}
	t, err := set.Clone()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	st := state(r)
	t.Funcs(template.FuncMap{
		"t":      st.tr.T,
		"lang":   func() string { return st.lang },
		"number": func(v float64) string { return formatNumber(v, st.lang) },
		"date":   func(v any) string { return formatDate(v, st.lang) },
		"asset":  s.assets.url,
	})
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", data); err != nil {
		s.serverError(w, r, fmt.Errorf("render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// formatNumber writes a number the Norwegian way (decimal comma) or the English way, without
// trailing zeros.
func formatNumber(v float64, lang string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// fieldOf returns the message key of the first error for a field, for a template to show.
func fieldOf(errs []FieldErr, field string) string {
	for _, e := range errs {
		if e.Field == field {
			return e.Key
		}
	}
	return ""
}

// flashCookie carries a message key (never data) to the next page after a redirect.
const flashCookie = "__Host-flash"

func setFlash(w http.ResponseWriter, key string) {
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: key, Path: "/", MaxAge: 60,
		Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

func takeFlash(w http.ResponseWriter, r *http.Request) string {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return ""
	}
	clearCookie(w, flashCookie)
	if !strings.HasPrefix(c.Value, "flash.") || len(c.Value) > 64 {
		return ""
	}
	return c.Value
}
