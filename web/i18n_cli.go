package web

import "sync"

// sharedCatalogs loads the catalogs once for callers outside a Server (the command line).
var sharedCatalogs = sync.OnceValues(loadCatalogs)

// Translate returns the text of key in lang ("nb", "nn" or "en"; anything else is Bokmål),
// with data filling its placeholders, and whether the catalogs have the key. The command
// line uses it so that its errors are sentences in the user's language, never keys.
func Translate(lang, key string, data any) (string, bool) {
	c, err := sharedCatalogs()
	if err != nil {
		return key, false
	}
	if l := normLang(lang); l != "" {
		lang = l
	} else {
		lang = "nb"
	}
	found := true
	t := c.translator(lang, func(string) { found = false })
	if data == nil {
		return t.T(key), found
	}
	return t.T(key, data), found
}
