package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// The interface languages. Bokmål first: it is the default and the fallback.
var (
	langBokmal  = language.MustParse("nb")
	langNynorsk = language.MustParse("nn")
	langEnglish = language.English
	languages   = []language.Tag{langBokmal, langNynorsk, langEnglish}
	langMatcher = language.NewMatcher(languages)
)

// langCookie remembers the chosen language for people who are not signed in.
const langCookie = "lang"

//go:embed i18n/*.json
var catalogFS embed.FS

// catalogs holds the parsed message bundle.
type catalogs struct {
	bundle *i18n.Bundle
	keys   map[string]map[string]bool // language → message IDs
}

func loadCatalogs() (*catalogs, error) {
	b := i18n.NewBundle(langBokmal)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	c := &catalogs{bundle: b, keys: map[string]map[string]bool{}}
	files, err := fs.Glob(catalogFS, "i18n/*.json")
	if err != nil {
		return nil, err
	}
	for _, name := range files {
		data, err := catalogFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		mf, err := b.ParseMessageFileBytes(data, path.Base(name))
		if err != nil {
			return nil, fmt.Errorf("catalog %s: %w", name, err)
		}
		// A language may have several files (nb.json, auth.nb.json, …), one per feature.
		ids := c.keys[mf.Tag.String()]
		if ids == nil {
			ids = map[string]bool{}
			c.keys[mf.Tag.String()] = ids
		}
		for _, m := range mf.Messages {
			if ids[m.ID] {
				return nil, fmt.Errorf("catalog %s: key %s is defined twice", name, m.ID)
			}
			ids[m.ID] = true
		}
	}
	for _, tag := range languages {
		if c.keys[tag.String()] == nil {
			return nil, fmt.Errorf("no catalog for %s", tag)
		}
	}
	return c, nil
}

// translator translates message keys into one language.
type translator struct {
	lang string
	loc  *i18n.Localizer
	miss func(key string)
}

func (c *catalogs) translator(lang string, miss func(string)) *translator {
	return &translator{lang: lang, loc: i18n.NewLocalizer(c.bundle, lang), miss: miss}
}

// T translates key; data fills {{.Name}} placeholders; a count selects the plural form.
func (t *translator) T(key string, args ...any) string {
	cfg := &i18n.LocalizeConfig{MessageID: key}
	if len(args) > 0 {
		switch v := args[0].(type) {
		case int:
			cfg.PluralCount = v
			cfg.TemplateData = map[string]any{"Count": v}
		default:
			cfg.TemplateData = v
		}
	}
	s, err := t.loc.Localize(cfg)
	if err != nil {
		if t.miss != nil {
			t.miss(key)
		}
		return key
	}
	return s
}

// pickLanguage chooses the interface language: an explicit choice (cookie, or the signed-in
// person's saved preference) wins over the browser's Accept-Language.
func pickLanguage(r *http.Request, saved string) string {
	if l := normLang(saved); l != "" {
		return l
	}
	if c, err := r.Cookie(langCookie); err == nil {
		if l := normLang(c.Value); l != "" {
			return l
		}
	}
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil || len(tags) == 0 {
		return langBokmal.String()
	}
	// "no" (Norwegian) means Bokmål in practice.
	for i, t := range tags {
		if b, _ := t.Base(); b.String() == "no" {
			tags[i] = langBokmal
		}
	}
	_, idx, conf := langMatcher.Match(tags...)
	if conf == language.No {
		return langBokmal.String()
	}
	return languages[idx].String()
}

// normLang returns one of nb, nn, en, or "" for anything else.
func normLang(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "nb", "no", "nob":
		return "nb"
	case "nn", "nno":
		return "nn"
	case "en", "eng":
		return "en"
	}
	return ""
}

// messageCatalogs are the catalogs for Message, loaded on first use.
var messageCatalogs = sync.OnceValues(loadCatalogs)

// Message translates a catalogue key into lang (nb, nn or en; anything else reads as Bokmål),
// filling {{.Name}} placeholders from data, for programs outside a request such as the command
// line. An unknown key is returned as it is.
func Message(lang, key string, data map[string]any) string {
	c, err := messageCatalogs()
	if err != nil {
		return key
	}
	if normLang(lang) == "" {
		lang = langBokmal.String()
	}
	if data == nil {
		return c.translator(normLang(lang), nil).T(key)
	}
	return c.translator(normLang(lang), nil).T(key, data)
}
